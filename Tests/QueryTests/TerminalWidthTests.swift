import Catalogue
@testable import Render
import Testing
import TestSupport

/// A table's cells are measured and cleaned on their bytes when that gives what the Characters
/// give (it is the bundled query's start: bench/results/cold-start.md). These compare the two on
/// random texts made of the pieces that matter: ASCII, controls (C0, DEL, C1), CR LF, tabs,
/// no-break space (C2 A0, not a control), accented and combining letters, wide characters, emoji.
@Suite("Table cells on bytes")
struct TerminalWidthTests {
    static let pieces = ["a", "Z", "7", " ", "-", "%", "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}",
                         "\u{A0}", "é", "e\u{301}", "日", "한", "😀", "\u{0}", "~"]

    /// Texts of 0 to 11 pieces, the same on every run.
    static func texts() -> [String] {
        var generator = SplitMix(state: 15)
        return (0..<3000).map { _ in
            (0..<Int.random(in: 0...11, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test("displayWidth counts what charWidth counts, Character by Character")
    func widthAsCharacters() {
        for text in Self.texts() {
            #expect(displayWidth(text) == text.reduce(0) { $0 + charWidth($1) }, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("a cell is put on one line exactly when it has a tab, CR or LF Character")
    func oneLineAsCharacters() {
        for text in Self.texts() {
            let breaks = text.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
            #expect((oneLine(text) != text) == breaks, "\(Array(text.unicodeScalars))")
            #expect(!oneLine(text).utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        }
    }

    @Test("a text is escaped exactly when it has a control scalar, and none is left")
    func escapedAsScalars() {
        for text in Self.texts() {
            let escaped = TerminalText.escaped(text)
            #expect((escaped != text) == text.unicodeScalars.contains(where: TerminalText.isControl), "\(Array(text.unicodeScalars))")
            #expect(!escaped.unicodeScalars.contains(where: TerminalText.isControl))
        }
    }

    @Test("a column's narrowest width takes the widest word as splitting at spaces gives it")
    func longestWordAsSplit() {
        for text in Self.texts() {
            let split = text.split(separator: " ").reduce(0) { max($0, displayWidth(String($1))) }
            #expect(TableFit.longestWord(text) == split, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("a pad or a rule is the byte repeated, as String(repeating:count:) gives")
    func asciiRunAsRepeating() {
        for count in [0, 1, 2, 15, 16, 17, 200] {
            #expect(asciiRun(0x20, count: count) == String(repeating: " ", count: count))
            #expect(asciiRun(0x2D, count: count) == String(repeating: "-", count: count))
        }
    }
}
