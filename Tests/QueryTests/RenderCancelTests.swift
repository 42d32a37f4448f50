import Catalogue
import Query
@testable import Render
import Testing

/// Ctrl-C while a big result is laid out for the terminal: the table and record renderers ask
/// `RenderOptions.isCancelled` every 4096 rows and stop early (the session then prints nothing).
@Suite("Rendering stops when cancelled")
struct RenderCancelTests {
    static let big = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "value", type: .number)],
                               rows: (0..<20_000).map { [.text("K-\($0)"), .number(Double($0))] })

    @Test("table, auto and record: cancelled, far fewer rows are laid out than the result has; not cancelled, all of them")
    func stopsEarly() {
        for format in [OutputFormat.table, .auto, .record] {
            var options = RenderOptions(format: format, decimalComma: false, colour: false)
            let whole = Renderer.render(Self.big, options)
            #expect(whole.contains("K-19999"))
            options.isCancelled = { true }
            let cut = Renderer.render(Self.big, options)
            #expect(!cut.contains("K-19999"), "\(format) laid out every row although cancelled")
            #expect(cut.utf8.count < whole.utf8.count / 2)
        }
    }
}
