import Foundation
import Testing
@testable import REPL

@Suite("History: where it is kept and what goes in")
struct HistoryTests {
    @Test("IKI_HISTORY, then XDG_STATE_HOME, then ~/.local/state")
    func location() {
        #expect(HistoryLocation.file(environment: ["IKI_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/tmp/h")
        #expect(HistoryLocation.file(environment: ["IKI_HISTORY": "", "XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == nil)
        #expect(HistoryLocation.file(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/iki/history")
        #expect(HistoryLocation.file(environment: ["XDG_STATE_HOME": "", "HOME": "/home/a"]) == "/home/a/.local/state/iki/history")
        #expect(HistoryLocation.file(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/state/iki/history",
                "a relative XDG_STATE_HOME is ignored, as the XDG spec says")
        #expect(HistoryLocation.file(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/iki/history")
    }

    /// The entries of a libedit history file (`_HiStOrY_V2_`, then one entry a line, spaces as `\040`).
    func entries(_ path: String) throws -> [String] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "_HiStOrY_V2_")
        return lines.dropFirst().map { $0.replacingOccurrences(of: "\\040", with: " ") }
    }

    @Test("remember saves to the file, creating its folder, without consecutive duplicates")
    func remember() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path + "/state/iki/history"
        let editor = LineEditor(historyFile: file)
        editor.remember("show units")
        editor.remember("show units")
        editor.remember("show positions")
        editor.remember("   ")
        editor.remember("show units")
        #expect(try entries(file) == ["show units", "show positions", "show units"])
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0, "history is private to its user")

        // A new editor reads the file back: its last entry is not added twice.
        let again = LineEditor(historyFile: file)
        again.remember("show units")
        again.remember("describe indicators")
        #expect(try entries(file) == ["show units", "show positions", "show units", "describe indicators"])
    }

    @Test("the history is bounded")
    func bounded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path + "/history"
        let editor = LineEditor(historyFile: file, historyLimit: 3)
        for n in 1...5 { editor.remember("show units limit \(n)") }
        #expect(try entries(file) == ["show units limit 3", "show units limit 4", "show units limit 5"])
    }

    @Test("without a file nothing is written")
    func noFile() {
        let editor = LineEditor(historyFile: nil)
        editor.remember("show units")
    }

    @Test("a statement over several lines is one entry; comments ending a line are dropped")
    func entry() {
        #expect(REPL.historyEntry(["show indicators"]) == "show indicators")
        #expect(REPL.historyEntry(["show indicators code,", "  achievement", "where achievement < 80%;"])
                == "show indicators code, achievement where achievement < 80%;")
        #expect(REPL.historyEntry(["show indicators -- all of them", "where achievement < 80% -- under"])
                == "show indicators where achievement < 80% -- under")
        #expect(REPL.historyEntry(["show indicators where indicator contains \"a -- b\"", "and kind = 'count'"])
                == "show indicators where indicator contains \"a -- b\" and kind = 'count'")
        #expect(REPL.historyEntry(["show indicators", "", "where x = 1"]) == "show indicators where x = 1")
    }
}
