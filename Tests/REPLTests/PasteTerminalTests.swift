import Foundation
import Testing

/// Statements that run whole in a real terminal: typed over several lines, and pasted (bracketed
/// or not), they print what the same text prints as a script.
@Suite("Typing and pasting statements in a terminal (tmux)", .serialized, .enabled(if: Terminal.tmux != nil, "tmux is not installed (apt-get install -y tmux); the terminal tests need it"))
struct PasteTerminalTests {
    /// The multi-line examples of grammar/README.md.
    static func multiLineExamples() throws -> [String] {
        let text = try String(contentsOf: Iki.root.appendingPathComponent("grammar/README.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```iki\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        return blocks.filter { $0.trimmingCharacters(in: .newlines).contains("\n") }
    }

    @Test("the issue's example typed over three lines runs once, whole")
    func typedThreeLines() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("typed", home: home)
        terminal.waitForPrompt()
        try terminal.type("show indicators bidang, avg(achievement) as average,")
        try terminal.press("Enter")
        terminal.wait { $0.last == "show>" }
        try terminal.type("count(*) as n")
        try terminal.press("Enter")
        let waiting = terminal.wait { $0.last == "  ;>" }
        #expect(waiting.last == "  ;>", "\(waiting)")
        try terminal.type("group by bidang;")
        try terminal.press("Enter")
        let ran = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("rows") } && $0.last == "iki>" }
        #expect(ran.contains { $0.hasPrefix("bidang") && $0.hasSuffix("n") }, "\(ran)")
        #expect(ran.filter { $0.hasPrefix("(") && $0.contains("rows") }.count == 1, "ran more than once: \(ran)")
        #expect(!ran.contains { $0.contains("error") }, "\(ran)")
    }

    @Test("grammar/README.md's multi-line examples pasted print what they print as a script", arguments: [true, false])
    func pastedExamples(bracketed: Bool) throws {
        let examples = try Self.multiLineExamples()
        #expect(examples.count >= 2, "the README's multi-line examples were not found")
        for (index, example) in examples.enumerated() {
            let home = try TemporaryFolder()
            defer { home.remove() }
            let scriptFolder = try TemporaryFolder()
            defer { scriptFolder.remove() }
            let script = try scriptFolder.write("example.iki", example)
            let expected = try Iki.run([script], in: scriptFolder)
            #expect(expected.status == 0, "\(expected.stderr)")

            let terminal = try Terminal("paste\(index)\(bracketed)", home: home)
            terminal.waitForPrompt()
            try terminal.paste(example, bracketed: bracketed)
            let lines = example.trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            let printed = expected.stdout.split(separator: "\n").map(String.init)
            let screen = terminal.wait { screen in
                screen.last == "iki>" && screen.contains { $0.hasSuffix(lines[lines.count - 1]) }
                    && (printed.isEmpty || screen.contains(printed[printed.count - 1]))
            }
            #expect(screen.last == "iki>", "\(screen)")
            #expect(!screen.contains { $0.contains("error") }, "\(screen)")
            if !printed.isEmpty {
                #expect(screen.joined(separator: "\n").contains(printed.joined(separator: "\n")), "expected\n\(expected.stdout)\ngot\n\(screen.joined(separator: "\n"))")
                let footers = screen.filter { $0.hasPrefix("(") && $0.contains("row") }
                #expect(footers.count == printed.filter { $0.hasPrefix("(") && $0.contains("row") }.count, "\(screen)")
            }
            // Files the example writes are the script's, byte for byte.
            let written = (try? FileManager.default.contentsOfDirectory(atPath: scriptFolder.path)) ?? []
            for file in written where file != "example.iki" {
                let made = terminal.wait { _ in FileManager.default.fileExists(atPath: home.path + "/" + file) }
                #expect(FileManager.default.contents(atPath: home.path + "/" + file) == FileManager.default.contents(atPath: scriptFolder.path + "/" + file),
                        "\(file) differs: \(made)")
            }
        }
    }

    @Test("a paste that ends inside a statement runs what is whole; the rest waits for its ';'")
    func pasteEndingOpen() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("pasteopen", home: home)
        terminal.waitForPrompt()
        try terminal.paste("show units limit 1;\nshow units unit\nwhere kind =\n")
        let waiting = terminal.wait { $0.last == "where>" && $0.contains { $0.hasPrefix("(1 row") } }
        #expect(waiting.last == "where>", "\(waiting)")
        #expect(waiting.filter { $0.hasPrefix("(1 row") }.count == 1, "\(waiting)")
        try terminal.type("\"upt\";")
        try terminal.press("Enter")
        let ran = terminal.wait { $0.filter { $0.hasPrefix("(1 row") }.count == 2 && $0.last == "iki>" }
        #expect(ran.contains("Pengelola Dana Bergulir"), "\(ran)")
    }

    @Test("meta-commands: .mode csv sets the format with a note; \\q leaves")
    func metaCommands() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("meta", home: home)
        terminal.waitForPrompt()
        try terminal.type(".mode csv")
        try terminal.press("Enter")
        let noted = terminal.wait { $0.contains("'.mode csv' is 'set format csv' in iki") && $0.last == "iki>" }
        #expect(noted.contains("'.mode csv' is 'set format csv' in iki"), "\(noted)")
        try terminal.type("show units unit limit 1")
        try terminal.press("Enter")
        let csv = terminal.wait { $0.contains("Sekretariat") && $0.last == "iki>" }
        #expect(csv.suffix(3) == ["unit", "Sekretariat", "iki>"], "\(csv)")
        try terminal.type("\\q")
        try terminal.press("Enter")
        let end = terminal.wait { $0.contains("EXIT=0") }
        #expect(end.contains("'\\q' is 'quit' in iki") && end.last == "EXIT=0", "\(end)")
    }

    @Test("an export says what it wrote on a terminal (a pipe gets nothing: see the export golden cases)")
    func exportSaysWhatItWrote() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("wrote", home: home)
        terminal.waitForPrompt()
        try terminal.type("export show indicators where achievement < 80% to \"under-80.csv\";")
        try terminal.press("Enter")
        let screen = terminal.wait { $0.contains { $0.hasPrefix("wrote under-80.csv (") } && $0.last == "iki>" }
        let rows = try String(contentsOfFile: home.path + "/under-80.csv", encoding: .utf8).split(separator: "\n").count - 1
        #expect(screen.contains("wrote under-80.csv (\(rows) rows)"), "\(screen)")
    }
}
