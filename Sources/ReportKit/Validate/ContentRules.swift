/// The rules that need more than one value: references between files, units against their
/// metric, periods against their report, and the arithmetic of tables and figures. Run through
/// `RuleStage`, which checks again only the reports whose files changed.
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

    mutating func error(_ key: MessageKey, _ arguments: String..., at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, key, arguments))
    }

    mutating func error(_ parts: [MessagePart], at location: SourceLocation) {
        diagnostics.append(.error(parts, at: location))
    }

    /// A contradiction the source report really contains and the content records.
    mutating func knownContradiction(_ part: MessagePart, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, at: location, [part], category: .knownContradiction))
    }

    /// Reports an id that names nothing, suggesting the closest one that exists. An id whose
    /// file exists but failed to decode was reported already and is not reported again.
    mutating func reference(_ id: Located<String>, kind: String, in ids: [String]) {
        guard !ids.contains(id.value) else { return }
        let folders = ["theme": "teman", "metric": "jamfor", "municipality": "kommuner"]
        if let folder = folders[kind], content.failedFiles.contains("\(folder)/\(id.value).md") { return }
        if let close = Suggestion.closest(to: id.value, in: ids) {
            diagnostics.append(Diagnostic(.error, at: id.location, .unknownReferenceDidYouMean, [kind, id.value, close]))
        } else {
            diagnostics.append(Diagnostic(.error, at: id.location, .unknownReference, [kind, id.value]))
        }
    }

    mutating func checkScale() {
        guard let scale = content.scale else {
            if !content.reports.isEmpty {
                error(.missingScale,
                      at: SourceLocation(path: "content/bedomningsskala.md", line: 1, column: 1))
            }
            return
        }
        var seen: Set<String> = []
        for level in scale.matter.levels {
            if !Identifier.isValid(level.id.value) {
                error(.levelIDInvalid, level.id.value, at: level.id.location)
            } else if !seen.insert(level.id.value).inserted {
                error(.levelTwice, level.id.value, at: level.id.location)
            }
        }
    }

    mutating func check(_ municipality: Document<MunicipalityMatter>) {
        var terms: Set<String> = []
        for entry in municipality.matter.verdictScale {
            reference(entry.level, kind: "verdict level", in: levelIDs.sorted())
            if !terms.insert(entry.term).inserted {
                error(.verdictTermTwice, entry.term, at: entry.level.location)
            }
        }
    }

    mutating func check(_ metric: Document<MetricMatter>) {
        for theme in metric.matter.themes ?? [] { reference(theme, kind: "theme", in: themeIDs) }
        checkMeaning(metric)
        for (name, map) in [("differences", metric.matter.differences), ("absent", metric.matter.absent)] {
            for key in (map ?? [:]).keys.sorted()
                where !municipalityIDs.contains(key) && !content.failedFiles.contains("kommuner/\(key).md") {
                error([MessagePart(.unknownMunicipalityIn, name, key)] + Suggestion.hint(for: key, in: municipalityIDs),
                      at: metric.file.location(ofKey: key, under: name) ?? metric.file.location(line: 1))
            }
        }
    }

    mutating func check(_ report: Report) {
        let matter = report.index.matter
        reference(matter.municipality, kind: "municipality", in: municipalityIDs)
        if let problem = LocalDate.yearProblem(matter.year.value) {
            error([problem], at: matter.year.location)
        } else {
            checkYear(of: report)
        }
        checkSections(of: report)
    }

    /// The folder's name and the period against the report year.
    private mutating func checkYear(of report: Report) {
        let matter = report.index.matter
        let expectedFolder = "\(matter.municipality.value)-\(matter.year.value)"
        if report.id != expectedFolder {
            error(.folderName, report.id, expectedFolder,
                  at: matter.year.location)
        }
        let period = matter.period.value
        if period.start.year != matter.year.value || period.end.year != matter.year.value {
            error(.periodOutsideYear, "\(period.start)", "\(period.end)", "\(matter.year.value)",
                  at: matter.period.location)
        }
        if matter.reportKind.value == .årsredovisning, !period.isWholeYear {
            error(.notWholeYear, "\(period.start)", "\(period.end)",
                  at: matter.period.location)
        }
    }

    private mutating func checkSections(of report: Report) {
        let matter = report.index.matter
        var figureIDs: [String: Located<String>] = [:]
        var goalIDs: [String: Goal] = [:]
        for section in report.sections {
            for theme in section.document.matter.themes ?? [] { reference(theme, kind: "theme", in: themeIDs) }
            for figure in section.document.matter.figures ?? [] {
                if let id = figure.id {
                    if !Identifier.isValid(id.value) {
                        error(.figureIDInvalid, id.value, at: id.location)
                    } else if let first = figureIDs[id.value] {
                        error(.figureIDUsed, id.value, first.location.path, "\(first.location.line)", at: id.location)
                    } else {
                        figureIDs[id.value] = id
                    }
                }
            }
            for goal in section.document.matter.goals ?? [] {
                if !Identifier.isValid(goal.id.value) {
                    error(.goalIDInvalid, goal.id.value, at: goal.id.location)
                }
                if goalIDs[goal.id.value] != nil {
                    error(.goalIDUsed, goal.id.value, at: goal.id.location)
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
                    error(.discrepancyLines, at: discrepancy.lines.location)
                } else {
                    knownContradiction(MessagePart(.recordedDiscrepancy, discrepancy.lines.value.map(String.init).joined(separator: ", "), discrepancy.note),
                            at: discrepancy.lines.location)
                }
            }
            var tableIDs: Set<String> = []
            for table in document.matter.tables ?? [] {
                if !tableIDs.insert(table.id.value).inserted {
                    error(.tableIDUsed, table.id.value, at: table.id.location)
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
                    error(.parentNotKF, parent.value, at: parent.location)
                }
            } else {
                error([MessagePart(.unknownParentGoal, parent.value)] + Suggestion.hint(for: parent.value, in: goals.keys.sorted()), at: parent.location)
            }
        }
        if let verdict = goal.verdict, !scaleTerms.contains(verdict.term.value),
           !content.failedFiles.contains("kommuner/\(municipality).md") {
            error([MessagePart(.verdictNotInScale, verdict.term.value, municipality)]
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
            error(.percentageRange, "\(value.value)", at: value.location)
        }
    }
}
