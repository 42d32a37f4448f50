import Catalogue
import Foundation
import Query
import Testing
@testable import Catalogue
@testable import Render
@testable import Shell

/// A single big file moves the progress line while it is read (rows and bytes every 4096 records
/// of a CSV file, every megabyte unpacked of a workbook), not only when it is done; and what was
/// told part way is never counted twice.
@Suite("Progress within one big file")
struct FileProgressTests {
    /// Every count the reporter passed on, in order (the loader's threads too).
    final class Recorder: ProgressObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [WorkProgress] = []
        var updates: [WorkProgress] { lock.withLock { seen } }
        func started(_ progress: WorkProgress) {}
        func update(_ progress: WorkProgress) { lock.withLock { seen.append(progress) } }
        func finish() {}
    }

    static func load(_ path: String) -> (RealisationStore, [WorkProgress], Int) {
        var catalogue = Bundled.dataset.catalogue
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        let recorder = Recorder()
        let reporter = ProgressReporter(recorder)
        let size = ProgressReporter.size(path)
        reporter.begin(.realisations, files: 1, bytes: size)
        _ = store.load(paths: [path], catalogue: &catalogue, progress: reporter)
        return (store, recorder.updates, size)
    }

    /// The counts told before the file was done grow, stay within the file, and end at its size.
    static func expectGrowing(_ updates: [WorkProgress], size: Int, rows: Int, partial: Int) throws {
        let part = updates.filter { $0.filesDone == 0 }
        #expect(part.count >= partial, "\(updates.map { ($0.bytesDone, $0.rows) })")
        for (a, b) in zip(part, part.dropFirst()) {
            #expect(a.bytesDone < b.bytesDone && a.rows < b.rows)
        }
        #expect(part.allSatisfy { $0.bytesDone > 0 && $0.bytesDone < size && $0.rows > 0 && $0.rows < rows })
        let last = try #require(updates.last)
        #expect(last.filesDone == 1 && last.bytesDone == size && last.rows == rows)
        #expect(updates.filter { $0.filesDone == 1 }.count == 1, "the file is counted done once")
    }

    @Test("a file's size is its bytes (a link's, its target's); a file that is not there is 0")
    func size() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "code,period,value\nKSPER-2,2026-01,1\n"
        let path = try folder.write("r.csv", text)
        #expect(ProgressReporter.size(path) == text.utf8.count)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.csv"), withDestinationPath: path)
        #expect(ProgressReporter.size(folder.file("link.csv")) == text.utf8.count)
        #expect(ProgressReporter.size(folder.file("missing.csv")) == 0)
        #expect(ProgressReporter.size("") == 0)
    }

    @Test("a CSV file of 20,000 rows: rows and bytes told every 4096 records, then the whole file once")
    func csv() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("big.csv", LoadInterruptTests.csv)
        let (store, updates, size) = Self.load(path)
        #expect(store.rows.count == LoadInterruptTests.rows)
        try Self.expectGrowing(updates, size: size, rows: LoadInterruptTests.rows, partial: LoadInterruptTests.rows / 4096)
        // Told at the 4096th record (the header and 4095 lines), before that record makes its row.
        let first = try #require(updates.first)
        let header = "code,period,value\n".utf8.count
        #expect(first.bytesDone == header + (0..<4095).reduce(0) { $0 + LoadInterruptTests.line($1).utf8.count })
        #expect(first.rows == 4094)
    }

    @Test("a workbook whose sheet unpacks to several megabytes: told as it is unpacked, then the whole file once")
    func workbook() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rows = 30_000
        let result = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "period", type: .text), Column(name: "value", type: .number)],
                               rows: (0..<rows).map { i in
                                   let month = i / 3
                                   return [.text("SDIN-\(i % 3 + 1)"), .text("\(1900 + month / 12)-\(String(format: "%02d", month % 12 + 1))"), .number(Double(i))]
                               })
        let data = try #require(XLSXRenderer.render(result, RenderOptions(format: .xlsx)))
        let path = folder.file("big.xlsx")
        try data.write(to: URL(fileURLWithPath: path))
        let unpacked = try #require(OfficeArchive(path: path).size("xl/worksheets/sheet1.xml")).unpacked
        #expect(unpacked > 3 << 20, "the sheet must unpack to several megabytes for the test to mean anything")
        let (store, updates, size) = Self.load(path)
        #expect(store.rows.count == rows)
        // Part way, the rows are the sheet's rows read so far (its header included).
        let part = updates.filter { $0.filesDone == 0 }
        #expect(part.count >= unpacked >> 20 - 1, "\(updates.map { ($0.bytesDone, $0.rows) })")
        for (a, b) in zip(part, part.dropFirst()) { #expect(a.bytesDone < b.bytesDone && a.rows < b.rows) }
        #expect(part.allSatisfy { $0.bytesDone > 0 && $0.bytesDone < size && $0.rows > 0 && $0.rows <= rows + 1 })
        let last = try #require(updates.last)
        #expect(last.filesDone == 1 && last.bytesDone == size && last.rows == rows)
    }

    @Test("several files: each told part way and once done; the totals are the files' sizes and rows")
    func severalFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try folder.write("a.csv", LoadInterruptTests.csv)
        let second = try folder.write("b.csv", "code,period,value\nSDIN-1,2999-01,5\nSDIN-2,2999-01,6\n")
        var catalogue = Bundled.dataset.catalogue
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        let recorder = Recorder()
        let reporter = ProgressReporter(recorder)
        let size = ProgressReporter.size(first) + ProgressReporter.size(second)
        reporter.begin(.realisations, files: 2, bytes: size)
        _ = store.load(paths: [first, second], catalogue: &catalogue, progress: reporter)
        let last = try #require(recorder.updates.max { $0.filesDone < $1.filesDone || ($0.filesDone == $1.filesDone && $0.bytesDone < $1.bytesDone) })
        #expect(last.filesDone == 2 && last.bytesDone == size && last.rows == LoadInterruptTests.rows + 2)
    }
}
