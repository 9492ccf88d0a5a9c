/// The tables of a page: the report's own tables, the key figures of a section and the
/// indicators of each goal. Each has an anchor with a visible "Länk hit" and its own CSV file,
/// made from the same `TableExport.Grid` as the page, so the two cannot differ.
extension ContextBuilder {
    /// A table with more rows than this scrolls in a box of its own height, with a sticky header.
    static let longTableRows = 15
    /// A text column whose longest cell is longer than this gets a wider minimum on a wide screen.
    static let wideTextLength = 50
    /// A cell's note up to this long is a footnote mark ("*", "1)"); a longer one is words.
    static let footnoteMarkLength = 4

    func tableContext(_ table: Table, page: Page) -> Context {
        let grid = TableExport.grid(of: table)
        var unitNotes: [String] = []
        if let tableUnit = table.unit?.value { unitNotes.append(Self.unitPhrase(tableUnit)) }
        if let period = table.period?.value { unitNotes.append(period.text) }
        var context = gridContext(grid, id: "tabell-\(table.id.value)", caption: table.caption,
                                  file: page.path + TableExport.fileName(of: table), page: page)
        context["caption"] = table.caption
        if !unitNotes.isEmpty { context["unit_note"] = unitNotes.joined(separator: ", ") }
        if let missing = table.missing { context["missing"] = missing }
        if let note = table.note { context["note"] = note }
        if let contradictions = table.contradictions, !contradictions.isEmpty {
            context["contradictions"] = wrap(contradictions.map { ["row": $0.row.value, "note": CompoundBreaks.marked($0.note)] })
        }
        return context
    }

    /// Header, rows, anchor, CSV link and size of a table made from `grid`.
    func gridContext(_ grid: TableExport.Grid, id: String, caption: String, file: String, page: Page) -> Context {
        let wide = Set(grid.header.indices.filter { column in
            column > 0 && grid.rows.contains { $0.indices.contains(column) && !$0[column].numeric && $0[column].text.count > Self.wideTextLength }
        })
        // A column with a number in it is right-aligned throughout, words ("uppgift saknas") too.
        let numericColumns = Set(grid.header.indices.filter { column in
            column > 0 && grid.rows.contains { $0.indices.contains(column) && $0[column].numeric }
        })
        let columns = grid.header.enumerated().map { index, label -> Context in
            ["label": CompoundBreaks.marked(label), "first": index == 0, "numeric": numericColumns.contains(index)]
        }
        let rows = grid.rows.map { row -> Context in
            let cells = row.dropFirst().enumerated().map { offset, cell -> Context in
                let numeric = numericColumns.contains(offset + 1)
                // Every key set explicitly: Mustache would otherwise find the table's own "missing".
                // A cell without a note says so with false: an empty text is a value to Mustache.
                // A footnote mark stays beside its value; a note in words folds away under it.
                let mark = cell.note.flatMap { $0.count <= Self.footnoteMarkLength ? $0 : nil }
                let words = cell.note.flatMap { $0.count > Self.footnoteMarkLength ? $0 : nil }
                return ["text": cell.numeric ? cell.text : CompoundBreaks.marked(cell.text), "numeric": numeric, "missing": !cell.stated,
                        "cell_note": mark.map { $0 as Any } ?? false, "cell_details": words.map { $0 as Any } ?? false,
                        "wide": !numeric && wide.contains(offset + 1)]
            }
            return ["label": CompoundBreaks.marked(row.first?.text ?? ""), "cells": cells]
        }
        return [
            "id": id, "columns": columns, "rows": rows, "long": grid.rows.count > Self.longTableRows,
            "what": caption,
            "csv_href": linker.href(from: page, toFile: file),
            // Made once by the site-files stage; here only for a builder used without it.
            "csv_size": TableExport.sizeLabel(bytes: tableFileSizes[file] ?? TableExport.csv(grid).count),
        ]
    }

    // MARK: - Key figures

    /// The key-figure table of a section: the value as the report prints it right after the
    /// figure's name, so that on a phone it is in view beside the sticky name, then in the
    /// metric's unit and sign; what it is and its period after them; the source, with the note
    /// and any contradiction folded under it.
    func figuresTable(_ figures: [NormalisedFigure], page: Page) -> Context {
        var context = gridContext(figuresGrid(figures), id: "tabell-nyckeltal", caption: "Nyckeltal som rapporten anger",
                                  file: page.path + "nyckeltal.csv", page: page)
        context["items"] = figures.map { figure -> Context in
            var row = figureRow(figure, page)
            if let name = row["metric"] as? String { row["metric"] = CompoundBreaks.marked(name) }
            if let breakdown = row["breakdown"] as? String { row["breakdown"] = CompoundBreaks.marked(breakdown) }
            return row
        }
        return context
    }

