import CommonMark
import Yams

/// Splits each file, parses its YAML with Yams and decodes it into the schema type its
/// location calls for. Every problem becomes a diagnostic; files with errors are left out.
public enum ContentDecoder {
    /// What one file decoded into.
    enum Decoded: Sendable {
        case home(Document<PageMatter>)
        case page(Document<PageMatter>)
        case scale(Document<ScaleMatter>)
        case municipality(Document<MunicipalityMatter>)
        case metric(Document<MetricMatter>)
        case theme(Document<ThemeMatter>)
        case reportIndex(folder: String, Document<ReportMatter>)
        case section(folder: String, Section)
        /// The file is where it belongs but its content has errors (already reported).
        case failed
        /// The file is misnamed or misplaced (reported).
        case misplaced
    }

    /// Each file's decoding, kept by `serve` so that a rebuild decodes only the files that changed.
    public struct Cache: Sendable {
        var entries: [String: Entry] = [:]
        public init() {}
    }

    struct Entry: Sendable {
        let file: SourceFile
        let decoded: Decoded
        let diagnostics: [Diagnostic]
        /// The CSV files the file's tables read, as they were.
        let dataFiles: [String: DataFile]

        /// True when the file or a CSV file it read has changed.
        func isStale(_ file: SourceFile, _ loaded: ContentLoader.Result) -> Bool {
            file != self.file || dataFiles.contains { loaded.dataFiles[$0.key] != $0.value }
        }
    }

    public static func decode(_ loaded: ContentLoader.Result, parallel: Bool = true) -> (Content, [Diagnostic]) {
        decode(loaded, parallel: parallel, reusing: nil).output
    }

    /// Decodes the files that are not in the memo as they are now (a `Stage`'s convention);
    /// the memo returned holds every file's result.
    public static func decode(_ loaded: ContentLoader.Result, parallel: Bool = true, reusing memo: Cache?,
                              progress: BuildProgress? = nil) -> (output: (Content, [Diagnostic]), memo: Cache) {
        var content = Content()
        content.failedFiles = Set(loaded.unreadable)
        var diagnostics = loaded.diagnostics
        for path in loaded.assets {
            let location = SourceLocation(path: loaded.displayPath(path), line: 1, column: 1)
            switch ContentAssets.verdict(for: path) {
            case .publish: content.assets.append(path)
            case .skip(let message): diagnostics.append(.warning(message, at: location))
            case .refuse(let message): diagnostics.append(.error(message, at: location))
            }
        }
        var reportIndexes: [String: Document<ReportMatter>] = [:]
        var reportSections: [String: [Section]] = [:]

        // Files decode independently, on every core; merged in file order, so the result is
        // the same as one thread's.
        let previous = memo?.entries ?? [:]
        let stale = loaded.files.filter { previous[$0.relativePath]?.isStale($0, loaded) ?? true }
        let decodedStale = Parallel.map(stale, parallel: parallel) { file -> Entry in
            var diagnostics: [Diagnostic] = []
            var used: [String: DataFile] = [:]
            let decoded = decodeFile(file, dataFiles: loaded.dataFiles, used: &used, into: &diagnostics)
            progress?.advance()
            return Entry(file: file, decoded: decoded, diagnostics: diagnostics, dataFiles: used)
        }
        var fresh = Dictionary(uniqueKeysWithValues: zip(stale.map(\.relativePath), decodedStale))
        var cache = Cache()
        var read: Set<String> = []
        for file in loaded.files {
            // Every file is either fresh or kept unchanged from the cache.
            guard let entry = fresh.removeValue(forKey: file.relativePath) ?? previous[file.relativePath] else { continue }
            cache.entries[file.relativePath] = entry
            diagnostics += entry.diagnostics
            read.formUnion(entry.dataFiles.keys)
            switch entry.decoded {
            case .home(let document): content.home = document
            case .page(let document): content.pages.append(document)
            case .scale(let document): content.scale = document
            case .municipality(let document): content.municipalities.append(document)
            case .metric(let document): content.metrics.append(document)
            case .theme(let document): content.themes.append(document)
            case .reportIndex(let folder, let document): reportIndexes[folder] = document
            case .section(let folder, let section): reportSections[folder, default: []].append(section)
            case .failed: content.failedFiles.insert(file.relativePath)
            case .misplaced: break
            }
        }

        for path in loaded.dataFiles.keys.sorted() where !read.contains(path) && !content.failedFiles.contains(where: {
            $0.split(separator: "/").dropLast() == path.split(separator: "/").dropLast()
        }) {
            diagnostics.append(.warning(.csvUnread,
                at: SourceLocation(path: loaded.dataFiles[path]!.displayPath, line: 1, column: 1)))
        }
        for (folder, sections) in reportSections where reportIndexes[folder] == nil
            && !content.failedFiles.contains("\(folder)/index.md") {
            if let first = sections.first {
                diagnostics.append(.error(.reportWithoutIndex, folder, at: first.document.file.location(line: 1)))
            }
        }
        content.reports = reportIndexes.keys.sorted().map { folder in
            Report(id: folder, index: reportIndexes[folder]!,
                   sections: (reportSections[folder] ?? []).sorted(by: Section.inReportOrder))
        }
        return ((content, diagnostics), cache)
    }

