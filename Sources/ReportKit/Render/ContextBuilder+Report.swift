extension ContextBuilder {
    func report(_ report: Report, _ page: Page) -> ReportContext {
        let matter = report.index.matter
        let context = ReportContext()
        context.draft = report.isDraft
        context.municipality = TemplateText(municipalityName(report))
        context.municipalityHref = TemplateText(linker.href(from: page, to: "kommuner/\(matter.municipality.value)/"))
        context.facts = [
            .init("Kommun", municipalityName(report)),
            .init("Nämnd", matter.committee),
            .init("Rapport", reportKindLabel(report)),
            .init("Period", "\(matter.period.value.start) – \(matter.period.value.end)"),
            .init("Diarienummer", matter.dnr),
            .init("Beslutsdatum", matter.decisionDate.map(NumberFormat.longDate)),
            .init("Källa", matter.source.title),
        ]
        context.sections = report.sections.map { section in
            .init(title: section.document.matter.title, href: linker.href(from: page, to: sectionPath(report, section)),
                  summarises: section.document.matter.summarises)
        }
        context.others = TemplateItems.wrap(otherReports(of: report, page: page))
        context.headline = [
            .init("Nettokostnad", headline("nettokostnad", in: report).map(labelled)),
            .init("Budgetavvikelse", headline("budgetavvikelse", in: report).map(labelled)),
            .init("Sjukfrånvaro", headline("sjukfranvaro", in: report).map(labelled)),
        ]
        return context
    }

    /// The reports a report's start page offers to read next, each with its municipality.
    func otherReports(of report: Report, page: Page) -> [ReportContext.OtherReport] {
        (comparisons[report.id] ?? []).map { other in
            .init(label: other.label, title: other.reportTitle, href: linker.href(from: page, to: other.reportPath),
                  municipality: other.municipalityName, municipalityHref: linker.href(from: page, to: other.municipalityPath))
        }
    }

    /// The report's own verdict word, and that reading it as a level of the common scale is
    /// the site's judgement, not the report's.
    static func mappingNote(term: String, level: String) -> String {
        if term.lowercased() == level.lowercased() { return "Rapportens ord: ”\(term)”." }
        return "Rapportens ord: ”\(term)”. Att det motsvarar ”\(level)” på den gemensamma skalan är webbplatsens tolkning."
    }

    func section(_ section: Section, of report: Report, _ toc: inout [PageFrame.TocEntry], _ page: Page) -> SectionContext {
        let matter = section.document.matter
        let context = SectionContext()
        context.draft = report.isDraft
        context.reportTitle = TemplateText(report.index.matter.title)
        context.reportLabel = TemplateText(reportLabel(report))
        context.reportHref = TemplateText(linker.href(from: page, to: "\(report.id)/"))
        context.summarises = TemplateText(matter.summarises)
        context.citation = Citation(matter.source, report: report, section: section).templateValues
        context.period = TemplateText(NumberFormat.period(report.index.matter.period.value))
        context.reportKind = TemplateText(reportKindLabel(report))

        // "Jämför med": the same section in the other reports; where one lacks it, its nearest
        // section or its start page, saying so.
        context.compare = TemplateItems.wrap((comparisons[report.id] ?? []).map { other in
            if let path = other.sectionPaths[section.kind] {
                return SectionContext.CompareRow(label: other.label, href: linker.href(from: page, to: path), nearest: nil, startHref: nil)
            } else if let nearest = (Self.nearestSections[section.kind] ?? []).first(where: { other.sectionPaths[$0] != nil }),
                      let path = other.sectionPaths[nearest] {
                let link = LinkRow(title: other.sectionTitles[nearest] ?? nearest.rawValue, href: linker.href(from: page, to: path))
                return SectionContext.CompareRow(label: other.label, href: nil, nearest: link, startHref: nil)
            } else {
                return SectionContext.CompareRow(label: other.label, href: nil, nearest: nil,
                                                 startHref: linker.href(from: page, to: other.reportPath))
            }
        })
        if let index = report.sections.firstIndex(where: { $0.kind == section.kind }) {
            if index > 0 {
                let previous = report.sections[index - 1]
                context.previous = LinkRow(title: previous.document.matter.title, href: linker.href(from: page, to: sectionPath(report, previous)))
            }
            if index + 1 < report.sections.count {
                let next = report.sections[index + 1]
                context.next = LinkRow(title: next.document.matter.title, href: linker.href(from: page, to: sectionPath(report, next)))
            }
        }
        context.themes = TemplateItems.wrap(themeLinks(matter.themes ?? [], page: page))

        let facts = figureFacts["\(report.id)/\(section.kind.rawValue)"] ?? []
        if !facts.isEmpty {
            context.figures = figuresTable(facts, page: page)
            toc.append(PageFrame.TocEntry(text: "Nyckeltal", href: "#fakta-nyckeltal", sub: false))
        }
        if let tables = matter.tables, !tables.isEmpty {
            toc.append(PageFrame.TocEntry(text: "Tabeller", href: "#fakta-tabeller", sub: false))
            context.tables = TemplateItems(tables.map { table in
                let context = tableContext(table, page: page)
                context.citation = Citation(table.source, report: report, section: section).templateValues
                return context
            })
            for table in tables { toc.append(PageFrame.TocEntry(text: table.caption, href: "#tabell-\(table.id.value)", sub: true)) }
        }
        if let discrepancies = matter.discrepancies, !discrepancies.isEmpty {
            context.discrepancies = TemplateItems(discrepancies.map { entry in
                SectionContext.Discrepancy(note: CompoundBreaks.marked(entry.note),
                                           lines: "rad " + entry.lines.value.map(String.init).joined(separator: ", "))
            })
            toc.append(PageFrame.TocEntry(text: "Motsägelser i rapporten", href: "#fakta-motsagelser", sub: false))
        }
        if let goals = matter.goals, !goals.isEmpty {
            let root = linker.root(from: page)
            context.goals = TemplateItems(goals.map { goal in
                goalFragments.fragment(GoalFragmentKey(report: report.id, goal: goal.id.value, theme: nil, root: root)) {
                    renderGoal(goalContext(goal, report: report, page: page, anchor: "mal-\(goal.id.value)", sectionPath: page.path))
                }
            })
            toc.append(PageFrame.TocEntry(text: "Mål och bedömningar", href: "#fakta-mal", sub: false))
        }
        return context
    }

    /// The themes a page belongs to, each linked to its page.
    func themeLinks(_ ids: [Located<String>], page: Page) -> [LinkRow] {
        ids.compactMap { id in
            index.themes[id.value].map { LinkRow(title: $0.matter.title, href: linker.href(from: page, to: "teman/\($0.id)/")) }
        }
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

    /// A goal's HTML, from `partials/goal` alone: it sees only the goal's own names.
    func renderGoal(_ goal: GoalContext) -> String {
        library.render(goal, withTemplate: GoalContext.template) ?? ""
    }

    /// A goal as its section page and the pages that gather goals show it. `anchor` is its id
    /// on this page; `sectionPath` the page of the section that states it, beside which its
    /// indicator table's CSV file lies.
    func goalContext(_ goal: Goal, report: Report, page: Page, anchor: String, sectionPath: String) -> GoalContext {
        let level = level(of: goal, in: report)
        let levelLabel = level?.label ?? "Ej bedömt"
        return GoalContext(
            id: anchor, title: goal.title, level: goal.level == .kf ? "Kommunfullmäktiges mål" : "Nämndmål",
            verdictLevel: levelLabel, verdictClass: level?.id.value ?? "ej-bedomt",
            verdict: goal.verdict.map { verdict in
                (verdict.quote, "rad \(verdict.line)", Self.mappingNote(term: verdict.term.value, level: levelLabel))
            },
            indicators: indicatorTable(goal, anchor: anchor, page: page, sectionPath: sectionPath))
    }
}
