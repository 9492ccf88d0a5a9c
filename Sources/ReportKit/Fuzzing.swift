import CommonMark

/// One input through every stage that reads untrusted text: decoding bytes, splitting front
/// matter, parsing and decoding YAML into each schema type, and rendering Markdown. Used by
/// the libFuzzer target (`make fuzz`); any crash, hang or sanitizer report is a bug.
public enum FuzzEntry {
    public static func run(_ bytes: [UInt8]) {
        guard case .success(let text) = TextDecoding.decode(bytes) else { return }
        let file = SourceFile(relativePath: "fuzz/ekonomi.md", displayPath: "content/fuzz/ekonomi.md", text: text)
        var diagnostics: [Diagnostic] = []
        _ = ContentDecoder.decodeDocument(file, as: SectionMatter.self, into: &diagnostics)
        _ = ContentDecoder.decodeDocument(file, as: ReportMatter.self, into: &diagnostics)
        _ = ContentDecoder.decodeDocument(file, as: MetricMatter.self, into: &diagnostics)
        _ = ContentDecoder.decodeDocument(file, as: MunicipalityMatter.self, into: &diagnostics)
        if case .success(let split) = FrontMatterSplitter.split(file) {
            _ = Markdown.render(split.body)
        }
        _ = Markdown.render(text)
    }
}
