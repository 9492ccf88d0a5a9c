import Foundation
import Testing
@testable import ReportKit

/// FIFOs, sockets and devices in content/ or templates/ (issue #16, defect 1), and the files
/// content/ may hold besides pages (defect 4).
@Suite struct SpecialFileTests {
    /// A build that would block in `open` on a FIFO must return, with an error at its path.
    @Test(arguments: ["content/teman/pipe.md", "content/teman/pipe.txt", "templates/pipe.mustache", "templates/assets/pipe.css"])
    func fifoIsAnErrorAndNothingBlocks(path: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(mkfifo(site.root.appendingPathComponent(path).path, 0o644) == 0)
        let started = ContinuousClock.now
        let result = site.build()
        #expect(ContinuousClock.now - started < .seconds(5))  // a hang would never return at all
        #expect(result.errors == ["\(path):1:1: error: a named pipe (FIFO) is not a regular file and is not read; remove it (only files and folders belong here)"])
    }

    @Test func socketAndDeviceAreErrors() throws {
        let site = try TestSite()
        defer { site.remove() }
        // A symbolic link to a device is followed by stat, and refused as what it leads to.
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("teman/null.md").path,
                                                   withDestinationPath: "/dev/null")
        let socketPath = site.content.appendingPathComponent("teman/s.md").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let errors = site.build(write: false).errors
        #expect(errors.contains("content/teman/s.md:1:1: error: a socket is not a regular file and is not read; remove it (only files and folders belong here)"))
        // /dev/null lies outside content/: refused as such before its kind matters.
        #expect(errors.contains { $0.hasPrefix("content/teman/null.md:1:1: error: symbolic link points outside the content folder") })
    }

    /// serve's session: a FIFO fails one rebuild; once it is gone the next rebuild succeeds.
    @Test func sessionKeepsRebuildingAfterAFIFO() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = BuildSession(options: BuildOptions(content: site.content, templates: site.templates, output: site.output,
                                                         write: false, displayRoot: site.root))
        #expect(session.build().succeeded)
        let pipe = site.content.appendingPathComponent("teman/pipe.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(session.build().errors.count == 1)
        try FileManager.default.removeItem(atPath: pipe)
        try site.write("content/teman/ny.md", "---\ntitle: Ny\ndescription: Ett nytt tema.\n---\nText.\n")
        let after = session.build()
        #expect(after.succeeded, "\(after.lines)")
        #expect(after.files.contains { $0.path == "teman/ny/index.html" })
    }

    /// What content/ may hold besides pages, and what is never published.
    @Test func strayFilesAreNeverPublished() throws {
        let site = try TestSite()
        defer { site.remove() }
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        for name in ["ekonomi.md~", "#ekonomi.md#", ".#ekonomi.md", "ekonomi.md.swp", ".ekonomi.md.swp", "notes.txt", "Bild 1.PNG", "bild.PNG", "logo.svg"] {
            try site.write("content/teman/\(name)", png)
        }
        try site.write("content/teman/bild-1.png", png)
        let result = site.build()
        #expect(result.succeeded, "\(result.errors)")
        let published = Set(TestSite.snapshot(site.output).keys.filter { $0.hasPrefix("teman/") && !$0.hasSuffix("index.html") })
        #expect(published == ["teman/bild-1.png"])
        let warnings = result.lines.filter { $0.contains("content/teman/") }
        #expect(warnings == [
            "content/teman/#ekonomi.md#:1:1: warning: editor backup or lock file, not published; delete it, or add it to .gitignore",
            "content/teman/Bild 1.PNG:1:1: warning: not published: write the file type in lower case (.png), so that links to it work on every server",
            "content/teman/bild.PNG:1:1: warning: not published: write the file type in lower case (.png), so that links to it work on every server",
            "content/teman/ekonomi.md.swp:1:1: warning: editor backup or lock file, not published; delete it, or add it to .gitignore",
            "content/teman/ekonomi.md~:1:1: warning: editor backup or lock file, not published; delete it, or add it to .gitignore",
            "content/teman/logo.svg:1:1: warning: not published: only pages (.md) and files a page links to (csv, docx, gif, jpeg, jpg, pdf, png, webp, xlsx) belong in content/",
            "content/teman/notes.txt:1:1: warning: not published: only pages (.md) and files a page links to (csv, docx, gif, jpeg, jpg, pdf, png, webp, xlsx) belong in content/",
        ])
    }

    @Test func upperCaseMarkdownIsAnError() throws {
        let site = try TestSite(files: ["content/teman/framtid.MD": "---\ntitle: Framtid\n---\n", "content/teman/Bild 1.png": "x"])
        defer { site.remove() }
        let result = site.build(write: false)
        #expect(result.errors == ["content/teman/framtid.MD:1:1: error: page files end in lower-case .md; rename it to framtid.md, or it is not published"])
        #expect(result.lines.contains("content/teman/Bild 1.png:1:1: warning: not published: a file's name may hold only a–z, 0–9, - and _ (no spaces, capitals or å ä ö), so that its address works everywhere; rename it, e.g. to bild-1.png"))
    }
}
