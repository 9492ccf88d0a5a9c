import CommonMark
import Foundation

/// The files `arsrapport new` writes: a report folder with every common section, and the
/// municipality's own file when it is new. What is left to write is marked "FYLL I: …", which
/// `check` and `build` report as errors until it is replaced (warnings in `serve`), unless the
/// report is marked `draft: true`.
public struct ReportScaffold: Sendable {
    public let municipality: String
    public let year: Int
    public let kind: ReportMatter.Kind

    public init(municipality: String, year: Int, kind: ReportMatter.Kind) {
        self.municipality = municipality
        self.year = year
        self.kind = kind
    }

    public enum Failure: CataloguedError {
        case invalid(MessagePart)
        case exists(MessagePart)

        public var message: MessagePart {
            switch self {
            case .invalid(let message), .exists(let message): return message
            }
        }
    }

    /// The seven sections every report has, with their Swedish titles.
    static let sections: [(SectionKind, String)] = [
        (.sammanfattning, "Sammanfattning"), (.vasentligaHandelser, "Väsentliga händelser"),
        (.malOchResultat, "Mål och resultat"), (.ekonomi, "Ekonomi"), (.personal, "Personal"),
        (.kvalitetOchInternkontroll, "Kvalitet och internkontroll"), (.verksamhetsstatistik, "Verksamhetsstatistik"),
    ]

    /// Path below content/ → file text.
    public func files(municipalityExists: Bool) -> [String: String] {
        let folder = "\(municipality)-\(year)"
        let kindText = kind == .delårsrapport ? "delårsrapport" : "årsredovisning"
        let period = kind == .delårsrapport
            ? "{start: \(year)-01-01, end: \(year)-08-31}   # the period the report covers: correct the end date"
            : "\(year)                 # the whole calendar year"
        var files: [String: String] = [:]
        files["\(folder)/index.md"] = """
            ---
            # The report's identity. Every key is described in docs/content-format.md.
            title: Socialnämndens \(kindText) \(year)     # the report's own title
            municipality: \(municipality)                 # the file content/kommuner/\(municipality).md
            committee: Socialnämnden
            report_kind: \(kindText)                  # delårsrapport or årsredovisning
            year: \(year)
            period: \(period)
            # dnr: SN 2024/1                        # only if the report states a diarienummer
            # decision_date: \(year + 1)-02-15          # only if the report states when it was decided
            # draft: true                           # leaves the report out of the site until it is done
            source:
              document: "FYLL I: rapportens filnamn"  # the report's text file
              title: \(kindText.capitalized) \(year), Socialnämnden
            ---
            FYLL I: en kort inledning om rapporten.

            """
        for (section, title) in Self.sections {
            files["\(folder)/\(section.rawValue).md"] = """
                ---
                title: \(title)
                summarises: "FYLL I: rapportens egna rubriker"  # the report's own headings that this section covers
                source: {lines: [1, 1]}               # first and last line of those headings in the report's text
                # themes: [ekonomi]                   # theme ids from content/teman/
                # figures:                            # headline figures: see docs/content-format.md
                #   - id: nettokostnad
                #     metric: nettokostnad            # an id from content/jamfor/
                #     basis: utfall                   # utfall, budget, prognos, avvikelse or mål
                #     value: 1054.4                   # exactly as the report prints it, with a decimal point
                #     unit: mnkr
                #     period: \(year)
                #     source: {line: 120, quote: "1 054,4"}
                # tables:                             # every table of this part: see docs/content-format.md
                # goals:                              # every goal with its verdict: see docs/content-format.md
                ---
                FYLL I: avsnittets text, med rapportens egna ord.

                """
        }
        if !municipalityExists {
            files["kommuner/\(municipality).md"] = """
                ---
                name: \(municipality.capitalized) kommun          # the municipality's full name
                short_name: \(municipality.capitalized)
                committee_scope: "FYLL I: vad socialnämnden ansvarar för"
                scope: []                              # the areas it covers, e.g. [barn-och-unga, vuxna-missbruk, ekonomiskt-bistand]
                verdict_scale:                         # each verdict word the reports use, mapped once to the common scale
                  - term: uppfyllt
                    level: uppfyllt
                  - term: delvis uppfyllt
                    level: delvis-uppfyllt
                  - term: ej uppfyllt
                    level: ej-uppfyllt
                ---
                FYLL I: några meningar om kommunen.

                """
        }
        return files
    }

    /// Writes the scaffold below `content`; refuses to touch an existing report.
    public func write(into content: URL) throws(Failure) -> [String] {
        guard Identifier.isValid(municipality) else {
            throw .invalid(MessagePart(.newBadMunicipality, municipality, Slug.make(municipality)))
        }
        guard (1900...2200).contains(year) else { throw .invalid(MessagePart(.newBadYear, "\(year)")) }
        let folder = content.appendingPathComponent("\(municipality)-\(year)")
        if FileManager.default.fileExists(atPath: folder.path) {
            throw .exists(MessagePart(.newExists, "\(municipality)-\(year)"))
        }
        let exists = FileManager.default.fileExists(atPath: content.appendingPathComponent("kommuner/\(municipality).md").path)
        let files = files(municipalityExists: exists)
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let url = content.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw .invalid(MessagePart(.newWriteFailed, error.localizedDescription))
        }
        return files.keys.sorted()
    }
}
