/// Front matter of `content/<report>/<section>.md`: one part of a report, with its data.
public struct SectionMatter: Decodable, Sendable, Hashable {
    public let title: String
    /// The source report's own headings that this section summarises.
    public let summarises: String
    public let source: SourceReference
    public let themes: [Located<String>]?
    public let figures: [Figure]?
    public let tables: [Table]?
    public let goals: [Goal]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summarises, source, themes, figures, tables, goals
    }
}

/// The common sections a report is divided into; the file name of a section is one of these,
/// so that "the same section" in another report can be found.
public enum SectionKind: String, Sendable, Hashable, CaseIterable {
    case sammanfattning
    case vasentligaHandelser = "vasentliga-handelser"
    case malOchResultat = "mal-och-resultat"
    case ekonomi, personal
    case kvalitetOchInternkontroll = "kvalitet-och-internkontroll"
    case verksamhetsstatistik, ansvarsomrade, framtid, ovrigt

    /// Position in navigation: the order a reader expects, not alphabetical.
    public var order: Int { Self.allCases.firstIndex(of: self)! }
}
