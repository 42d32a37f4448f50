import Catalogue
import Testing
@testable import Query
@testable import Render

/// An export is rendered a slice of rows at a time (`Renderer.pieces`), so its whole text is
/// never held: the pieces join to exactly what `render` gives, in every format.
@Suite("Rendering in pieces for streamed exports")
struct RenderPiecesTests {
    static let result = ResultSet(
        columns: [Column(name: "code", type: .text), Column(name: "value", type: .number), Column(name: "p", type: .percent)],
        rows: (0..<10_000).map(row))

    /// Row `i`: a code (now and then one a spreadsheet would run), a number, a missing or infinite percentage.
    static func row(_ i: Int) -> [Value] {
        let code: String = i % 7 == 0 ? "=cmd|\(i)" : "SDIN-\(i)"
        let percent: Value = i % 5 == 0 ? .missing : .number(.infinity)
        return [.text(code), .number(Double(i) / 4), percent]
    }

    static func pieces(_ options: RenderOptions, rows: Int = 4096, of result: ResultSet = result) throws -> [String] {
        var pieces: [String] = []
        try Renderer.pieces(result, options, rowsPerPiece: rows) { pieces.append($0) }
        return pieces
    }

    @Test("CSV, TSV, JSON and Markdown stream: a header, then one piece per 4096 rows, joined equal to the whole", arguments: [OutputFormat.csv, .tsv, .json, .markdown])
    func streamed(_ format: OutputFormat) throws {
        for (decimalComma, guardFormulas) in [(false, false), (true, true), (false, true)] {
            var options = RenderOptions(format: format, decimalComma: decimalComma)
            options.guardFormulas = guardFormulas
            let pieces = try Self.pieces(options)
            // 10,000 rows: 3 slices, after the header (and JSON's closing bracket).
            #expect(pieces.count == (format == .json ? 5 : 4))
            #expect(pieces.joined() == Renderer.render(Self.result, options))
        }
    }

    @Test("an empty result and a one-row slice size join to the whole too", arguments: [OutputFormat.csv, .tsv, .json, .markdown])
    func edges(_ format: OutputFormat) throws {
        let empty = ResultSet(columns: Self.result.columns, rows: [])
        #expect(try Self.pieces(RenderOptions(format: format), of: empty).joined() == Renderer.render(empty, RenderOptions(format: format)))
        let small = ResultSet(columns: Self.result.columns, rows: Array(Self.result.rows.prefix(3)))
        #expect(try Self.pieces(RenderOptions(format: format), rows: 1, of: small).joined() == Renderer.render(small, RenderOptions(format: format)))
    }

    @Test("a table needs every width first: one piece, the whole", arguments: [OutputFormat.table, .record])
    func whole(_ format: OutputFormat) throws {
        let pieces = try Self.pieces(RenderOptions(format: format))
        #expect(pieces == [Renderer.render(Self.result, RenderOptions(format: format))])
    }

    @Test("write may stop the pieces: nothing more is rendered after it throws")
    func stops() {
        var count = 0
        #expect(throws: Diagnostic.error(.interrupted)) {
            try Renderer.pieces(Self.result, RenderOptions(format: .csv)) { _ throws(Diagnostic) in
                count += 1
                if count == 2 { throw .error(.interrupted) }
            }
        }
        #expect(count == 2)
    }
}
