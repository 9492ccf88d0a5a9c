/// The kinds of content file, each with its own front matter. Which kind a file is follows from
/// its path, as `ContentDecoder.decodeFile` decides it.
public enum FrontMatterKind: String, CaseIterable, Sendable {
    case page, scale, municipality, metric, theme, report, section

    /// The files of this kind, as docs/content-format.md names them.
    public var files: String {
        switch self {
        case .page: "content/index.md and content/<page>.md"
        case .scale: "content/bedomningsskala.md"
        case .municipality: "content/kommuner/<id>.md"
        case .metric: "content/jamfor/<metric>.md"
        case .theme: "content/teman/<theme>.md"
        case .report: "content/<report>/index.md"
        case .section: "content/<report>/<section>.md, where <section> is one of "
            + SectionKind.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// The Swift type the front matter of these files is decoded into.
    var matter: any SchemaDescribing.Type {
        switch self {
        case .page: PageMatter.self
        case .scale: ScaleMatter.self
        case .municipality: MunicipalityMatter.self
        case .metric: MetricMatter.self
        case .theme: ThemeMatter.self
        case .report: ReportMatter.self
        case .section: SectionMatter.self
        }
    }
}
