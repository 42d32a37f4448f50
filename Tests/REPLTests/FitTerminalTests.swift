import Foundation
import Testing

/// Tables fit the terminal they are printed on: what a `--width N` pipe prints is what an
/// N-column terminal shows, with no line wider than the terminal.
@Suite("Tables that fit the terminal (tmux)", .serialized, .enabled(if: Terminal.tmux != nil, "tmux is not installed (apt-get install -y tmux); the terminal tests need it"))
struct FitTerminalTests {
    @Test("at 80 and 160 columns a table and a card print as --width says, no line wider than the terminal", arguments: [80, 160])
    func fits(columns: Int) throws {
        for query in ["show units limit 6", "describe indicator SDIN-1"] {
            let home = try TemporaryFolder()
            defer { home.remove() }
            let expected = try Iki.run(["--width", String(columns), "-c", query])
            #expect(expected.status == 0, "\(expected.stderr)")
            let printed = expected.stdout.split(separator: "\n").map(String.init)
            #expect(printed.allSatisfy { $0.count <= columns }, "\(expected.stdout)")

            let terminal = try Terminal("fit\(columns)", home: home, columns: columns)
            terminal.waitForPrompt()
            try terminal.type(query)
            try terminal.press("Enter")
            let screen = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("row") } && $0.last == "iki>" }
            #expect(screen.joined(separator: "\n").contains(printed.joined(separator: "\n")), "expected\n\(expected.stdout)\ngot\n\(screen.joined(separator: "\n"))")
        }
    }

    @Test("at 80 columns the card's formula is printed whole, wrapped on words")
    func cardWhole() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("card80", home: home, columns: 80)
        terminal.waitForPrompt()
        try terminal.type("describe indicator KBBFPEM-1")
        try terminal.press("Enter")
        let screen = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("row") } && $0.last == "iki>" }
        let words = screen.flatMap { $0.split(separator: " ").map(String.init) }
        let name = "Persentase Koperasi yang Mendapatkan Fasilitasi dana dari Pemerintah yang telah dilakukan Monitoring dan Evaluasi"
        let start = try #require(words.firstIndex(of: "Persentase"), "\(screen)")
        #expect(Array(words[start..<min(words.count, start + 14)]) == name.split(separator: " ").map(String.init), "\(screen)")
    }
}
