extension ContextBuilder {
    func report(_ report: Report, _ context: inout Context, _ page: Page) {
        let matter = report.index.matter
        context["draft"] = report.isDraft
        context["municipality"] = municipalityName(report)
        context["municipality_href"] = linker.href(from: page, to: "kommuner/\(matter.municipality.value)/")
        context["facts"] = [
            fact("Kommun", municipalityName(report)),
            fact("Nämnd", matter.committee),
            fact("Rapport", reportKindLabel(report)),
            fact("Period", "\(matter.period.value.start) – \(matter.period.value.end)"),
            fact("Diarienummer", matter.dnr),
            fact("Beslutsdatum", matter.decisionDate.map(NumberFormat.longDate)),
            fact("Källa", matter.source.title),
        ]
        context["sections"] = report.sections.map { section -> Context in
            ["title": section.document.matter.title,
             "href": linker.href(from: page, to: sectionPath(report, section)),
             "summarises": section.document.matter.summarises]
        }
        context["others"] = wrap(otherReports(of: report, page: page))
        context["headline"] = [
            fact("Nettokostnad", headline("nettokostnad", in: report).map(labelled)),
            fact("Budgetavvikelse", headline("budgetavvikelse", in: report).map(labelled)),
            fact("Sjukfrånvaro", headline("sjukfranvaro", in: report).map(labelled)),
        ]
    }

    /// The reports a report's start page offers to read next, each with its municipality.
    func otherReports(of report: Report, page: Page) -> [Context] {
        (comparisons[report.id] ?? []).map { other in
            ["label": other.label, "title": other.reportTitle, "href": linker.href(from: page, to: other.reportPath),
             "municipality": other.municipalityName, "municipality_href": linker.href(from: page, to: other.municipalityPath)]
        }
    }

    /// The report's own verdict word, and that reading it as a level of the common scale is
    /// the site's judgement, not the report's.
    static func mappingNote(term: String, level: String) -> String {
        if term.lowercased() == level.lowercased() { return "Rapportens ord: ”\(term)”." }
        return "Rapportens ord: ”\(term)”. Att det motsvarar ”\(level)” på den gemensamma skalan är webbplatsens tolkning."
    }

    func fact(_ label: String, _ value: String?) -> Context {
        ["label": label, "value": value ?? NumberFormat.missing, "missing": value == nil]
    }

    func section(_ section: Section, of report: Report, _ context: inout Context, _ toc: inout [Context], _ page: Page) {
        let matter = section.document.matter
        context["draft"] = report.isDraft
        context["report_title"] = report.index.matter.title
        context["report_label"] = reportLabel(report)
        context["report_href"] = linker.href(from: page, to: "\(report.id)/")
        context["summarises"] = matter.summarises
        Citation(matter.source, report: report, section: section).add(to: &context)
        context["period"] = NumberFormat.period(report.index.matter.period.value)
        context["report_kind"] = reportKindLabel(report)

        // "Jämför med": the same section in the other reports; where one lacks it, its nearest
        // section or its start page, saying so.
        context["compare"] = wrap((comparisons[report.id] ?? []).map { other -> Context in
            // Every key set: Mustache would otherwise look for an absent one further out.
            var item: Context = ["label": other.label, "href": false, "nearest": false, "start_href": false]
            if let path = other.sectionPaths[section.kind] {
                item["href"] = linker.href(from: page, to: path)
            } else if let nearest = (Self.nearestSections[section.kind] ?? []).first(where: { other.sectionPaths[$0] != nil }),
                      let path = other.sectionPaths[nearest] {
                item["nearest"] = ["title": other.sectionTitles[nearest] ?? nearest.rawValue, "href": linker.href(from: page, to: path)]
            } else {
                item["start_href"] = linker.href(from: page, to: other.reportPath)
            }
            return item
        })
        if let index = report.sections.firstIndex(where: { $0.kind == section.kind }) {
            if index > 0 {
                let previous = report.sections[index - 1]
                context["previous"] = ["title": previous.document.matter.title, "href": linker.href(from: page, to: sectionPath(report, previous))]
            }
            if index + 1 < report.sections.count {
                let next = report.sections[index + 1]
                context["next"] = ["title": next.document.matter.title, "href": linker.href(from: page, to: sectionPath(report, next))]
            }
        }
        context["themes"] = wrap((matter.themes ?? []).compactMap { id -> Context? in
            index.themes[id.value].map { ["title": $0.matter.title, "href": linker.href(from: page, to: "teman/\($0.id)/")] }
        })

        let sectionFigures = figuresBySection["\(report.id)/\(section.kind.rawValue)"] ?? []
        if !sectionFigures.isEmpty {
            context["figures"] = figuresTable(sectionFigures, page: page)
            toc.append(["text": "Nyckeltal", "href": "#fakta-nyckeltal", "sub": false])
        }
        if let tables = matter.tables, !tables.isEmpty {
            toc.append(["text": "Tabeller", "href": "#fakta-tabeller", "sub": false])
            context["tables"] = wrap(tables.map { table in
                var context = tableContext(table, page: page)
                Citation(table.source, report: report, section: section).add(to: &context)
                return context
            })
            for table in tables { toc.append(["text": table.caption, "href": "#tabell-\(table.id.value)", "sub": true]) }
        }
        if let discrepancies = matter.discrepancies, !discrepancies.isEmpty {
            context["discrepancies"] = wrap(discrepancies.map { entry -> Context in
                ["note": CompoundBreaks.marked(entry.note), "lines": "rad " + entry.lines.value.map(String.init).joined(separator: ", ")]
            })
            toc.append(["text": "Motsägelser i rapporten", "href": "#fakta-motsagelser", "sub": false])
        }
        if let goals = matter.goals, !goals.isEmpty {
            context["goals"] = wrap(goals.map {
                goalContext($0, report: report, page: page, anchor: "mal-\($0.id.value)", sectionPath: page.path)
            })
            toc.append(["text": "Mål och bedömningar", "href": "#fakta-mal", "sub": false])
        }
    }