    /// Decodes one file into the schema type its location calls for.
    static func decodeFile(_ file: SourceFile, dataFiles: [String: DataFile] = [:], used: inout [String: DataFile],
                           into diagnostics: inout [Diagnostic]) -> Decoded {
        let parts = file.relativePath.split(separator: "/").map(String.init)
        let location = file.location(line: 1)
        if let bad = parts.first(where: { !Identifier.isValid(String($0.hasSuffix(".md") ? $0.dropLast(3) : $0[...])) }) {
            let stem = bad.hasSuffix(".md") ? String(bad.dropLast(3)) : bad
            diagnostics.append(.error(.badName, stem, suggestedName(stem), at: location))
            return .misplaced
        }
        func decode<M: Decodable & Sendable & Hashable>(_ type: M.Type, _ make: (Document<M>) -> Decoded) -> Decoded {
            decodeDocument(file, as: type, dataFiles: dataFiles, used: &used, into: &diagnostics).map(make) ?? .failed
        }
        switch parts.count {
        case 1 where parts[0] == "index.md": return decode(PageMatter.self, Decoded.home)
        case 1 where parts[0] == "bedomningsskala.md": return decode(ScaleMatter.self, Decoded.scale)
        case 1: return decode(PageMatter.self, Decoded.page)
        case 2 where parts[0] == "kommuner": return decode(MunicipalityMatter.self, Decoded.municipality)
        case 2 where parts[0] == "jamfor": return decode(MetricMatter.self, Decoded.metric)
        case 2 where parts[0] == "teman": return decode(ThemeMatter.self, Decoded.theme)
        case 2 where parts[1] == "index.md": return decode(ReportMatter.self) { .reportIndex(folder: parts[0], $0) }
        case 2:
            let stem = String(parts[1].dropLast(3))
            guard let kind = SectionKind(rawValue: stem) else {
                let names = SectionKind.allCases.map(\.rawValue)
                diagnostics.append(.error([MessagePart(.notASection, stem, names.joined(separator: ", "))]
                                              + Suggestion.hint(for: stem, in: names), at: location))
                return .misplaced
            }
            return decode(SectionMatter.self) { .section(folder: parts[0], Section(kind: kind, document: $0)) }
        default:
            diagnostics.append(.error(.tooDeep, at: location))
            return .misplaced
        }
    }

    /// Parses and decodes one file; nil (with diagnostics) when anything is wrong.
    static func decodeDocument<M: Decodable & Sendable & Hashable>(
        _ file: SourceFile, as type: M.Type, into diagnostics: inout [Diagnostic]
    ) -> Document<M>? {
        var used: [String: DataFile] = [:]
        return decodeDocument(file, as: type, dataFiles: [:], used: &used, into: &diagnostics)
    }

