import Mustache

/// A table as `partials/table`, `partials/goal` (indicators) and the municipality page draw it:
/// header, rows, anchor, CSV link and size, and for a report's own table its caption, notes
/// and source.
final class GridContext: MustacheParent {
    let id: TemplateText
    let columns: [Column]
    let rows: [Row]
    let long: Bool
    let what: TemplateText
    let csvHref: TemplateText
    let csvSize: TemplateText
    /// A report's own table only.
    var caption: TemplateText?
    var unitNote: TemplateText?
    var missing: TemplateText?
    var note: TemplateText?
    var contradictions: TemplateItems<Contradiction>?
    var citation: (source: TemplateText, href: Any, quote: Any)?

    init(id: String, columns: [Column], rows: [Row], long: Bool, what: String, csvHref: String, csvSize: String) {
        self.id = TemplateText(id)
        self.columns = columns
        self.rows = rows
        self.long = long
        self.what = TemplateText(what)
        self.csvHref = TemplateText(csvHref)
        self.csvSize = TemplateText(csvSize)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "columns": columns
        case "rows": rows
        case "long": long
        case "what": what
        case "csv_href": csvHref
        case "csv_size": csvSize
        case "caption": caption
        case "unit_note": unitNote
        case "missing": missing
        case "note": note
        case "contradictions": contradictions
        case "source": citation?.source
        case "source_href": citation?.href
        case "source_quote": citation?.quote
        default: nil
        }
    }

    final class Column: MustacheParent {
        let label: TemplateText
        let first: Bool
        let numeric: Bool

        init(label: String, first: Bool, numeric: Bool) {
            self.label = TemplateText(label)
            self.first = first
            self.numeric = numeric
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "first": first
            case "numeric": numeric
            default: nil
            }
        }
    }

    final class Row: MustacheParent {
        let label: TemplateText
        let cells: [Cell]

        init(label: String, cells: [Cell]) {
            self.label = TemplateText(label)
            self.cells = cells
        }

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "cells": cells
            default: nil
            }
        }
    }

    /// A cell answers every name `partials/cell` asks, false where it has nothing: otherwise
    /// Mustache would find the table's own `missing` or `note`.
    final class Cell: MustacheParent {
        let text: TemplateText
        let numeric: Bool
        let missing: Bool
        /// A footnote mark, or false.
        let cellNote: Any
        /// A note in words, or false.
        let cellDetails: Any
        let wide: Bool

        init(text: String, numeric: Bool, missing: Bool, cellNote: String?, cellDetails: String?, wide: Bool) {
            self.text = TemplateText(text)
            self.numeric = numeric
            self.missing = missing
            self.cellNote = TemplateText.orFalse(cellNote)
            self.cellDetails = TemplateText.orFalse(cellDetails)
            self.wide = wide
        }

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "numeric": numeric
            case "missing": missing
            case "cell_note": cellNote
            case "cell_details": cellDetails
            case "wide": wide
            default: nil
            }
        }
    }

    /// A row the report contradicts elsewhere: `{{row}}: {{note}}`.
    final class Contradiction: MustacheParent {
        let row: TemplateText
        let note: TemplateText

        init(row: String, note: String) {
            self.row = TemplateText(row)
            self.note = TemplateText(note)
        }

        func child(named name: String) -> Any? {
            switch name {
            case "row": row
            case "note": note
            default: nil
            }
        }
    }
}
