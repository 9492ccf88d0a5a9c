import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves either the old site or the new one.
@Suite struct KillTests {
    /// A site large enough that writing it takes a while: `reports` reports of ten sections.
    static func largeSite(reports: Int, title: String) throws -> TestSite {
        var files: [String: String] = ["content/index.md": "---\ntitle: \(title)\n---\nStartsida.\n"]
        let sections = ["sammanfattning", "vasentliga-handelser", "mal-och-resultat", "ekonomi", "personal",
                        "kvalitet-och-internkontroll", "verksamhetsstatistik", "ansvarsomrade", "framtid", "ovrigt"]
        let paragraph = String(repeating: "Nämnden redovisar resultat för året med fokus på barn och unga. ", count: 40)
        for number in 1...reports {
            let id = "kommun\(number)"
            files["content/kommuner/\(id).md"] = "---\nname: Kommun \(number)\nshort_name: K\(number)\ncommittee_scope: Allt.\nscope: [barn-och-unga]\nverdict_scale:\n  - term: uppfyllt\n    level: uppfyllt\n---\n"
            files["content/\(id)-2022/index.md"] = """
                ---
                title: Årsredovisning 2022
                municipality: \(id)
                committee: Socialnämnden
                report_kind: årsredovisning
                year: 2022
                period: 2022
                source: {document: x.txt, title: Årsredovisning}
                ---
                Text.
                """
            for section in sections {
                files["content/\(id)-2022/\(section).md"] = "---\ntitle: \(section)\nsummarises: \(section)\nsource: {lines: [1, 2]}\n---\n## Rubrik\n\n\(paragraph)\n"
            }
        }
        return try TestSite(files: files)
    }

    func build(_ site: TestSite) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["build"]
        process.currentDirectoryURL = site.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killAtAnyPointLeavesOldOrNewSite() throws {
        let site = try Self.largeSite(reports: 40, title: "Gammal")
        defer { site.remove() }
        let oldBuild = try build(site)
        oldBuild.waitUntilExit()
        #expect(oldBuild.terminationStatus == 0)
        let old = TestSite.snapshot(site.output)

        try site.write("content/index.md", "---\ntitle: Ny\n---\nStartsida.\n")
        let newBuild = try build(site)
        newBuild.waitUntilExit()
        let new = TestSite.snapshot(site.output)
        #expect(old != new)
        #expect(old.count > 400)

        var sawOld = false, sawNew = false
        for delay in [0, 10, 25, 50, 80, 120, 200, 300] {
            // Start from the old site each time.
            try site.write("content/index.md", "---\ntitle: Gammal\n---\nStartsida.\n")
            if TestSite.snapshot(site.output) != old {
                let restore = try build(site)
                restore.waitUntilExit()
            }
            #expect(TestSite.snapshot(site.output) == old)
            try site.write("content/index.md", "---\ntitle: Ny\n---\nStartsida.\n")
            let process = try build(site)
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = TestSite.snapshot(site.output)
            #expect(after == old || after == new, "killed after \(delay) ms: public/ is neither the old nor the new site")
            if after == old { sawOld = true } else if after == new { sawNew = true }
        }
        #expect(sawOld)
        // A later build cleans up what killed builds left and succeeds.
        let final = try build(site)
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)
        #expect(TestSite.snapshot(site.output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers == [])
        _ = sawNew
    }
}
