import Foundation
@testable import ReportKit

/// A site in a temporary folder, written from fixtures and inline files, built as the CLI would.
struct TestSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    var output: URL { root.appendingPathComponent("public") }

    /// A copy of the base fixture and the real templates, with `files` (path → text) on top.
    init(base: String? = "base", files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("arsrapport-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let base {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(base).appendingPathComponent("content"), to: content)
        } else {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("templates"), to: templates)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Copies every file of `overlay` (a fixture folder) over this site.
    func apply(overlay: URL) throws {
        let enumerator = FileManager.default.enumerator(at: overlay, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(overlay.standardizedFileURL.path.count + 1))
            if !relative.contains("/"), relative.hasPrefix("expected"), relative.hasSuffix(".txt") { continue }
            try write(relative, try Data(contentsOf: url))
        }
    }

    func build(write: Bool = true, baseURL: String? = nil, parallel: Bool = true, output: URL? = nil) -> BuildResult {
        SiteBuilder.build(BuildOptions(content: content, templates: templates, output: output ?? self.output,
                                       baseURL: baseURL, write: write, parallel: parallel, displayRoot: root))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file below `folder`, path → bytes, for byte-for-byte comparisons.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try? Data(contentsOf: url)
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension BuildResult {
    /// Diagnostics as the CLI prints them.
    var lines: [String] { diagnostics.map(\.description) }
    var errors: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
}
