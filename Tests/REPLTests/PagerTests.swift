import Foundation
import Testing
@testable import REPL
@testable import Shell
import Render

/// The pager: which command, when, and what happens when it cannot start or is quit early. The
/// terminal itself is in PagerTerminalTests.
@Suite("Pager")
struct PagerTests {
    @Test("IKI_PAGER, else PAGER, else less -FRX; either set but empty turns paging off")
    func command() {
        #expect(Pager.command(environment: [:]) == "less -FRX")
        #expect(Pager.command(environment: ["PAGER": "more"]) == "more")
        #expect(Pager.command(environment: ["PAGER": "more", "IKI_PAGER": "less -S"]) == "less -S")
        #expect(Pager.command(environment: ["PAGER": ""]) == nil)
        #expect(Pager.command(environment: ["PAGER": "more", "IKI_PAGER": " "]) == nil)
    }

    @Test("a result pages when it has as many lines as the screen leaves, long lines counting the rows they take")
    func needed() {
        let ten = String(repeating: "x\n", count: 10)
        #expect(!Pager.needed(ten, rows: 11, columns: 80))
        #expect(Pager.needed(ten, rows: 10, columns: 80))
        let wide = String(repeating: String(repeating: "y", count: 200) + "\n", count: 4)
        #expect(Pager.needed(wide, rows: 12, columns: 80), "4 lines of 3 rows each")
        #expect(!Pager.needed(wide, rows: 13, columns: 80))
    }

    @Test("plain words start directly; anything else through /bin/sh -c")
    func arguments() {
        #expect(Pager.arguments("less -FRX") == ["less", "-FRX"])
        #expect(Pager.arguments("cat > 'x y'") == ["/bin/sh", "-c", "cat > 'x y'"])
    }

    @Test("the pager reads the whole text on its standard input")
    func shows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = (1...5000).map { "row \($0)" }.joined(separator: "\n") + "\n"
        #expect(Pager.show(text, command: "cat > '\(folder.file("paged.txt"))'"))
        #expect(try folder.read("paged.txt") == text)
    }

    @Test("a pager that cannot start (not found) says so, for the caller to print instead", arguments: ["no-such-pager-iki -R", "'no-such-pager-iki'"])
    func missing(command: String) {
        #expect(!Pager.show("a\nb\n", command: command))
    }

    @Test("a pager quit before the end (q in less) drops the rest: no error, no SIGPIPE, the call returns")
    func quitEarly() {
        let text = String(repeating: String(repeating: "z", count: 99) + "\n", count: 100_000)
        #expect(Pager.show(text, command: "head -c 10 > /dev/null"))
        #expect(Pager.show(text, command: "true"))
    }

    @Test("set pager off|on (set halaman mati): the session pages only while it is on, and never into a file")
    func setting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var paged: [String] = []
        var printed = ""
        let session = Session(dataset: Bundled.dataset, sources: Bundled.sources, options: .init(format: .csv),
                              standardOutput: { printed += $0 }, standardError: { _ in })
        session.page = { paged.append($0); return true }
        #expect(session.run("show units unit limit 1", file: "<query>"))
        #expect(paged == ["unit\nSekretariat\n"] && printed == "")
        #expect(session.run("set halaman mati; show units unit limit 1; set pager on", file: "<query>"))
        #expect(paged.count == 1 && printed == "unit\nSekretariat\n")
        #expect(session.run("set output \"\(folder.file("f.csv"))\"; show units unit limit 1; set output stdout", file: "<query>"))
        #expect(paged.count == 1)
        #expect(try folder.read("f.csv") == "unit\nSekretariat\n")
        // The pager declined (the result fits): printed as usual.
        session.page = { _ in false }
        #expect(session.run("show units unit limit 1", file: "<query>"))
        #expect(printed == "unit\nSekretariat\nunit\nSekretariat\n")
    }
}
