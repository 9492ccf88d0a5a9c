import Foundation
import Testing
@testable import ReportKit

@Suite struct FrontMatterSplitterTests {
    func file(_ text: String) -> SourceFile {
        SourceFile(relativePath: "a/b.md", displayPath: "content/a/b.md", text: text)
    }

    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatterSplitter.split(file("---\ntitle: A\nx: 1\n---\n# Rubrik\n\nText\n")).get()
        #expect(split.yaml == "title: A\nx: 1")
        #expect(split.yamlLine == 2)
        #expect(split.body == "# Rubrik\n\nText\n")
        #expect(split.bodyLine == 5)
    }

    @Test func acceptsTrailingSpacesOnDelimiters() throws {
        let split = try FrontMatterSplitter.split(file("---  \ntitle: A\n--- \nBody")).get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body")
    }

    @Test func emptyBodyAndEmptyFrontMatter() throws {
        let split = try FrontMatterSplitter.split(file("---\n---\n")).get()
        #expect(split.yaml == "")
        #expect(split.body == "")
    }

    @Test func unterminatedFrontMatter() {
        let result = FrontMatterSplitter.split(file("---\ntitle: A\n\nText utan slut\n"))
        #expect(result.failureDescription == "content/a/b.md:1:1: error: front matter opened here is never closed; add a line with '---' after the last key")
    }

    @Test func missingOpeningDelimiter() {
        let result = FrontMatterSplitter.split(file("title: A\n---\n"))
        #expect(result.failureDescription == "content/a/b.md:1:1: error: expected '---' on the first line to open the front matter, found \"title: A\"")
    }

    @Test(arguments: ["", "\n\n", "   \n"])
    func emptyFile(text: String) {
        #expect(FrontMatterSplitter.split(file(text)).failureDescription
            == "content/a/b.md:1:1: error: file is empty; a page starts with front matter between two '---' lines (see docs/content-format.md)")
    }
}

@Suite struct TextDecodingTests {
    @Test func byteOrderMarkIsRemoved() throws {
        let text = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("---\nå: 1\n---\n".utf8)).get()
        #expect(text == "---\nå: 1\n---\n")
    }

    @Test func crlfBecomesLF() throws {
        let text = try TextDecoding.decode(Array("---\r\ntitle: A\r\n---\r\nText\r\n".utf8)).get()
        #expect(text == "---\ntitle: A\n---\nText\n")
    }

    @Test func bomAndCRLFTogetherKeepLineNumbers() throws {
        let text = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\n".utf8)).get()
        let split = try FrontMatterSplitter.split(SourceFile(relativePath: "x.md", displayPath: "x.md", text: text)).get()
        #expect(split.yaml == "title: A")
        #expect(split.bodyLine == 4)
    }

    @Test func utf16IsRejected() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("---".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard case .failure(let failure) = TextDecoding.decode(bytes) else {
            Issue.record("UTF-16 accepted")
            return
        }
        #expect(failure.message.description.hasPrefix("file is UTF-16 text; save it as UTF-8"))
    }

    @Test func latin1IsRejectedAtItsPosition() {
        let bytes = Array("---\ntitle: ".utf8) + [0x48, 0xE5, 0x6C] + Array("\n---\n".utf8)  // "Hål" in Latin-1
        guard case .failure(let failure) = TextDecoding.decode(bytes) else {
            Issue.record("Latin-1 accepted")
            return
        }
        #expect(failure.line == 2)
        #expect(failure.column == 9)
        #expect(failure.message.description == "file is not valid UTF-8 (byte 0xE5); it may be Latin-1 or Windows-1252: save it as UTF-8")
    }
}

extension Result where Failure == Diagnostic {
    var failureDescription: String? {
        if case .failure(let diagnostic) = self { return diagnostic.description }
        return nil
    }
}

/// A load from the watcher's list of changed files equals a load from scratch of the same
/// folder: files added and removed land where the walk puts them.
@Suite struct ChangedFilesLoadTests {
    @Test func listedChangesLoadLikeAFullWalk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        for path in ["a.md", "a/b.md", "b.png", "c.csv", "z/y.md"] { try write(path, "---\ntitle: \(path)\n---\n") }
        let loader = ContentLoader(root: root, displayRoot: "content")
        let first = loader.load()
        try write("a/a.md", "---\ntitle: ny\n---\n")
        try write("a-b.md", "---\n")
        try write("a.png", "x")
        try write("z/y.md", "---\ntitle: ändrad\n---\n")
        try Data([0x2D, 0xC3, 0x28]).write(to: root.appendingPathComponent("bad.md"))  // not UTF-8
        try FileManager.default.removeItem(at: root.appendingPathComponent("b.png"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("c.csv"))
        let changed = Set(["a/a.md", "a-b.md", "a.png", "z/y.md", "bad.md", "b.png", "c.csv", ".hidden.md"]
            .map { root.appendingPathComponent($0).path })
        let listed = loader.load(reusing: first, changed: changed)
        let scratch = loader.load()
        #expect(listed.files.map(\.relativePath) == scratch.files.map(\.relativePath))
        #expect(listed.files.map(\.text) == scratch.files.map(\.text))
        #expect(listed.assets == scratch.assets)
        #expect(listed.dataFiles.keys.sorted() == scratch.dataFiles.keys.sorted())
        #expect(listed.unreadable.sorted() == scratch.unreadable.sorted())
        #expect(listed.diagnostics.sortedForDisplay().map(\.description) == scratch.diagnostics.sortedForDisplay().map(\.description))
        #expect(listed.files.map(\.relativePath) == ["a/a.md", "a/b.md", "a-b.md", "a.md", "z/y.md"])
        #expect(listed.unreadable == ["bad.md"])
        // A folder where a file was cannot be told from a list of files: every file is looked at.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("q"), withIntermediateDirectories: true)
        try write("q/r.md", "---\n")
        let folder = loader.load(reusing: listed, changed: [root.appendingPathComponent("q").path])
        #expect(folder.files.map(\.relativePath) == loader.load().files.map(\.relativePath))
    }
}
