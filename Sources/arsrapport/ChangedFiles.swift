import Foundation

/// The files a pull request changes, from Git, as paths relative to the working directory
/// (the way diagnostics name them).
enum ChangedFiles {
    /// Files changed between the merge base of `base` and HEAD; tries `origin/<base>` first, as
    /// a CI checkout has the base branch only as a remote one. Nil when Git cannot tell (no
    /// repository, unknown ref): then every file is annotated.
    static func since(_ base: String) -> Set<String>? {
        for ref in ["origin/\(base)", base] {
            if let names = git(["diff", "--name-only", "--relative", "\(ref)...HEAD"]) {
                return Set(names.split(separator: "\n").map(String.init))
            }
        }
        return nil
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
