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
    // Loading files
    case cannotReadFolder, cannotReadFile, linkToNothing, linkOutside, linkLoop, notRegularFile, kindFIFO
    case kindSocket, kindDevice, kindSpecial, fileTooLarge, fileGrewTooLarge, fileChanged, utf16, nulByte, notUTF8
    case strayBOM, crOnly, strayCR, emptyFile, noOpeningDelimiter, unclosedFrontMatter, editorLeftover
    case upperCaseMD, upperCaseSuffix, unknownFileType, unsafeFileName
    // CSV files
    case csvUTF16, csvUnreadable, csvOpenQuote, csvEmpty, csvBadFileName, csvColumnCount, csvUnread
    // Decoding front matter
    case expectedFound, whatMapping, whatList, whatNothing, whatAlias, whatBool, whatText, whatWholeNumber
    case whatNumber, quotedWholeNumber, quotedNumber, numberOutOfRange, listEndedEarly, tooLarge, yamlAnchor
    case yamlTag, complexKey, plusSign, leadingZeros, tooManyDigits, notPlainNumber, notPlainNumberWrite
    case sourceLineZero, pageZero, linesBackwards, notADate, noSuchMonth, noDayZero, monthDays, january, february
    case march, april, may, june, july, august, september, october, november, december, yearOutside, notAYear
    case periodBackwards, notADateOrMonth
    // Files and YAML
    case badName, notASection, tooDeep, reportWithoutIndex, emptyFrontMatter, duplicateKey, duplicateKeyFirst
    case yamlSyntax, yamlSyntaxContext, yamlTab, yamlIndentation, yamlLeftOpen, yamlUnclosed, yamlUnreadable
    case yamlError, didYouMean
    // Addresses
    case addressReserved, reservedComparisons, reservedThemes, reservedGoals, reservedAssets, reservedData
    case reservedSearch, addressTaken
    // Pages and links
    case footnote, linkOutsideContent, linkMissingPage, linkMissingFile, unsafeLink, externalImage, pipeTable
    case missingAnchor, headingIDTaken, duplicateAnchors, pageLinkBroken, noSuchFile, noSuchID
    // Rules across files
    case missingScale, levelIDInvalid, levelTwice, verdictTermTwice, unknownMunicipalityIn, folderName
    case periodOutsideYear, notWholeYear, figureIDInvalid, figureIDUsed, goalIDInvalid, goalIDUsed
    case discrepancyLines, recordedDiscrepancy, tableIDUsed, parentNotKF, unknownParentGoal, verdictNotInScale
    case percentageRange
    // Figures and their meaning
    case unitMetric, areaOutOfScope, contradictsNeedsContradiction, contradictionNeedsContradicts
    case recordedContradiction, figuresDisagree, figureDisagreesUnrecorded, deviationMismatch, deviationUnrecorded
    case contradictsUnknownFigure, contradictionDoesNotOccur, periodOutsideReportYear, dateOutsideReportYear
    case kindNotAdmitted, dateOnFlow, periodOnStock, periodAndDate, missingDate, missingPeriod, signMakesNegative
    case valueNegative, shareWithoutBase, baseDiffers, baseOnlyShare, shareNeedsBase, baseOnlyKindShare
    case signedNeedsPositiveMeans, otherKindsRepeats, otherBasesRepeats
    // Tables
    case tableIDInvalid, tableNoColumns, tableNoRows, columnIDTwice, rowCellCount, cellPlainNumber, unknownRow
    case tableContradictionDoesNotOccur, tableCheckUnrecorded, columnHoldsLabels, sumNeedsTotal, sumMismatch
    case differenceNeedsTerms, differenceMismatch, checkKind
    // Writing the site
    case refuseRoot, refuseHome, refuseSources, refuseWorkspace, refuseFile, refuseForeign, writeFailed
    case moveFailed, replaceFailed, lockFileFailed, buildBusy, lockFailed
    // Templates
    case templateUnreadable, templateSyntax, templateError, templateMissingPartial, templateMissing, templatePartialMissing
    case mustacheCloseName, mustacheUnfinishedName, mustacheSectionEnd, mustacheDelimiter
    // More `--help`
    case helpSchema, helpSchemaKind, helpSchemaOutput, helpSchemaOutputDir, helpPort
    // The command line, `new` and `serve`
    case cliBaseURL, cliQuietVerbose, newCreated, newNext, newBadMunicipality, newBadYear, newExists
    case newWriteFailed, serveFailed, serveCannotWatch, serveCannotListen, serveDidNotStart, serveUnwatched
    case serveServing, serveStopping, serveBuildFailed, serveRebuiltReport, serveRebuilt, serveBuilt
    // import-table --check
    case importEncoding, importTab, importColumns, importNoHeading, importRows, importCells, importAllNumbers
}