    /// - Parameters:
    ///   - dataFiles: the CSV files of the content, which tables may read;
    ///   - used: gets the ones this file's tables read.
    static func decodeDocument<M: Decodable & Sendable & Hashable>(
        _ file: SourceFile, as type: M.Type, dataFiles: [String: DataFile], used: inout [String: DataFile],
        into diagnostics: inout [Diagnostic]
    ) -> Document<M>? {
        let split: SplitFile
        switch FrontMatterSplitter.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let node: Node
        // The parser owns the anchors: Yams' nodes hold them weakly, so while the parser lives
        // `node.anchor` tells an anchored or aliased value (which the decoder refuses).
        let parser: Parser
        do {
            // The basic resolver tags every scalar as text: values are read from their raw text by the
            // schema types, and skipping Yams' regular-expression tag resolution halves parse time.
            // UTF-8 named, not Yams' `.default`, which reads the whole environment (to allow an
            // override) on every call: 1 % of a large build.
            parser = try Parser(yaml: split.yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else {
                diagnostics.append(.error(.emptyFrontMatter, at: file.location(line: split.yamlLine)))
                return nil
            }
            node = root
        } catch {
            if case YamlError.duplicatedKeysInMapping(let duplicates, let context) = error {
                diagnostics += allDuplicateKeyDiagnostics(duplicates, context: context, file: file, yaml: split.yaml, yamlLine: split.yamlLine)
            } else {
                diagnostics.append(yamlDiagnostic(error, file: file, yamlLine: split.yamlLine))
            }
            return nil
        }
        let session = DecodingSession(file: file, yamlLine: split.yamlLine, dataFiles: dataFiles)
        let matter = withExtendedLifetime(parser) { session.decode(M.self, from: node) }
        diagnostics += session.diagnostics
        used = session.usedDataFiles
        guard let matter, !session.hasErrors else { return nil }
        return Document(file: file, matter: matter, body: split.body, bodyLine: split.bodyLine)
    }

    /// Yams stops at the first mapping with repeated keys: to find the others, parse again
    /// with the repetitions found so far blanked out (line numbers stay), until the text
    /// parses or fails for another reason (a blanked key whose value spans lines).
    static func allDuplicateKeyDiagnostics(_ duplicates: [String], context: YamlError.Context, file: SourceFile,
                                           yaml: String, yamlLine: Int) -> [Diagnostic] {
        var found = duplicateKeyDiagnostics(duplicates, context: context, file: file, yamlLine: yamlLine)
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<50 {
            var blanked = false
            for diagnostic in found {
                let index = diagnostic.location.line - yamlLine
                if lines.indices.contains(index), !lines[index].isEmpty {
                    lines[index] = ""
                    blanked = true
                }
            }
            guard blanked else { break }
            do {
                _ = try Parser(yaml: lines.joined(separator: "\n"), resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
                break
            } catch YamlError.duplicatedKeysInMapping(let more, let context) {
                found += duplicateKeyDiagnostics(more, context: context, file: file, yamlLine: yamlLine)
            } catch {
                break
            }
        }
        return found
    }

    /// One diagnostic per repeated key of one mapping, at its repetition (usually the mistake),
    /// naming the line of its first use.
    static func duplicateKeyDiagnostics(_ duplicates: [String], context: YamlError.Context, file: SourceFile,
                                        yamlLine: Int) -> [Diagnostic] {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let column = max(context.mark.column - 1, 0)
        // Yams marks one occurrence of the first repeated key; the mapping is the run of
        // lines around it indented to its column (a list item's first line starts `- `).
        let marked = context.mark.line + yamlLine - 2
        func inside(_ index: Int) -> Bool {
            let line = lines[index]
            return line != "---" && (line.isEmpty || line.count > column && line.prefix(column).allSatisfy { $0 == " " })
        }
        func opensItem(_ index: Int) -> Bool { lines[index].prefix(column).hasSuffix("- ") }
        guard lines.indices.contains(marked) else { return [] }
        var start = marked
        while !opensItem(start), start > 0, inside(start - 1) || opensItem(start - 1) { start -= 1 }
        var end = marked + 1
        while end < lines.count, inside(end) { end += 1 }
        return Array(Set(duplicates)).sorted().map { key in
            let uses = (start..<end).filter { lines[$0].dropFirst(column).hasPrefix(key + ":") }
            guard uses.count >= 2 else {
                return .error(.duplicateKey, key,
                              at: file.location(line: context.mark.line + yamlLine - 1, column: context.mark.column))
            }
            return .error(.duplicateKeyFirst, key, "\(uses[0] + 1)",
                          at: file.location(line: uses[1] + 1, column: column + 1))
        }
    }

    /// Yams' syntax errors, moved to the file's line numbers and worded for a person.
    static func yamlDiagnostic(_ error: Error, file: SourceFile, yamlLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            file.location(line: mark.line + yamlLine - 1, column: mark.column)
        }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
             YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            // Yams' own words (the problem and its context) stay English: they come from libyaml.
            var message = [context.map { MessagePart(.yamlSyntaxContext, problem, $0.text) } ?? MessagePart(.yamlSyntax, problem)]
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = mark.line + yamlLine - 2
            let line = lines.indices.contains(index) ? lines[index] : ""
            if line.contains("\t") {
                message.append(MessagePart(.yamlTab))
            } else if problem.contains("mapping values are not allowed") {
                message.append(MessagePart(.yamlIndentation))
            } else if problem.contains("end of stream"), let context {
                // Point at where the unfinished value starts, not at the end of the file.
                return .error(message + [MessagePart(.yamlLeftOpen)], at: at(context.mark))
            } else if let context, context.text.hasPrefix("while parsing a flow") || context.text.hasPrefix("while scanning a quoted") {
                // An unclosed `[`, `{` or quote is found where the next line starts; the
                // mistake is where it opened.
                let noticed = "\(mark.line + yamlLine - 1):\(mark.column)"
                return .error(.yamlUnclosed, problem, noticed,
                              at: at(context.mark))
            }
            return .error(message, at: at(mark))
        case YamlError.reader(let problem, _, _, _):
            return .error(.yamlUnreadable, problem, at: file.location(line: yamlLine))
        default:
            return .error(.yamlError, "\(error)", at: file.location(line: yamlLine))
        }
    }

    /// `Ekonomi 2022.md` → `ekonomi-2022`, for the rename hint.
    static func suggestedName(_ name: String) -> String {
        Slug.make(name)
    }
}
