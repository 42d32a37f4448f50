import Foundation
import Testing
@testable import Shell

/// `--safe` and `IKI_SAFE=1` (the golden cases safe-mode and safe-mode-no-export-dir show the rest).
@Suite("Safe mode: no load, no set output, exports only inside --export-dir")
struct SafeModeTests {
    @Test("an export through a symbolic link inside the export folder is refused and writes nothing")
    func symlinkRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("out/elsewhere"), withDestinationPath: outside.path)
        let shell = Shell()
        shell.session.safeMode = SafeMode(exportDirectory: folder.file("out"))
        #expect(!shell.run("export show units unit limit 1 to \"elsewhere/units.csv\""))
        #expect(shell.err.hasPrefix("<query>:1:35: error: cannot export to 'elsewhere/units.csv' in safe mode: 'elsewhere' is a symbolic link; "))
        #expect(try outside.listing() == [])
        // A name that merely contains dots is a name.
        shell.clear()
        #expect(shell.run("export show units unit limit 1 to \"..units..csv\""))
        #expect(try folder.read("out/..units..csv") == "unit\nSekretariat\n")
    }

    @Test("IKI_SAFE=1 turns safe mode on as --safe does; IKI_SAFE=0 or empty does not")
    func environment() throws {
        #expect(SafeMode.requested(by: ["IKI_SAFE": "1"]))
        #expect(SafeMode.requested(by: ["IKI_SAFE": "yes"]))
        #expect(!SafeMode.requested(by: ["IKI_SAFE": "0"]))
        #expect(!SafeMode.requested(by: ["IKI_SAFE": ""]))
        #expect(!SafeMode.requested(by: [:]))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var env = ProcessInfo.processInfo.environment
        env["IKI_SAFE"] = "1"
        let refused = try Iki.run(executable: Iki.path(), ["-c", "set output \"f.txt\""], in: folder, environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("<query>:1:12: error: set output to a file is not allowed in safe mode"))
        #expect(try folder.listing() == [])
    }

    @Test("--export-dir without safe mode is a bad invocation (exit 2)")
    func exportDirAlone() throws {
        let result = try Iki.run(["--export-dir", "out", "-c", "show units limit 1"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: --export-dir is for safe mode: give --safe (or IKI_SAFE=1) too\n"))
    }
}
