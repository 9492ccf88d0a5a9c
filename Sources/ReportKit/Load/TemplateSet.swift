import Foundation
import Mustache

/// The theme: Mustache templates and the asset files beside them, loaded once per build.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Template names (path below templates/ without `.mustache`).
    public let names: Set<String>
    /// Files below `templates/assets/`, as paths relative to `templates/`.
    public let assets: [String]
    public let root: URL
    /// The folder as the user named it, for diagnostics: `templates`.
    public let displayRoot: String
    /// Each template's text by name: equal sources render equal pages, so `serve` can keep
    /// pages across rebuilds while the templates stay the same.
    let sources: [String: String]
    /// Each template as parsed, by name, with the text it was parsed from: the next load's
    /// memo (see `TemplateLoader`).
    let parsed: Parsed
    /// Names of the templates this load parsed; the others were reused from the memo.
    let parsedNow: Set<String>

    /// Template name → its text and the template parsed from it.
    typealias Parsed = [String: (text: String, template: MustacheTemplate)]

    /// Templates every site needs, one per page kind, plus the layout they extend.
    public static let required = ["layout", "home", "page", "scale", "municipality", "metric-index", "metric",
                                  "theme-index", "theme", "goals", "report", "section", "search", "not-found"]

    /// Partials rendered on their own, once per build, and put into pages as HTML: no page's
    /// `{{> …}}` names them, so the missing-partial check cannot see that one is gone.
    static let requiredPartials = [SiteChrome.headerTemplate, SiteChrome.footerTemplate, GoalContext.template]

    public static func load(from root: URL, displayRoot: String) -> (TemplateSet?, [Diagnostic]) {
        load(from: root, displayRoot: displayRoot, reusing: nil)
    }

    /// Loads the templates, parsing only those whose text differs from `memo`'s.
    static func load(from root: URL, displayRoot: String, reusing memo: Parsed?) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let loaded = ContentLoader(root: root, displayRoot: displayRoot).load()
        diagnostics += loaded.diagnostics
        MustacheContentTypes.register(HTMLEscapingContentType(), named: HTMLEscapingContentType.name)
        var library = MustacheLibrary()
        var names: Set<String> = []
        var sources: [(name: String, file: SourceFile)] = []
        var parsed: Parsed = [:]
        var parsedNow: Set<String> = []
        let extraFiles = loaded.assets.filter { $0.hasSuffix(".mustache") }
        for path in extraFiles {
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path),
                  case .success(let text) = TextDecoding.decode([UInt8](data)) else {
                diagnostics.append(.error(.templateUnreadable, at: SourceLocation(path: "\(displayRoot)/\(path)", line: 1, column: 1)))
                continue
            }
            let file = SourceFile(relativePath: path, displayPath: "\(displayRoot)/\(path)", text: text)
            let name = String(path.dropLast(".mustache".count))
            do {
                let template: MustacheTemplate
                if let kept = memo?[name], kept.text == text {
                    template = kept.template
                } else {
                    template = try MustacheTemplate(string: escapingPragma + text)
                    parsedNow.insert(name)
                }
                library.register(template, named: name)
                parsed[name] = (text, template)
                names.insert(name)
                sources.append((name, file))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(MessagePart(.templateSyntax, arguments: [describe(error.error)]),
                                          at: file.location(line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(.templateError, "\(error)", at: file.location(line: 1)))
            }
        }
        // A missing partial renders as nothing in Mustache; here it is an error.
        for (_, file) in sources {
            for reference in partialReferences(in: file.text) where !names.contains(reference.name) {
                diagnostics.append(.error(
                    [MessagePart(.templateMissingPartial, reference.name)] + Suggestion.hint(for: reference.name, in: names.sorted()),
                    at: file.location(line: reference.line, column: reference.column)))
            }
        }
        for (wanted, key) in [(required, MessageKey.templateMissing), (requiredPartials, .templatePartialMissing)] {
            diagnostics += missing(wanted, among: names, key: key, displayRoot: displayRoot, reported: diagnostics)
        }
        let assets = loaded.assets.filter { $0.hasPrefix("assets/") }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let texts = Dictionary(sources.map { ($0.name, $0.file.text) }, uniquingKeysWith: { a, _ in a })
        return (TemplateSet(library: library, names: names, assets: assets, root: root, displayRoot: displayRoot,
                            sources: texts, parsed: parsed, parsedNow: parsedNow), diagnostics)
    }

    /// Put before every template (and partial: each starts with Mustache's own escaping) so
    /// that `{{value}}` is escaped by `HTMLEscape`. A line of its own, which Mustache drops as a
    /// standalone tag; error positions are moved up by that line.
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTMLEscapingContentType.name)}}\n"

    /// An error for each of `wanted` not among `names`, at its would-be file, unless that file
    /// already has one (it exists but did not parse).
    private static func missing(_ wanted: [String], among names: Set<String>, key: MessageKey, displayRoot: String,
                                reported: [Diagnostic]) -> [Diagnostic] {
        wanted.filter { !names.contains($0) }.compactMap { name in
            let path = "\(displayRoot)/\(name).mustache"
            if reported.contains(where: { $0.location.path == path }) { return nil }
            return .error(key, name, at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions (default delimiters only).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let marker = afterOpen.first, marker == ">" || marker == "<",
                      let close = afterOpen.firstRange(of: "}}") else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                references.append((name, index + 1, column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    static func describe(_ error: Error) -> MessagePart.Argument {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return .part(MessagePart(.mustacheCloseName))
        case MustacheTemplate.Error.unfinishedName: return .part(MessagePart(.mustacheUnfinishedName))
        case MustacheTemplate.Error.expectedSectionEnd: return .part(MessagePart(.mustacheSectionEnd))
        case MustacheTemplate.Error.invalidSetDelimiter: return .part(MessagePart(.mustacheDelimiter))
        default: return .text("\(error)")  // swift-mustache's own words
        }
    }
}

/// Loads the theme's templates, following `Stage`'s convention: the memo is the templates as
/// last parsed, and a template is parsed again only when its file's text changed. (Reading the
/// files is cheap; parsing every template on every rebuild of `serve` is what this saves.)
struct TemplateLoader: Stage {
    let root: URL
    let displayRoot: String

    func run(_ input: Void, reusing memo: TemplateSet.Parsed?) -> (output: (TemplateSet?, [Diagnostic]), memo: TemplateSet.Parsed) {
        let (set, diagnostics) = TemplateSet.load(from: root, displayRoot: displayRoot, reusing: memo)
        // A failed load keeps the last good parse, so that fixing the mistake reparses only it.
        return ((set, diagnostics), set?.parsed ?? memo ?? [:])
    }
}
