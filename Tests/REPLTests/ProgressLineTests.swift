import Catalogue
import Foundation
import Testing
@testable import REPL
import Render
import Shell

/// The progress line's decisions and text, with a clock the test moves (no waiting).
@Suite("Progress line of long loads and exports")
struct ProgressLineTests {
    /// A clock and a screen the test owns.
    final class Fake: @unchecked Sendable {
        var now = 100.0
        var written: [String] = []
    }

    func line(_ fake: Fake, language: Language = .english, columns: Int? = nil) -> ProgressLine {
        ProgressLine(language: language, clock: { fake.now }, columns: { columns }, write: { fake.written.append($0) })
    }

    @Test("nothing is drawn in the first second; then the line, redrawn at most every quarter second; cleared at the end")
    func timing() {
        let fake = Fake()
        let progress = line(fake)
        let reporter = ProgressReporter(progress)
        reporter.begin(.realisations, files: 4, bytes: 4_000_000)
        fake.now += 0.5
        reporter.fileDone(bytes: 1_000_000, rows: 30_000)
        #expect(fake.written.isEmpty, "a quick load shows nothing")
        fake.now += 0.5
        progress.tick()
        #expect(fake.written == ["\rloading realisations: 1/4 files, 30,000 rows, 1.0 MB/s, about 3 s left\u{1B}[K"])
        fake.now += 0.1
        reporter.fileDone(bytes: 1_000_000, rows: 30_000)
        #expect(fake.written.count == 1, "redrawn at most every \(ProgressLine.interval) s")
        fake.now += 0.2
        progress.tick()
        #expect(fake.written.last == "\rloading realisations: 2/4 files, 60,000 rows, 1.5 MB/s, about 2 s left\u{1B}[K")
        reporter.finish()
        #expect(fake.written.last == "\r\u{1B}[K")
        #expect(fake.written.count == 3)
    }

    @Test("the realisations' speed and time left are timed from their own start, not from the catalogues'")
    func speedPerWork() {
        let fake = Fake()
        let progress = line(fake)
        let reporter = ProgressReporter(progress)
        reporter.begin(.catalogues, files: 1, bytes: 1_000_000)
        fake.now += 10
        reporter.fileDone(bytes: 1_000_000, rows: 75)
        reporter.begin(.realisations, files: 1, bytes: 4_000_000)
        fake.now += 1
        reporter.add(bytes: 1_000_000, rows: 30_000)
        #expect(fake.written.last == "\rloading realisations: 0/1 files, 30,000 rows, 1.0 MB/s, about 3 s left\u{1B}[K")
    }

    @Test("a load that ends within the second leaves nothing to clear")
    func quick() {
        let fake = Fake()
        let reporter = ProgressReporter(line(fake))
        reporter.begin(.catalogues, files: 1, bytes: 10)
        fake.now += 0.9
        reporter.fileDone(bytes: 10, rows: 75)
        reporter.finish()
        #expect(fake.written.isEmpty)
    }

    @Test("catalogues count indicators; an export counts rows and tells the time so far; the line never wraps")
    func texts() {
        var p = WorkProgress(work: .catalogues, filesTotal: 1800, bytesTotal: 93_000_000)
        p.filesDone = 153
        p.rows = 11_843
        p.bytesDone = 7_900_000
        #expect(ProgressLine.render(p, elapsed: 26) == "loading catalogues: 153/1,800 files, 11,843 indicators, 0.3 MB/s, about 281 s left")
        var export = WorkProgress(work: .export("under-80.csv"), filesTotal: 1, bytesTotal: 0)
        export.rows = 1_234_567
        #expect(ProgressLine.render(export, elapsed: 12.7) == "exporting under-80.csv: 1,234,567 rows, 12 s so far")

        let fake = Fake()
        let narrow = line(fake, columns: 30)
        narrow.started(p)
        fake.now += 2
        narrow.tick()
        #expect(fake.written == ["\rloading catalogues: 153/1,800\u{1B}[K"])
    }

