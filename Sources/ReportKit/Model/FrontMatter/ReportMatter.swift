/// Front matter of `content/<report>/index.md`: who reported what, for which period.
public struct ReportMatter: Decodable, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case delårsrapport, årsredovisning
    }

    public let title: String
    public let municipality: Located<String>
    public let committee: String
    public let reportKind: Located<Kind>
    public let year: Located<Int>
    public let period: Located<Period>
    public let dnr: String?
    public let decisionDate: LocalDate?
    public let source: Source
    /// The original document's address (a PDF), which citations with a page link to.
    public let documentURL: String?
    /// Work in progress: `build` leaves the report out (unless `--drafts`); `serve` shows it
    /// with a banner.
    public let draft: Bool?

    public struct Source: Decodable, Sendable, Hashable {
        /// File name in shared/seeds/.
        public let document: String
        public let title: String
        enum CodingKeys: String, CodingKey, CaseIterable { case document, title }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, municipality, committee, reportKind = "report_kind", year, period, dnr
        case decisionDate = "decision_date", source, documentURL = "document_url", draft
    }
}

extension ReportMatter.Kind: Keyword {
    public static var keyName: String { "report_kind" }
}