    /// What `figuresTable` shows, cell by cell (the note and contradiction after the source).
    func figuresGrid(_ figures: [NormalisedFigure]) -> TableExport.Grid {
        TableExport.Grid(header: ["Nyckeltal", "Som rapporten anger", "I nyckeltalets enhet och tecken", "Avser", "Period", "Källa"],
                         rows: figures.map { figure in
            let f = figure.figure
            let name = (metrics[f.metric.value]?.matter.title ?? f.metric.value) + (f.breakdown.map { ", \($0)" } ?? "")
            let source = [Citation(f.source, report: figure.report, section: figure.section).plainText, f.note, f.contradiction]
                .compactMap { $0 }
            return [TableExport.Cell(text: name),
                    TableExport.Cell(text: NumberFormat.format(f.value.value, unit: f.unit.value), numeric: true),
                    TableExport.Cell(text: NumberFormat.format(figure.value, unit: figure.unit), numeric: true),
                    TableExport.Cell(text: basisLabel(f.basis)),
                    TableExport.Cell(text: f.timeText),
                    TableExport.Cell(text: source.joined(separator: " "))]
        })
    }

    /// A figure's anchor on its section page: `figur-` and its id.
    static func figureAnchor(_ figure: Figure) -> String? {
        figure.id.map { "figur-\($0.value)" }
    }

    // MARK: - Indicators of a goal

    func indicatorTable(_ goal: Goal, anchor: String, page: Page, sectionPath: String) -> Context? {
        guard let indicators = goal.indicators, !indicators.isEmpty else { return nil }
        let grid = indicatorsGrid(indicators)
        return gridContext(grid, id: "\(anchor)-indikatorer", caption: "Indikatorer för \(goal.title)",
                           file: sectionPath + "mal-\(goal.id.value)-indikatorer.csv", page: page)
    }

    func indicatorsGrid(_ indicators: [Goal.Indicator]) -> TableExport.Grid {
        // The outcome first after the name, as the value the row is for.
        TableExport.Grid(header: ["Indikator", "Utfall", "Mål", "Period", "Trend"], rows: indicators.map { indicator in
            let unit = indicator.unit?.value
            let name = indicator.breakdown.map { "\(indicator.name), \($0)" } ?? indicator.name
            let trend = (indicator.trend ?? "–") + (indicator.note.map { ". \($0)" } ?? "")
            return [TableExport.Cell(text: name),
                    TableExport.Cell(text: format(indicator.outcome?.value, unit: unit), numeric: Self.isNumber(indicator.outcome?.value)),
                    TableExport.Cell(text: format(indicator.target, unit: unit), numeric: Self.isNumber(indicator.target)),
                    TableExport.Cell(text: indicator.period?.value.text ?? NumberFormat.missing),
                    TableExport.Cell(text: trend)]
        })
    }

    static func isNumber(_ value: Goal.Target?) -> Bool {
        if case .number? = value { return true }
        return false
    }

    // MARK: - A municipality's words for its verdicts

    func verdictScaleGrid(_ municipality: Document<MunicipalityMatter>) -> TableExport.Grid {
        let levels = content.scale?.matter.levels ?? []
        return TableExport.Grid(header: ["Rapportens ord", "Gemensam nivå"], rows: municipality.matter.verdictScale.map { entry in
            [TableExport.Cell(text: entry.term),
             TableExport.Cell(text: levels.first { $0.id.value == entry.level.value }?.label ?? entry.level.value)]
        })
    }

    static let verdictScaleFile = "tabell-bedomningsord.csv"

    // MARK: - Files

    /// The CSV files of the tables `page` shows first-hand (the goals and theme pages link to
    /// the files of the sections their goals come from).
    func tableFiles(for page: Page) -> [TableExport.File] {
        if case .municipality(let municipality) = page.kind {
            return [TableExport.File(path: page.path + Self.verdictScaleFile, grid: verdictScaleGrid(municipality))]
                + (metricsOverYears(municipality).map { [TableExport.File(path: page.path + Self.metricsOverYearsFile, grid: $0.grid)] } ?? [])
        }
        guard case .section(let report, let section) = page.kind else { return [] }
        let matter = section.document.matter
        var files = (matter.tables ?? []).map {
            TableExport.File(path: page.path + TableExport.fileName(of: $0), grid: TableExport.grid(of: $0))
        }
        let figures = figuresBySection["\(report.id)/\(section.kind.rawValue)"] ?? []
        if !figures.isEmpty { files.append(TableExport.File(path: page.path + "nyckeltal.csv", grid: figuresGrid(figures))) }
        for goal in matter.goals ?? [] {
            guard let indicators = goal.indicators, !indicators.isEmpty else { continue }
            files.append(TableExport.File(path: page.path + "mal-\(goal.id.value)-indikatorer.csv", grid: indicatorsGrid(indicators)))
        }
        return files
    }
}
