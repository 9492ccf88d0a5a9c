import Mustache

/// What `municipality.mustache` shows: the committee's scope, its reports, its metrics over
/// the years, its words for the verdicts and the other municipalities.
final class MunicipalityContext: MustacheParent {
    let scope: TemplateText
    let scale: GridContext
    let reports: [ReportRow]
    let metricsTable: MetricsTable?
    let others: TemplateItems<Other>?

    init(scope: String, scale: GridContext, reports: [ReportRow], metricsTable: MetricsTable?, others: TemplateItems<Other>?) {
        self.scope = TemplateText(scope)
        self.scale = scale
        self.reports = reports
        self.metricsTable = metricsTable
        self.others = others
    }

    func child(named name: String) -> Any? {
        switch name {
        case "scope": scope
        case "scale": scale
        case "reports": reports
        case "metrics_table": metricsTable
        case "others": others
        default: nil
        }
    }

    /// One of the municipality's reports, with its period.
    final class ReportRow: MustacheParent {
        let title: TemplateText
        let href: TemplateText
        let period: TemplateText

        init(title: String, href: String, period: String) {
            self.title = TemplateText(title)
            self.href = TemplateText(href)
            self.period = TemplateText(period)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "period": period
            default: nil
            }
        }
    }

    /// The metrics-over-years grid, each row linked to its metric's page and each stated value
    /// to the figure on its section page.
    final class MetricsTable: MustacheParent {
        let grid: GridContext
        let rows: [Row]

        init(grid: GridContext, rows: [Row]) {
            self.grid = grid
            self.rows = rows
        }

        func child(named name: String) -> Any? {
            name == "rows" ? rows : grid.child(named: name)
        }
    }

    final class Row: MustacheParent {
        let row: GridContext.Row
        let metricHref: TemplateText
        let cells: [Cell]

        init(row: GridContext.Row, metricHref: String, cells: [Cell]) {
            self.row = row
            self.metricHref = TemplateText(metricHref)
            self.cells = cells
        }

        func child(named name: String) -> Any? {
            switch name {
            case "metric_href": metricHref
            case "cells": cells
            default: row.child(named: name)
            }
        }
    }

    /// A grid cell with the link to its figure; no link (nil) where the year states none.
    final class Cell: MustacheParent {
        let cell: GridContext.Cell
        let href: TemplateText?

        init(cell: GridContext.Cell, href: String?) {
            self.cell = cell
            self.href = href.map { TemplateText($0) }
        }

        func child(named name: String) -> Any? {
            name == "href" ? href : cell.child(named: name)
        }
    }

    /// Another municipality, with its reports on a small site.
    final class Other: MustacheParent {
        let name: TemplateText
        let href: TemplateText
        let reports: [LinkRow]

        init(name: String, href: String, reports: [LinkRow]) {
            self.name = TemplateText(name)
            self.href = TemplateText(href)
            self.reports = reports
        }

        func child(named field: String) -> Any? {
            switch field {
            case "name": name
            case "href": href
            case "reports": reports
            case "has_reports": !reports.isEmpty
            default: nil
            }
        }
    }
}
