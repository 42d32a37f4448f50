import Foundation
import Testing
@testable import Base

/// Text written for people is safe where it goes: spreadsheets (no formulas), terminals (no
/// control sequences), and numbers are finite.
@Suite("Output safety: text")
struct OutputSafetyTextTests {
    // MARK: Spreadsheets

    @Test("SpreadsheetText: =, +, -, @, tab and CR first get a quote in front; numbers and other text do not")
    func spreadsheetGuard() {
        let guarded = ["=1+2", "=HYPERLINK(\"http://x\")", "+cmd", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1",
                       "-", "+", "- selesai", "-1e5", "--1", "-1.2.3", "-1,", "-.5", "+1-1"]
        for text in guarded {
            #expect(SpreadsheetText.needsGuard(text), "\(text)")
            #expect(SpreadsheetText.guarded(text) == "'" + text)
        }
        let plain = ["", "Laporan", "87.5", "-87.5", "-87,5", "+3", "-0", "1=1", " =1", "'=1", "SDIN-1", "2026-10", "日本"]
        for text in plain {
            #expect(!SpreadsheetText.needsGuard(text), "\(text)")
            #expect(SpreadsheetText.guarded(text) == text)
        }
    }

    @Test("CSVWriter with guardFormulas: a guarded field is quoted with a quote in front; others as before")
    func csvWriterGuard() {
        #expect(CSVWriter.line(["=1+2", "-5", "-5.25", "@x", "ok", "a,b", "say \"hi\""], guardFormulas: true)
                == "\"'=1+2\",-5,-5.25,\"'@x\",ok,\"a,b\",\"say \"\"hi\"\"\"\n")
        #expect(CSVWriter.line(["=\"x\"", "\tx"], delimiter: ";", guardFormulas: true) == "\"'=\"\"x\"\"\";\"'\tx\"\n")
        #expect(CSVWriter.line(["=1+2", "-5"]) == "=1+2,-5\n")
        #expect(CSVWriter.document([["a"], ["+x"]], guardFormulas: true) == "a\n\"'+x\"\n")
        // What a CSV reader reads back: the text with its quote, nothing lost.
        let records = try? CSVReader.parse(CSVWriter.document([["=1+2", "-1", "\r=x"]], guardFormulas: true), file: "t")
        #expect(records?.first?.fields == ["'=1+2", "-1", "'\r=x"])
    }

    // MARK: Terminals

    @Test("TerminalText: C0 controls, DEL and C1 controls as \\xhh; tab and newlines only when kept")
    func terminalEscapes() {
        #expect(TerminalText.escaped("plain, ünïcödé, 日本, \\frac") == "plain, ünïcödé, 日本, \\frac")
        #expect(TerminalText.escaped("\u{1B}[2J\u{1B}]0;title\u{07}") == "\\x1b[2J\\x1b]0;title\\x07")
        #expect(TerminalText.escaped("a\u{08}b\u{7F}c\u{9B}31m\u{85}\u{0}") == "a\\x08b\\x7fc\\x9b31m\\x85\\x00")
        #expect(TerminalText.escaped("a\tb\nc\r\nd\re") == "a\\x09b\\x0ac\\x0d\\x0ad\\x0de")
        #expect(TerminalText.escaped("a\tb\nc\r\nd\re", keepTabs: true, keepNewlines: true) == "a\tb\nc\r\nd\\x0de")
        // An OSC 8 hyperlink and an OSC 52 clipboard write keep nothing a terminal acts on.
        let osc = "\u{1B}]8;;http://evil\u{1B}\\click\u{1B}]8;;\u{1B}\\ \u{1B}]52;c;ZWNobyBoaQ==\u{07}"
        #expect(!TerminalText.escaped(osc).unicodeScalars.contains(where: TerminalText.isControl))
        #expect(TerminalText.escaped("e\u{301}\u{1B}") == "e\u{301}\\x1b")
    }

    @Test("TerminalText.sourceLine: the line escaped, the caret still under the offending text")
    func sourceLine() {
        let plain = TerminalText.sourceLine("show x where y", column: 6, length: 1)
        #expect(plain.line == "show x where y" && plain.caret == "     ^")
        let escaped = TerminalText.sourceLine("a\u{1B}b = \"\u{7}x\"", column: 7, length: 4)
        #expect(escaped.line == "a\\x1bb = \"\\x07x\"")
        #expect(escaped.caret == "         ^~~~~~~")
        let tabs = TerminalText.sourceLine("\tshow zz", column: 7, length: 2)
        #expect(tabs.caret == "\t     ^~")
        #expect(TerminalText.sourceLine("abc", column: 3, length: 10).caret == "  ^")
        #expect(TerminalText.sourceLine("abc", column: 9, length: 1).caret == "   ^")
        // Without control characters: the same caret as Diagnostic.rendered(source:) draws today.
        func old(_ line: String, _ column: Int, _ length: Int) -> String {
            let prefix = line.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            return prefix + "^" + String(repeating: "~", count: max(0, min(length, max(1, line.count - column + 1)) - 1))
        }
        for line in ["", "a", "show x", "\tshow\tx", "日本 x", "e\u{301}bc"] {
            for column in 1...9 {
                for length in 0...8 {
                    let new = TerminalText.sourceLine(line, column: column, length: length)
                    #expect(new.line == line && new.caret == old(line, column, length), "\(line) \(column) \(length)")
                }
            }
        }
    }

    // MARK: Numbers

    @Test("formatNumber and fixedDecimals never write inf or nan: a value that is not finite is written as nothing")
    func nonFinite() {
        for value in [Double.infinity, -.infinity, .nan, -.nan, .signalingNaN] {
            #expect(formatNumber(value) == "")
            #expect(formatNumber(value, decimalComma: true) == "")
            for decimals in [0, 1, 2, 6, 9] { #expect(fixedDecimals(value, decimals) == "") }
        }
        #expect(formatNumber(.greatestFiniteMagnitude).hasPrefix("17976931348623157"))
        #expect(formatNumber(-1e300) == String(format: "%.0f", -1e300))
    }
}

@Suite("Output safety: diagnostics")
struct DiagnosticSafetyTests {
    @Test("a diagnostic's description shows control characters from the data escaped; tabs and line breaks stay")
    func description() {
        let diagnostic = Diagnostic.error("unknown code 'SDIN-1\u{1B}[2J\u{1B}]0;x\u{07}'", at: SourceLocation(file: "a\u{1B}.csv", line: 2, column: 3),
                                          notes: ["nearest codes: SDIN-1\u{9B}", "a\tb\nc"])
        #expect(diagnostic.description == "a\\x1b.csv:2:3: error: unknown code 'SDIN-1\\x1b[2J\\x1b]0;x\\x07'\n    nearest codes: SDIN-1\\x9b\n    a\tb\nc")
        #expect(Diagnostic.warning("plain").description == "warning: plain")
    }
}
