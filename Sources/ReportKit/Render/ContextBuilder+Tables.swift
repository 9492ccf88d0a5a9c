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

    func tableContext(_ table: Table, page: Page) -> GridContext {
        let grid = TableExport.grid(of: table)
        var unitNotes: [String] = []
        if let tableUnit = table.unit?.value { unitNotes.append(Self.unitPhrase(tableUnit)) }
        if let period = table.period?.value { unitNotes.append(period.text) }
        let context = tableGrid(grid, id: "tabell-\(table.id.value)", caption: table.caption,
                                  file: page.path + TableExport.fileName(of: table), page: page)
        context.caption = TemplateText(table.caption)
        if !unitNotes.isEmpty { context.unitNote = TemplateText(unitNotes.joined(separator: ", ")) }
        context.missing = table.missing.map { TemplateText($0) }
        context.note = table.note.map { TemplateText($0) }
        context.contradictions = TemplateItems.wrap((table.contradictions ?? []).map {
            GridContext.Contradiction(row: $0.row.value, note: CompoundBreaks.marked($0.note))
        })
        return context
    }

    /// Header, rows, anchor, CSV link and size of a table made from `grid`.
    func tableGrid(_ grid: TableExport.Grid, id: String, caption: String, file: String, page: Page) -> GridContext {
        let wide = Set(grid.header.indices.filter { column in
            column > 0 && grid.rows.contains { $0.indices.contains(column) && !$0[column].numeric && $0[column].text.count > Self.wideTextLength }
        })
        // A column with a number in it is right-aligned throughout, words ("uppgift saknas") too.
        let numericColumns = Set(grid.header.indices.filter { column in
            column > 0 && grid.rows.contains { $0.indices.contains(column) && $0[column].numeric }
        })
        let columns = grid.header.enumerated().map { index, label in
            GridContext.Column(label: CompoundBreaks.marked(label), first: index == 0, numeric: numericColumns.contains(index))
        }
        let rows = grid.rows.map { row in
            let cells = row.dropFirst().enumerated().map { offset, cell in
                let numeric = numericColumns.contains(offset + 1)
                // A footnote mark stays beside its value; a note in words folds away under it.
                return GridContext.Cell(text: cell.numeric ? cell.text : CompoundBreaks.marked(cell.text), numeric: numeric,
                                        missing: !cell.stated,
                                        cellNote: cell.note.flatMap { $0.count <= Self.footnoteMarkLength ? $0 : nil },
                                        cellDetails: cell.note.flatMap { $0.count > Self.footnoteMarkLength ? $0 : nil },
                                        wide: !numeric && wide.contains(offset + 1))
            }
            return GridContext.Row(label: CompoundBreaks.marked(row.first?.text ?? ""), cells: cells)
        }
        return GridContext(id: id, columns: columns, rows: rows, long: grid.rows.count > Self.longTableRows, what: caption,
                           csvHref: linker.href(from: page, toFile: file),
                           // Made once by the site-files stage; here only for a builder used without it.
                           csvSize: TableExport.sizeLabel(bytes: tableFileSizes[file] ?? TableExport.csv(grid).count))
    }

    // MARK: - Key figures

    /// The key-figure table of a section: the value as the report prints it right after the
    /// figure's name, so that on a phone it is in view beside the sticky name, then in the
    /// metric's unit and sign; what it is and its period after them; the source, with the note
    /// and any contradiction folded under it.
    func figuresTable(_ facts: [FigureFacts], page: Page) -> FiguresTable {
        FiguresTable(id: "tabell-nyckeltal", long: facts.count > Self.longTableRows, what: "Nyckeltal som rapporten anger",
                     csvHref: linker.href(from: page, toFile: page.path + "nyckeltal.csv"),
                     csvSize: TableExport.sizeLabel(bytes: tableFileSizes[page.path + "nyckeltal.csv"]
                                                        ?? TableExport.csv(figuresGrid(facts)).count),
                     items: facts.map { FigureRow(facts: $0, metricHref: linker.href(from: page, to: "jamfor/\($0.metricID)/")) })
    }

    /// What `figuresTable` shows, cell by cell (the note and contradiction after the source).
    func figuresGrid(_ facts: [FigureFacts]) -> TableExport.Grid {
        TableExport.Grid(header: ["Nyckeltal", "Som rapporten anger", "I nyckeltalets enhet och tecken", "Avser", "Period", "Källa"],
                         rows: facts.map(\.cells))
    }

    /// Each figure's `FigureFacts`, by section (`report/kind`) as `figuresBySection` holds them.
    /// - Parameter last: the last build's facts and the index they were made from: a section
    ///   whose figures are the very objects of that index (an unchanged report's, which the
    ///   next index reuses) has the same facts, when the metrics' titles are the same.
    static func figureFacts(_ figuresBySection: [String: [NormalisedFigure]], metrics: [String: Document<MetricMatter>],
                            parallel: Bool, reusing last: (index: SiteIndex, facts: [String: [FigureFacts]])? = nil)
        -> [String: [FigureFacts]] {
        let last = last.flatMap { last in
            last.index.metrics.mapValues(\.matter.title) == metrics.mapValues(\.matter.title) ? last : nil
        }
        let keys = figuresBySection.keys.sorted()
        let facts = Parallel.map(keys, parallel: parallel) { key in
            let figures = figuresBySection[key] ?? []
            if let last, let old = last.index.figuresBySection[key], let kept = last.facts[key], old.count == figures.count,
               zip(old, figures).allSatisfy({ $0 === $1 }) {
                return kept
            }
            return figures.map { figure in
                FigureFacts(figure, metricTitle: metrics[figure.figure.metric.value]?.matter.title ?? figure.figure.metric.value,
                            basis: label(of: figure.figure.basis))
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, facts))
    }

    /// A figure's anchor on its section page: `figur-` and its id.
    static func figureAnchor(_ figure: Figure) -> String? {
        figure.id.map { "figur-\($0.value)" }
    }

    // MARK: - Indicators of a goal

    func indicatorTable(_ goal: Goal, anchor: String, page: Page, sectionPath: String) -> GridContext? {
        guard let indicators = goal.indicators, !indicators.isEmpty else { return nil }
        let grid = indicatorsGrid(indicators)
        return tableGrid(grid, id: "\(anchor)-indikatorer", caption: "Indikatorer för \(goal.title)",
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
        let facts = figureFacts["\(report.id)/\(section.kind.rawValue)"] ?? []
        if !facts.isEmpty { files.append(TableExport.File(path: page.path + "nyckeltal.csv", grid: figuresGrid(facts))) }
        for goal in matter.goals ?? [] {
            guard let indicators = goal.indicators, !indicators.isEmpty else { continue }
            files.append(TableExport.File(path: page.path + "mal-\(goal.id.value)-indikatorer.csv", grid: indicatorsGrid(indicators)))
        }
        return files
    }
}
