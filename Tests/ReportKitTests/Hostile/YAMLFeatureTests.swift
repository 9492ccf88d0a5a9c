import Foundation
import Testing
@testable import ReportKit

/// Anchors, aliases and tags are refused, as the README says (issue #16, defect 9).
@Suite struct YAMLFeatureTests {
    func errors(_ frontMatter: String) throws -> [String] {
        let site = try TestSite(files: ["content/teman/ekonomi.md": "---\n\(frontMatter)---\nText.\n"])
        defer { site.remove() }
        return site.build(write: false).errors
    }

    static let anchors = "YAML anchors and aliases (&name, *name) are not allowed in front matter; write the value out"

    @Test func anchorsAndAliasesAreRefused() throws {
        #expect(try errors("title: &b Ekonomi\ndescription: *b\n") == ["content/teman/ekonomi.md:2:8: error: \(Self.anchors)"])
        // An anchor on a mapping, used or not.
        #expect(try errors("title: Ekonomi\ndescription: &m {a: b}\n") == ["content/teman/ekonomi.md:3:14: error: \(Self.anchors)"])
        let metric = try TestSite(files: ["content/jamfor/nettokostnad.md": "---\ntitle: N\nunit: mnkr\ndefinition: &d x\ndifferences:\n  testby: *d\nkind: flow\nsign: non-negative\narea: hela-namnden\n---\n"])
        defer { metric.remove() }
        #expect(metric.build(write: false).errors == ["content/jamfor/nettokostnad.md:4:13: error: \(Self.anchors)"])
    }

    @Test(arguments: [("title: !!binary aGVq\ndescription: x\n", "!!binary", "2:8"),
                      ("title: Ekonomi\ndescription: !!str 12\n", "!!str", "3:14"),
                      ("title: Ekonomi\ndescription: !lokal x\n", "!lokal", "3:14"),
                      ("title: Ekonomi\ndescription: !!map {a: b}\n", "!!map", "3:14")])
    func tagsAreRefused(yaml: String, tag: String, position: String) throws {
        #expect(try errors(yaml) == ["content/teman/ekonomi.md:\(position): error: YAML tags such as \(tag) are not allowed in front matter; write the value without it (quote text if it looks like a number)"])
    }

    /// Quoted and block text carry an implicit !!str: no tag of the writer's, so accepted.
    @Test func quotedAndBlockTextAreNoTags() throws {
        #expect(try errors("title: 'Ekonomi'\ndescription: >-\n  Lång\n  text.\n") == [])
        #expect(try errors("title: \"Ekonomi\"\ndescription: |\n  Rad.\n") == [])
    }
}
