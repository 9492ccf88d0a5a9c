/// The rules that need more than one value: references between files, units against their
/// metric, periods against their report, and the arithmetic of tables and figures. Run through
/// `RuleCache`, which checks again only the reports whose files changed.
struct RuleChecker {
    let content: Content
    var diagnostics: [Diagnostic] = []

    let levelIDs: Set<String>
    let municipalityIDs: [String]
    let themeIDs: [String]
    let metricIDs: [String]

    init(content: Content) {
        self.content = content
        levelIDs = Set(content.scale?.matter.levels.map(\.id.value) ?? [])
        municipalityIDs = content.municipalities.map(\.id)
        themeIDs = content.themes.map(\.id)
        metricIDs = content.metrics.map(\.id)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// Reports an id that names nothing, suggesting the closest one that exists. An id whose
    /// file exists but failed to decode was reported already and is not reported again.
    mutating func reference(_ id: Located<String>, kind: String, in ids: [String]) {
        guard !ids.contains(id.value) else { return }
        let folders = ["theme": "teman", "metric": "jamfor", "municipality": "kommuner"]
        if let folder = folders[kind], content.failedFiles.contains("\(folder)/\(id.value).md") { return }
        error("unknown \(kind) \"\(id.value)\"\(Suggestion.hint(for: id.value, in: ids))", at: id.location)
    }

    mutating func checkScale() {
        guard let scale = content.scale else {
            if !content.reports.isEmpty {
                error("missing bedomningsskala.md: the common verdict scale that goals are mapped to",
                      at: SourceLocation(path: "content/bedomningsskala.md", line: 1, column: 1))
            }
            return
        }
        var seen: Set<String> = []
        for level in scale.matter.levels {
            if !Identifier.isValid(level.id.value) {
                error("level id \"\(level.id.value)\" may only use a-z, 0-9 and '-'", at: level.id.location)
            } else if !seen.insert(level.id.value).inserted {
                error("level \"\(level.id.value)\" is defined twice", at: level.id.location)
            }
        }
    }

    mutating func check(_ municipality: Document<MunicipalityMatter>) {
        var terms: Set<String> = []
        for entry in municipality.matter.verdictScale {
            reference(entry.level, kind: "verdict level", in: levelIDs.sorted())
            if !terms.insert(entry.term).inserted {
                error("verdict term \"\(entry.term)\" is mapped twice", at: entry.level.location)
            }
        }
    }

    mutating func check(_ metric: Document<MetricMatter>) {
        for theme in metric.matter.themes ?? [] { reference(theme, kind: "theme", in: themeIDs) }
        checkMeaning(metric)
        for (name, map) in [("differences", metric.matter.differences), ("absent", metric.matter.absent)] {
            for key in (map ?? [:]).keys.sorted()
                where !municipalityIDs.contains(key) && !content.failedFiles.contains("kommuner/\(key).md") {
                error("\(name) names unknown municipality \"\(key)\"\(Suggestion.hint(for: key, in: municipalityIDs))",
                      at: metric.file.location(line: 1))
            }
        }
    }

    mutating func check(_ report: Report) {
        let matter = report.index.matter
        reference(matter.municipality, kind: "municipality", in: municipalityIDs)
        let expectedFolder = "\(matter.municipality.value)-\(matter.year.value)"
        if report.id != expectedFolder {
            error("report folder \"\(report.id)\" should be named \"\(expectedFolder)\" (municipality-year), so that its address says what it is",
                  at: matter.year.location)
        }
        let period = matter.period.value
        if period.start.year != matter.year.value || period.end.year != matter.year.value {
            error("period \(period.start)–\(period.end) is not inside the report year \(matter.year.value)",
                  at: matter.period.location)
        }
        if matter.reportKind.value == .årsredovisning, !period.isWholeYear {
            error("an årsredovisning covers the whole year; period is \(period.start)–\(period.end)",
                  at: matter.period.location)
        }

        var figureIDs: [String: Located<String>] = [:]
        var goalIDs: [String: Goal] = [:]
        for section in report.sections {
            for theme in section.document.matter.themes ?? [] { reference(theme, kind: "theme", in: themeIDs) }
            for figure in section.document.matter.figures ?? [] {
                if let id = figure.id {
                    if !Identifier.isValid(id.value) {
                        error("figure id \"\(id.value)\" may only use a-z, 0-9 and '-'", at: id.location)
                    } else if let first = figureIDs[id.value] {
                        error("figure id \"\(id.value)\" is already used at \(first.location.path):\(first.location.line)", at: id.location)
                    } else {
                        figureIDs[id.value] = id
                    }
                }
            }
            for goal in section.document.matter.goals ?? [] {
                if !Identifier.isValid(goal.id.value) {
                    error("goal id \"\(goal.id.value)\" may only use a-z, 0-9 and '-' (it becomes the goal's anchor)", at: goal.id.location)
                }
                if goalIDs[goal.id.value] != nil {
                    error("goal id \"\(goal.id.value)\" is already used in this report", at: goal.id.location)
                }
                goalIDs[goal.id.value] = goal
            }
        }
        let scaleTerms = content.municipality(matter.municipality.value)?.matter.verdictScale.map(\.term) ?? []
        for section in report.sections {
            let document = section.document
            for figure in document.matter.figures ?? [] { check(figure, report: matter) }
            for discrepancy in document.matter.discrepancies ?? [] {
                if discrepancy.lines.value.isEmpty {
                    error("a discrepancy names the source lines that disagree, e.g. lines: [272, 298]", at: discrepancy.lines.location)
                } else {
                    warning("recorded contradiction (source lines \(discrepancy.lines.value.map(String.init).joined(separator: ", "))): \(discrepancy.note)",
                            at: discrepancy.lines.location)
                }
            }
            var tableIDs: Set<String> = []
            for table in document.matter.tables ?? [] {
                if !tableIDs.insert(table.id.value).inserted {
                    error("table id \"\(table.id.value)\" is already used on this page", at: table.id.location)
                }
                check(table)
            }
            for goal in document.matter.goals ?? [] {
                check(goal, goals: goalIDs, scaleTerms: scaleTerms, municipality: matter.municipality.value)
            }
        }
        checkFigureConsistency(report)
    }

    mutating func check(_ goal: Goal, goals: [String: Goal], scaleTerms: [String], municipality: String) {
        reference(goal.theme, kind: "theme", in: themeIDs)
        if let parent = goal.parent {
            if let parentGoal = goals[parent.value] {
                if parentGoal.level != .kf {
                    error("parent goal \"\(parent.value)\" is not a kf goal", at: parent.location)
                }
            } else {
                error("unknown parent goal \"\(parent.value)\"\(Suggestion.hint(for: parent.value, in: goals.keys.sorted()))", at: parent.location)
            }
        }
        if let verdict = goal.verdict, !scaleTerms.contains(verdict.term.value),
           !content.failedFiles.contains("kommuner/\(municipality).md") {
            error("verdict term \"\(verdict.term.value)\" is not in \(municipality)'s verdict_scale (content/kommuner/\(municipality).md)"
                  + Suggestion.hint(for: verdict.term.value, in: scaleTerms), at: verdict.term.location)
        }
        for indicator in goal.indicators ?? [] {
            if let outcome = indicator.outcome, case .number(let number) = outcome.value, indicator.unit?.value == .procent {
                checkPercentage(Located(number, at: outcome.location))
            }
        }
    }

    mutating func checkPercentage(_ value: Located<ReportedNumber>) {
        let number = value.value.doubleValue
        if number < 0 || number > 100 {
            error("percentage \(value.value) is outside 0–100", at: value.location)
        }
    }
}
