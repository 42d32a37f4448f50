import Foundation
import Testing

/// `iki report`: the report for the head of office from the command line (issue 13, item 5), and
/// the page as headless Chromium draws it when Chromium is installed.
@Suite("Command line: iki report", .serialized)
struct ReportCLITests {
    @Test("iki report --output review.html writes the page whole, says so on standard error, prints nothing else")
    func output() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.run(["report", "--period", "2026-10", "--output", "review.html"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasSuffix("review.html (6 \(result.stderr.hasPrefix("wrote") ? "sections" : "bagian"))\n"))
        let page = try folder.read("review.html")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.contains("Laporan Capaian Indikator Kinerja Individu"))
        #expect(page.contains("Oktober 2026"))
        #expect(try folder.listing() == ["review.html"])
    }

    @Test("without --output, in a pipe, the page goes to standard output; --lang en gives English labels and the same figures")
    func standardOutput() throws {
        let indonesian = try Iki.run(["report", "--period", "2026-10"])
        let english = try Iki.run(["report", "--period", "2026-10", "--lang", "en"])
        #expect(indonesian.status == 0 && english.status == 0)
        #expect(indonesian.stdout.contains("<html lang=\"id\">") && english.stdout.contains("<html lang=\"en\">"))
        #expect(english.stdout.contains("IKI achievement report") && english.stdout.contains("October 2026"))
        let figures = { (page: String) in page.matches(of: /(\d+\.\d%)</).map { String($0.output.1) } }
        #expect(figures(indonesian.stdout).count > 50)
        #expect(figures(indonesian.stdout) == figures(english.stdout))
    }

    @Test("a bad period or an output that is neither .html nor .xlsx exits 2 and writes nothing")
    func refusals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pdf = try Iki.run(["report", "--period", "2026-10", "--output", "review.pdf"], in: folder)
        #expect(pdf.status == 2)
        #expect(pdf.stderr.contains(".html") && pdf.stderr.contains(".xlsx"))
        let period = try Iki.run(["report", "--period", "2026-13", "--output", "review.html"], in: folder)
        #expect(period.status == 2)
        #expect(try folder.listing().isEmpty)
    }

    @Test("in safe mode -o / --output must name a file inside --export-dir, as every subcommand's -o: outside it exits 2 and writes nothing")
    func safeMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outside = try Iki.run(["report", "--period", "2026-10", "--safe", "--export-dir", folder.path, "-o", "../review.html"], in: folder)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("outside --export-dir") || outside.stderr.contains("--export-dir"))
        #expect(try folder.listing().isEmpty)
        let inside = try Iki.run(["report", "--period", "2026-10", "--safe", "--export-dir", folder.path, "-o", folder.path + "/review.html"], in: folder)
        #expect(inside.status == 0)
        #expect(try folder.listing() == ["review.html"])
    }

    @Test("on a terminal, without --output, iki report refuses and names --output review.html (skipped without script(1))")
    func terminal() throws {
        guard let script = ["/usr/bin/script", "/bin/script"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            print("skipped: script(1) is not installed, so no terminal can be given to iki report")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // script(1) gives the command a terminal as its standard output.
        let command = "'\(try Iki.path())' report --period 2026-10 --lang en"
        let result = try Iki.run(executable: script, ["-qec", command, "/dev/null"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.contains("--output review.html"))
        #expect(!result.stdout.contains("<html"))
    }

    /// Chromium's screenshot of a page, or nil when Chromium is not installed.
    static func screenshot(_ page: String, in folder: TemporaryFolder, name: String) throws -> Data? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium = path else { return nil }
        let html = try folder.write(name + ".html", page)
        let png = folder.file(name + ".png")
        // Chromium keeps a profile and crash reports under $XDG_CONFIG_HOME and $HOME: the
        // test's folder, so nothing is written outside it.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder.file("chromium-config")
        environment["HOME"] = folder.path
        _ = try Iki.run(executable: chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                                               "--user-data-dir=\(folder.file("chromium-profile"))",
                                               "--window-size=1200,2000", "file://\(html)"], in: folder, environment: environment)
        return FileManager.default.contents(atPath: png)
    }

    @Test("headless Chromium draws the page: a screenshot much richer than a blank page's (skipped without chromium)")
    func chromiumScreenshot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.run(["report", "--period", "2026-10"])
        #expect(result.status == 0)
        guard let report = try Self.screenshot(result.stdout, in: folder, name: "report") else {
            print("skipped: chromium is not on PATH, so the report's screenshot is not checked")
            return
        }
        let blank = try #require(try Self.screenshot("<!DOCTYPE html><html><body></body></html>", in: folder, name: "blank"))
        // PNG signature and a 1200 x 2000 image.
        #expect(report.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = report[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = report[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 2000)
        // A page of one colour compresses to almost nothing; bars, lines and text do not.
        #expect(report.count > 20 * blank.count, "report \(report.count) bytes, blank \(blank.count)")
    }
}
