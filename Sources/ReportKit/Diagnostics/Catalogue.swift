/// Messages to communicators, kept in one catalogue per language (Catalogues/) under the same
/// keys; `{1}`, `{2}`… stand for the arguments.
public enum MessageKey: String, Sendable, Hashable, CaseIterable {
    // Front matter
    case missingKey, missingKeyIn, needsValue, unknownKeyDidYouMean, unknownKeyAllowed
    // CSV tables and references into them
    case csvNotANumber, csvDecimalPoint, csvFieldCount, csvNoFileDidYouMean, csvNoFileList, csvNoFileNone
    case tableNoRowDidYouMean, tableNoRowList, tableNoColumnDidYouMean, tableNoColumnList
    case unknownTableDidYouMean, unknownTableList, unknownTableNone, tableCellNotNumber, tableCellLabels
    case rowDecimalCommas
    // Words and references
    case wordNotOneOf, wordNotOneOfDidYouMean, unknownReference, unknownReferenceDidYouMean
    // Unfinished work
    case placeholder, draftLinked
    // Summary lines
    case errorsOne, errorsMany, warningsOne, warningsMany
    // `--help`
    case helpAllFiles, helpBaseRef, helpBaseURL, helpBuild, helpBuildDiscussion, helpCSVFile, helpCheck, helpContent, helpContradictions, helpDrafts, helpFormat, helpImportTable, helpImportTableCheck, helpKind, helpLang, helpMunicipality, helpNew, helpNewDiscussion, helpOutput, helpQuiet, helpServe, helpTemplates, helpTimings, helpTool, helpVerbose, helpYear
    case builtSummary, checkedSummary, buildFailed, checkFailed, knownContradictionOne, knownContradictions, notAnnotated, pagesPerSecond, searchIndexSize
}

public enum Catalogue {
    static func table(_ language: Language) -> [MessageKey: String] {
        switch language {
        case .english: english
        case .swedish: swedish
        }
    }

    /// What an unknown reference names, in Swedish (the argument {1} of `unknownReference`).
    static let swedishKinds = ["metric": "nyckeltal", "theme": "tema", "municipality": "kommun",
                               "column": "kolumn", "verdict level": "bedömningsnivå"]

    /// The message in `language`, its arguments put in place.
    public static func text(_ key: MessageKey, _ arguments: [String], in language: Language) -> String {
        var text = table(language)[key] ?? english[key] ?? key.rawValue
        var arguments = arguments
        if language == .swedish, key == .unknownReference || key == .unknownReferenceDidYouMean, let kind = arguments.first {
            arguments[0] = swedishKinds[kind] ?? kind
        }
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacingAll("{\(index + 1)}", with: argument)
        }
        return text
    }

    public static func text(_ key: MessageKey, _ arguments: String..., in language: Language) -> String {
        text(key, arguments, in: language)
    }

    /// "2 errors, 1 warning" / "2 fel, 1 varning".
    public static func counts(errors: Int, warnings: Int, in language: Language) -> String {
        text(errors == 1 ? .errorsOne : .errorsMany, "\(errors)", in: language) + ", "
            + text(warnings == 1 ? .warningsOne : .warningsMany, "\(warnings)", in: language)
    }
}

/// Thrown by a schema type for a message of the catalogues; the decoder reports it at the value.
struct CatalogueError: Error {
    let key: MessageKey
    let arguments: [String]

    init(_ key: MessageKey, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    /// "unit "mnrk" is not one of mnkr, …; did you mean "mnkr"?" for a word outside its list.
    static func notOneOf(_ key: String, _ text: String, _ words: [String]) -> CatalogueError {
        if let close = Suggestion.closest(to: text, in: words) {
            return CatalogueError(.wordNotOneOfDidYouMean, key, text, words.joined(separator: ", "), close)
        }
        return CatalogueError(.wordNotOneOf, key, text, words.joined(separator: ", "))
    }
}

extension Diagnostic {
    /// A diagnostic whose message comes from the catalogues.
    public init(_ severity: Severity, at location: SourceLocation, _ key: MessageKey, _ arguments: [String],
                category: Category = .problem) {
        self.init(severity, at: location, Catalogue.text(key, arguments, in: .english), category: category,
                  messageKey: key, arguments: arguments)
    }

    public static func error(_ key: MessageKey, _ arguments: String..., at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, key, arguments)
    }

    /// The message in `language`; a message not yet in the catalogues is in English.
    public func message(in language: Language) -> String {
        guard let messageKey, language != .english else { return message }
        return Catalogue.text(messageKey, arguments, in: language)
    }

    /// `path:line:col: error: message` in `language`, control characters escaped as in
    /// `description`. "error" and "warning" stay English in every language: editors and CI
    /// read them to find problems.
    public func description(in language: Language) -> String {
        guard language != .english else { return description }
        let path = TerminalText.escaped(location.path)
        return "\(path):\(location.line):\(location.column): \(severity.rawValue): \(TerminalText.escaped(message(in: language)))"
    }
}
