import Foundation
import Testing
import TestSupport

/// A failed write to standard output is never a trap and never a silent success: one line on
/// standard error and exit 1; a closed pipe stays quiet, as it would with SIGPIPE.
@Suite("Output that cannot be written")
struct OutputFailureTests {
    @Test("a full device: every command exits 1 with one line saying so",
          arguments: ["-c 'show units'", "--help", "check", "template --period 2026-11", "help template", "--format csv -c 'show indicators'"])
    func fullDevice(_ arguments: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.shell("\"$IKI\" \(arguments) > /dev/full; echo \"status $?\"", in: folder)
        #expect(result.stdout == "status 1\n")
        #expect(result.stderr == "iki: cannot write to standard output: No space left on device\n")
    }

    @Test("a pipe closed early, with SIGPIPE ignored (as some shells and services start programs), ends quietly")
    func closedPipe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.shell("""
        trap '' PIPE
        "$IKI" -c 'show indicators; show realisations; show realisations; show realisations' | head -c 10 > /dev/null
        """, in: folder)
        #expect(result.stderr == "")
    }
}