public enum Catalogue {
    static func table(_ language: Language) -> [MessageKey: String] {
        switch language {
        case .english: english
        case .swedish: swedish
        }
    }

    /// What an unknown reference names, in Swedish (the argument {1} of `unknownReference`).
    static let swedishKinds = ["metric": "nyckeltalet", "theme": "temat", "municipality": "kommunen",
                               "column": "kolumnen", "verdict level": "bedömningsnivån"]

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
    let parts: [MessagePart]

    init(_ key: MessageKey, _ arguments: String...) {
        parts = [MessagePart(key, arguments: arguments.map(MessagePart.Argument.text))]
    }

    init(_ parts: [MessagePart]) {
        self.parts = parts
    }

    /// "unit "mnrk" is not one of mnkr, …; did you mean "mnkr"?" for a word outside its list.
    static func notOneOf(_ key: String, _ text: String, _ words: [String]) -> CatalogueError {
        if let close = Suggestion.closest(to: text, in: words) {
            return CatalogueError(.wordNotOneOfDidYouMean, key, text, words.joined(separator: ", "), close)
        }
        return CatalogueError(.wordNotOneOf, key, text, words.joined(separator: ", "))
    }
}

/// One catalogued piece of a message: a key of the catalogues and its arguments. A diagnostic
/// holds one or more, printed one after the other ("unknown row \"X\"" + "; did you mean …?").
public struct MessagePart: Sendable, Hashable, CustomStringConvertible {
    /// What goes in the place of `{1}`, `{2}`…: text as it is (a value, a file name, a number),
    /// or a word or phrase of the catalogues, translated with the message.
    public indirect enum Argument: Sendable, Hashable {
        case text(String)
        case part(MessagePart)
    }

    public let key: MessageKey
    public let arguments: [Argument]

    public init(_ key: MessageKey, _ arguments: String...) {
        self.init(key, arguments: arguments.map(Argument.text))
    }

    public init(_ key: MessageKey, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }

    /// The English text, as logs and tests print it.
    public var description: String { text(in: .english) }

    /// The text in `language`; a phrase given as an argument is translated first.
    public func text(in language: Language) -> String {
        Catalogue.text(key, arguments.map { argument in
            switch argument {
            case .text(let text): text
            case .part(let part): part.text(in: language)
            }
        }, in: language)
    }
}

/// An error whose message comes from the catalogues, for the command line to print in the
/// user's language (its `description` is English).
public protocol CataloguedError: Error, CustomStringConvertible {
    var message: MessagePart { get }
}

extension CataloguedError {
    public var description: String { message.text(in: .english) }
}

extension Diagnostic {
    /// A diagnostic whose message comes from the catalogues.
    public init(_ severity: Severity, at location: SourceLocation, _ key: MessageKey, _ arguments: [String],
                category: Category = .problem) {
        self.init(severity, at: location, [MessagePart(key, arguments: arguments.map(MessagePart.Argument.text))], category: category)
    }

    public static func error(_ key: MessageKey, _ arguments: String..., at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, key, arguments)
    }

    public static func warning(_ key: MessageKey, _ arguments: String..., at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, key, arguments)
    }

    public static func error(_ parts: [MessagePart], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, parts)
    }

    public static func error(_ part: MessagePart, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, [part])
    }

    public static func warning(_ part: MessagePart, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, [part])
    }

    /// The message in `language`; a message outside the catalogues is in English.
    public func message(in language: Language) -> String {
        guard !parts.isEmpty, language != .english else { return message }
        return parts.map { $0.text(in: language) }.joined()
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
