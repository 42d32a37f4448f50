import Catalogue
import Foundation
import Query
import Testing
@testable import Catalogue
@testable import Render
@testable import Shell

/// Ctrl-C during a load is asked between files and every 4096 rows of a CSV file or a workbook's
/// sheet, not only once everything is read; the shell then keeps the data it had.
@Suite("Ctrl-C during a load: asked between files and within one")
struct LoadInterruptTests {
    /// Counts the questions (from the loader's threads too) and answers yes after `calls`.
    final class Asked: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        let calls: Int
        init(cancelAfter calls: Int) { self.calls = calls }
        var times: Int { lock.withLock { count } }
        var cancellation: LoadCancellation {
            LoadCancellation { [self] in lock.withLock { count += 1; return count > calls } }
        }
    }

    static let rows = 20_000
    /// Two indicators, a month each from 1900 (periods end at 2999).
    static let csv = "code,period,value\n" + (0..<rows).map(line).joined()
    static func line(_ i: Int) -> String {
        let month = i / 2
        return "SDIN-\(i % 2 + 1),\(1900 + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(i)\n"
    }

    @Test("a CSV file: asked every 4096 rows; cancelled part way, it stops there and nothing of it is added")
    func csvRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("big.csv", Self.csv)
        var catalogue = Bundled.dataset.catalogue
        let never = Asked(cancelAfter: .max)
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        _ = store.load(paths: [path], catalogue: &catalogue, cancellation: never.cancellation)
        #expect(store.rows.count == Self.rows)
        // Once before the batch, once before the file, then once per 4096 records.
        #expect(never.times == 2 + (Self.rows + 1) / 4096)
        let soon = Asked(cancelAfter: 3)
        var stopped = RealisationStore(indicatorCount: catalogue.indicators.count)
        let diagnostics = stopped.load(paths: [path], catalogue: &catalogue, cancellation: soon.cancellation)
        #expect(stopped.rows.count == 0)
        #expect(soon.times == 4)
        #expect(diagnostics.first?.id == "interrupted")
        #expect(diagnostics.first?.location?.line == 2 * 4096)
    }

    @Test("files after the interruption are not read")
    func betweenFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let paths = try (0..<40).map { try folder.write("f\($0).csv", "code,period,value\nSDIN-1,\(2000 + $0)-01,1\n") }
        var catalogue = Bundled.dataset.catalogue
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        // The first batch of 32 runs while the first question says no.
        let asked = Asked(cancelAfter: 1)
        _ = store.load(paths: paths, catalogue: &catalogue, cancellation: asked.cancellation)
        #expect(store.rows.count == 0)
    }

    @Test("a workbook's sheet: asked every 4096 rows, stopped part way")
    func workbookRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "period", type: .text), Column(name: "value", type: .number)],
                               rows: (0..<10_000).map { [.text("SDIN-1"), .text("\(1900 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1))"), .number(Double($0))] })
        let data = try #require(XLSXRenderer.render(result, RenderOptions(format: .xlsx)))
        let path = folder.file("big.xlsx")
        try data.write(to: URL(fileURLWithPath: path))
        var catalogue = Bundled.dataset.catalogue
        let never = Asked(cancelAfter: .max)
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        _ = store.load(paths: [path], catalogue: &catalogue, cancellation: never.cancellation)
        #expect(store.rows.count == 10_000)
        #expect(never.times >= 2 + 10_000 / 4096)
        let soon = Asked(cancelAfter: 3)
        var stopped = RealisationStore(indicatorCount: catalogue.indicators.count)
        _ = stopped.load(paths: [path], catalogue: &catalogue, cancellation: soon.cancellation)
        #expect(stopped.rows.count == 0)
        #expect(soon.times < never.times)
    }

    @Test("in the shell: Ctrl-C while a big file loads stops the load there and keeps the data")
    func shellKeepsData() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("big.csv", Self.csv)
        let shell = Shell()
        let before = shell.session.dataset.realisations.rows.count
        let asked = Asked(cancelAfter: 3)
        shell.session.isInterrupted = { asked.cancellation.isCancelled() }
        #expect(!shell.run("load realisations \"\(path)\""))
        #expect(shell.err.contains("error: interrupted"))
        #expect(shell.session.dataset.realisations.rows.count == before)
        // Asked within the file, not once per load: stopped well before its 20,000 rows' worth.
        #expect(asked.times < 2 + Self.rows / 4096)
    }
}
