import Catalogue
import Foundation
import Query
import Testing
@testable import Render

/// Renderers: no `inf`/`nan`, JSON always valid, control characters escaped for terminals and kept
/// for programs, formulas guarded in files for spreadsheets.
@Suite("Output safety: renderers")
struct OutputSafetyRenderTests {
    static let hostile = ResultSet(
        columns: [Column(name: "name", type: .text), Column(name: "x", type: .number), Column(name: "p", type: .percent)],
        rows: [
            [.text("=HYPERLINK(\"http://evil\",\"klik\")"), .number(.infinity), .number(.nan)],
            [.text("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{08}\u{7F}\u{9B}1m"), .number(-.infinity), .number(-5)],
            [.text("-2+3+cmd|' /C calc'!A0"), .number(-12.5), .number(87.5)],
            [.text("@SUM(A1)"), .missing, .missing],
        ])

    static func render(_ format: OutputFormat, decimalComma: Bool = false) -> String {
        Renderer.render(hostile, RenderOptions(format: format, decimalComma: decimalComma))
    }

    @Test("no format prints inf or nan: a value that is not finite is missing (-, empty, null)")
    func nonFinite() throws {
        for format in OutputFormat.allCases {
            for decimalComma in [false, true] {
                let text = Self.render(format, decimalComma: decimalComma).lowercased()
                #expect(!text.contains("inf") && !text.contains("nan"), "\(format)")
            }
        }
        #expect(Self.render(.csv).split(separator: "\n")[1].hasSuffix(",,"))
        #expect(Self.render(.tsv).split(separator: "\n")[1].hasSuffix("\t\t"))
        #expect(Self.render(.markdown).split(separator: "\n")[2].hasSuffix("| - | - |"))
        #expect(Self.render(.table).split(separator: "\n")[2].split(separator: " ").suffix(2) == ["-", "-"])
        let json = Self.render(.json)
        #expect(json.contains("\"x\": null, \"p\": null"))
        #expect(json.contains("\"x\": -12.5, \"p\": 87.5"))
    }

    @Test("JSON is valid (RFC 8259) whatever the values; controls, DEL, C1, U+2028 as \\u escapes")
    func jsonValid() throws {
        let json = Self.render(.json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 4)
        #expect(parsed[1]["name"] as? String == "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{08}\u{7F}\u{9B}1m")
        #expect(json.contains("\\u001b]0;pwned\\u0007\\u001b[2J\\b\\u007f\\u009b1m") || json.contains("\\u001b]0;pwned\\u0007\\u001b[2J\\u0008\\u007f\\u009b1m"))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let separators = ResultSet(columns: [Column(name: "s", type: .text)], rows: [[.text("a\u{2028}b\u{2029}")]])
        #expect(Renderer.render(separators, RenderOptions(format: .json)).contains("a\\u2028b\\u2029"))
    }

    @Test("table and markdown show control characters escaped; CSV and TSV keep the bytes")
    func terminalText() {
        for format in [OutputFormat.table, .markdown] {
            let text = Self.render(format)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }, "\(format)")
            #expect(text.contains("\\x1b]0;pwned\\x07\\x1b[2J\\x08\\x7f\\x9b1m"), "\(format)")
        }
        let coloured = Renderer.render(Self.hostile, RenderOptions(format: .table, colour: true))
        // Only the renderer's own colour sequences reach the terminal.
        #expect(coloured.components(separatedBy: "\u{1B}").count - 1 == coloured.components(separatedBy: "\u{1B}[").count - 1)
        #expect(!coloured.contains("\u{1B}]"))
        #expect(Self.render(.csv).contains("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{08}\u{7F}\u{9B}1m"))
        #expect(Self.render(.tsv).contains("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{08}\u{7F}\u{9B}1m"))
    }

    @Test("escaped cells are measured as shown: columns stay aligned")
    func alignment() {
        let result = ResultSet(columns: [Column(name: "a", type: .text), Column(name: "b", type: .text)],
                               rows: [[.text("\u{1B}x"), .text("1")], [.text("abcde"), .text("2")]])
        #expect(Renderer.render(result, RenderOptions(format: .table)) == """
            a      b
            -----  -
            \\x1bx  1
            abcde  2
            (2 rows)

            """)
    }

    @Test("guardFormulas: CSV and TSV text cells that a spreadsheet would run get a ', CSV quotes them; numbers stay numbers")
    func formulas() {
        #expect(DelimitedRenderer.csv(Self.hostile, decimalComma: false, guardFormulas: true) == """
            name,x,p
            "'=HYPERLINK(""http://evil"",""klik"")",,
            \u{1B}]0;pwned\u{07}\u{1B}[2J\u{08}\u{7F}\u{9B}1m,,-5
            "'-2+3+cmd|' /C calc'!A0",-12.5,87.5
            "'@SUM(A1)",,

            """)
        #expect(DelimitedRenderer.csv(Self.hostile, decimalComma: true, guardFormulas: true).contains("\"'-2+3+cmd|' /C calc'!A0\";-12,5;87,5\n"))
        // Decimal commas are for Excel: guarded whatever the option says.
        #expect(Self.render(.csv, decimalComma: true).contains("\"'-2+3+cmd|' /C calc'!A0\";-12,5;87,5\n"))
        #expect(Self.render(.csv, decimalComma: true).contains("\"'@SUM(A1)\";;\n"))
        #expect(DelimitedRenderer.tsv(Self.hostile, guardFormulas: true).contains("'-2+3+cmd|' /C calc'!A0\t-12.5\t87.5\n"))
        #expect(DelimitedRenderer.tsv(Self.hostile, guardFormulas: true).contains("\n'@SUM(A1)\t\t\n"))
        // Without the option (CSV on standard output, for programs): the data as it is.
        #expect(DelimitedRenderer.csv(Self.hostile, decimalComma: false).contains("\n\"=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",,\n"))
        #expect(Self.render(.csv).contains("\n-2+3+cmd|' /C calc'!A0,-12.5,87.5\n"))
        #expect(Self.render(.tsv).contains("\n@SUM(A1)\t\t\n"))
        // A header named like a formula is guarded too.
        let header = ResultSet(columns: [Column(name: "=x", type: .number)], rows: [[.number(-1)]])
        #expect(DelimitedRenderer.csv(header, decimalComma: false, guardFormulas: true) == "\"'=x\"\n-1\n")
    }
}