    @Test("in Indonesian: the words, and numbers written 1.234.567 and 0,3")
    func indonesian() {
        var p = WorkProgress(work: .realisations, filesTotal: 1800, bytesTotal: 64_000_000)
        p.filesDone = 900
        p.rows = 1_234_567
        p.bytesDone = 32_000_000
        let text = Language.$current.withValue(.indonesian) { ProgressLine.render(p, elapsed: 100) }
        #expect(text == "memuat realisasi: 900/1.800 berkas, 1.234.567 baris, 0,3 MB/dtk, sekitar 100 dtk lagi")
    }

    @Test("the decision: not before one second, then at most every quarter second")
    func due() {
        #expect(!ProgressLine.due(elapsed: 0.99, sinceDrawn: nil))
        #expect(ProgressLine.due(elapsed: 1.0, sinceDrawn: nil))
        #expect(!ProgressLine.due(elapsed: 5, sinceDrawn: 0.1))
        #expect(ProgressLine.due(elapsed: 5, sinceDrawn: 0.25))
    }

    @Test("the loaders report every file: catalogues, then realisations, with their rows")
    func loadersReport() throws {
        final class Recorder: ProgressObserver, @unchecked Sendable {
            var started: [WorkProgress] = []
            var last: WorkProgress?
            func started(_ progress: WorkProgress) { started.append(progress) }
            func update(_ progress: WorkProgress) { last = progress }
            func finish() {}
        }
        let recorder = Recorder()
        let (dataset, _) = Dataset.load(Bundled.sources, progress: ProgressReporter(recorder))
        #expect(recorder.started.map(\.work) == [.catalogues, .realisations])
        #expect(recorder.started[1].filesTotal == Bundled.sources.realisations.count)
        let last = try #require(recorder.last)
        #expect(last.filesDone == last.filesTotal)
        #expect(last.rows >= dataset.realisations.rows.count && last.rows > 0)
        #expect(last.bytesDone == last.bytesTotal && last.bytesTotal > 0)
    }
}

/// An export tells its progress, and the line is gone before a warning about the query is printed.
@Suite("Progress of an export")
struct ExportProgressTests {
    final class Log: ProgressObserver, @unchecked Sendable {
        var events: [String] = []
        func started(_ progress: WorkProgress) { events.append("started \(progress.work)") }
        var last: WorkProgress?
        func update(_ progress: WorkProgress) {
            last = progress
            events.append("rows \(progress.rows)" + (progress.bytesDone > 0 ? ", bytes" : ""))
        }
        func finish() { events.append("finish") }
    }

    @Test("export: started with the file's name, its rows, finished; a warning comes after the line is finished")
    func export() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let log = Log()
        let session = Session(dataset: Bundled.dataset, sources: Bundled.sources, options: .init(format: .csv),
                              standardOutput: { _ in }, standardError: { log.events.append("stderr " + $0) })
        session.progress = log
        #expect(session.run("export show units unit limit 3 to \"\(folder.file("u.csv"))\"", file: "<query>"))
        // The rows once the query has run, then the bytes as each piece is written.
        #expect(log.events.prefix(2) == ["started export(\"u.csv\")", "rows 3"])
        #expect(log.events.dropFirst(2).dropLast().allSatisfy { $0 == "rows 3, bytes" } && log.events.count > 3)
        #expect(log.events.last == "finish")
        // The bytes written, so the line shows MB/s.
        let written = try #require(log.last)
        #expect(written.bytesDone == ProgressReporter.size(folder.file("u.csv")))
        #expect(ProgressLine.render(written, elapsed: 2).hasPrefix("exporting u.csv: 3 rows, 0.0 MB/s"))
        log.events = []
        #expect(session.run("export show units unit where kind = bidang to \"\(folder.file("b.csv"))\"", file: "<query>"))
        let warning = try #require(log.events.firstIndex { $0.hasPrefix("stderr ") && $0.contains("warning") }, "\(log.events)")
        #expect(log.events.prefix(warning).contains("finish"), "\(log.events)")
    }
}
