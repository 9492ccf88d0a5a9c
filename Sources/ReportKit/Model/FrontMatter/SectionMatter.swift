/// Front matter of `content/<report>/<section>.md`: one part of a report, with its data.
public struct SectionMatter: Decodable, Sendable, Hashable {
    public let title: String
    /// The source report's own headings that this section summarises.
    public let summarises: String
    public let source: SourceReference
    public let themes: [Located<String>]?
    /// Decoded before the figures (the synthesised decoder follows this order), so that a
    /// figure can take its value from a table cell.
    public let tables: [Table]?
    public let figures: [Figure]?
    public let goals: [Goal]?
    /// Places where the report contradicts itself that no check can see (text against table,
    /// a stated change against its figures): kept as reported, shown, and warned about.
    public let discrepancies: [Discrepancy]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summarises, source, themes, tables, figures, goals, discrepancies
    }
}

/// A contradiction inside a report, recorded in its own words.
public struct Discrepancy: Decodable, Sendable, Hashable {
    /// The source lines that disagree.
    public let lines: Located<[Int]>
    public let note: String
    enum CodingKeys: String, CodingKey, CaseIterable { case lines, note }
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
