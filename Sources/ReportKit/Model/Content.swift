/// A content file whose front matter decoded into `Matter`, with its Markdown body.
public struct Document<Matter: Sendable & Hashable>: Sendable, Hashable {
    public let file: SourceFile
    public let matter: Matter
    public let body: String
    /// Line of the file on which the body starts, so Markdown positions map back to the file.
    public let bodyLine: Int

    /// The last path component without `.md`: the id of a metric, theme or section.
    /// Stored, not computed: lookups by id run for every page and every figure, and deriving
    /// it (a Character-by-Character split of the path) each time showed up in the profile.
    public let id: String

    public init(file: SourceFile, matter: Matter, body: String, bodyLine: Int) {
        self.file = file
        self.matter = matter
        self.body = body
        self.bodyLine = bodyLine
        id = Self.id(of: file.relativePath)
    }

    static func id(of path: String) -> String {
        let bytes = path.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        let name = Substring(bytes[start...])
        return String(name.dropLast(3))
    }
}

/// A report with its sections in reading order.
///
/// Report and Section are classes with constant properties and value equality: pages,
/// figures and lookups hold them by the thousand, and copying one as a struct retained
/// every string and array it holds (it showed as 5-7 % of a 10 000-page build). Nothing
/// can change one after it is made, so sharing it is the same as copying it.
public final class Report: Sendable, Hashable {
    /// The folder name: `huddinge-2020`.
    public let id: String
    public let index: Document<ReportMatter>
    public let sections: [Section]

    public var isDraft: Bool { index.matter.draft == true }

    public init(id: String, index: Document<ReportMatter>, sections: [Section]) {
        self.id = id
        self.index = index
        self.sections = sections
    }

    public static func == (a: Report, b: Report) -> Bool {
        a === b || (a.id == b.id && a.index == b.index && a.sections == b.sections)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(index)
        hasher.combine(sections)
    }
}

public final class Section: Sendable, Hashable {
    public let kind: SectionKind
    public let document: Document<SectionMatter>

    /// The order the report itself has: by the first source line each section summarises
    /// (reports differ: Huddinge starts with its area of responsibility, Botkyrka puts its
    /// internal control before its goals); the common order where a section names no line.
    public static func inReportOrder(_ a: Section, _ b: Section) -> Bool {
        let first = a.firstSourceLine, second = b.firstSourceLine
        return first != second ? first < second : a.kind.order < b.kind.order
    }

    var firstSourceLine: Int {
        document.matter.source.lines?.first ?? document.matter.source.line ?? Int.max
    }

    public init(kind: SectionKind, document: Document<SectionMatter>) {
        self.kind = kind
        self.document = document
    }

    public static func == (a: Section, b: Section) -> Bool {
        a === b || (a.kind == b.kind && a.document == b.document)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(document)
    }
}

/// Everything in `content/`, decoded and checked, before any page exists.
public struct Content: Sendable {
    public var home: Document<PageMatter>?
    public var pages: [Document<PageMatter>] = []
    public var scale: Document<ScaleMatter>?
    public var municipalities: [Document<MunicipalityMatter>] = []
    public var metrics: [Document<MetricMatter>] = []
    public var themes: [Document<ThemeMatter>] = []
    public var reports: [Report] = []
    /// Non-Markdown files below content/, copied as they are.
    public var assets: [String] = []
    /// Files that exist but failed to decode (already reported): references to them are not
    /// reported again as "unknown".
    public var failedFiles: Set<String> = []
    /// The files of reports marked `draft: true` that this build leaves out: links to them are
    /// reported as links to a draft.
    public var draftFiles: Set<String> = []

    public init() {}

    /// Leaves out the reports marked `draft: true`, keeping their files' paths.
    mutating func leaveOutDrafts() {
        for report in reports where report.isDraft {
            draftFiles.insert(report.index.file.relativePath)
            for section in report.sections { draftFiles.insert(section.document.file.relativePath) }
        }
        reports.removeAll(where: \.isDraft)
    }

    public func municipality(_ id: String) -> Document<MunicipalityMatter>? {
        municipalities.first { $0.id == id }
    }

    public func metric(_ id: String) -> Document<MetricMatter>? {
        metrics.first { $0.id == id }
    }
}