    func figureRow(_ figure: NormalisedFigure, _ page: Page) -> Context {
        let f = figure.figure
        var row: Context = [
            "metric": metrics[f.metric.value]?.matter.title ?? f.metric.value,
            "metric_href": linker.href(from: page, to: "jamfor/\(f.metric.value)/"),
            "basis": basisLabel(f.basis),
            "value": NumberFormat.format(f.value.value, unit: f.unit.value),
            "normalised": NumberFormat.format(figure.value, unit: figure.unit),
            "period": f.timeText,
        ]
        Citation(f.source, report: figure.report, section: figure.section).add(to: &row)
        row["id"] = Self.figureAnchor(f) ?? false
        if let breakdown = f.breakdown { row["breakdown"] = breakdown }
        if let note = f.note { row["note"] = note }
        if let contradiction = f.contradiction { row["contradiction"] = contradiction }
        return row
    }

    /// A number with its unit, words as they are, or "uppgift saknas".
    func format(_ value: Goal.Target?, unit: MeasureUnit?) -> String {
        switch value {
        case .number(let number)?: return NumberFormat.format(number, unit: unit)
        case .text(let text)?: return text
        case nil: return NumberFormat.missing
        }
    }

    static func unitPhrase(_ unit: MeasureUnit) -> String {
        switch unit {
        case .mnkr, .mkr, .tkr, .kr: return "belopp i \(unit.rawValue)"
        case .procent: return "andel i procent"
        default: return "enhet: \(unit.rawValue)"
        }
    }

    /// A goal as its section page and the pages that gather goals show it. `anchor` is its id
    /// on this page; `sectionPath` the page of the section that states it, beside which its
    /// indicator table's CSV file lies.
    func goalContext(_ goal: Goal, report: Report, page: Page, anchor: String, sectionPath: String) -> Context {
        let level = level(of: goal, in: report)
        var context: Context = [
            "id": anchor,
            "title": goal.title,
            "level": goal.level == .kf ? "Kommunfullmäktiges mål" : "Nämndmål",
            "verdict_level": level?.label ?? "Ej bedömt",
            "verdict_class": level?.id.value ?? "ej-bedomt",
            "filter": false,
        ]
        if let verdict = goal.verdict {
            context["verdict_quote"] = verdict.quote
            context["verdict_source"] = "rad \(verdict.line)"
            context["verdict_mapping"] = Self.mappingNote(term: verdict.term.value, level: level?.label ?? "Ej bedömt")
        }
        context["indicators"] = indicatorTable(goal, anchor: anchor, page: page, sectionPath: sectionPath)
        return context
    }
}
