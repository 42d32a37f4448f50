@testable import Catalogue
import Foundation
import Query
import Render
import Shell
import Testing

/// The report for the head of office (issue 13, item 5) over the bundled data: the page's
/// structure and figures, compared with what the same session's `show` statements give; nothing
/// loaded from the network; data text escaped; the two languages; the workbook read back.
@Suite("The report for the head of office: page structure, figures, escaping, languages, workbook")
struct ReportTests {
    static let period = Period.month(2026, 10)

    /// The page the `report` statement writes, in `language`.
    static func page(_ language: Language = .indonesian, dataset: Dataset = Bundled.dataset) throws -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var errors = ""
        let session = Session(dataset: dataset, sources: Bundled.sources, options: RenderOptions(format: .table), standardOutput: { _ in },
                              standardError: { errors += $0 })
        #expect(session.run("set language \(language.rawValue); report for 2026-10 to \"\(folder.file("review.html"))\"", file: "<query>"), "\(errors)")
        return try folder.read("review.html")
    }

    /// The part of the page between a section's start and the next one's.
    static func section(_ page: String, _ kind: Report.Kind) throws -> String {
        let start = try #require(page.range(of: "<section class=\"report-section\" id=\"\(kind.rawValue)\">"), "no section \(kind)")
        let end = page.range(of: "</section>", range: start.upperBound..<page.endIndex)?.upperBound ?? page.endIndex
        return String(page[start.lowerBound..<end])
    }

    static func percent(_ value: Double) -> String { fixedDecimals(value, 1) + "%" }

    @Test("the page is well formed: every element opened is closed in order (void and self-closed ones aside)")
    func balanced() throws {
        let page = try Self.page()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        var stack: [String] = []
        let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col"]
        var rest = Substring(page)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { Issue.record("a '<' never closed"); break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if tag.hasPrefix("/") {
                #expect(stack.last == name, "</\(name)> closes <\(stack.last ?? "nothing")>")
                if stack.last == name { stack.removeLast() }
            } else if !tag.hasSuffix("/") && !void.contains(name) {
                stack.append(name)
            }
        }
        #expect(stack.isEmpty, "left open: \(stack)")
        for tag in ["<html", "<head>", "<style>", "<body>", "<main>", "<header>"] { #expect(page.contains(tag), "\(tag)") }
        for kind in Report.Kind.allCases { #expect(page.contains("id=\"\(kind.rawValue)\""), "\(kind)") }
    }

    @Test("nothing is loaded from elsewhere: no src, no href, no script, no URL, no font or import")
    func selfContained() throws {
        let page = try Self.page()
        for needle in ["http://", "https://", "src=", "href=", "<script", "url(", "@import", "@font-face", "<link", "<iframe", "<object"] {
            #expect(!page.lowercased().contains(needle), "the page contains \(needle)")
        }
        // The charts are inline SVG.
        #expect(page.components(separatedBy: "<svg").count - 1 >= 12)
        #expect(page.contains("@media print"))
    }

    @Test("the bidang section shows what show indicators bidang, avg(achievement) ... group by bidang gives in the same session")
    func bidangFigures() throws {
        let page = try Self.section(try Self.page(), .bidang)
        let averages = try result("show indicators bidang, avg(achievement) as average, avg(achievement) - avg(previous_achievement) as change group by bidang for 2026-10")
        #expect(averages.rows.count == 6)
        for row in averages.rows {
            let bidang = ReportPage.escaped(row[0].asText)
            let line = try #require(page.split(separator: "\n").first { $0.contains("<td>\(bidang)</td>") }, "\(bidang) not in the page")
            #expect(line.contains("<td class=\"num\">\(Self.percent(try #require(row[1].number)))</td>"), "\(bidang): \(line)")
            let change = try #require(row[2].number)
            #expect(line.contains(fixedDecimals(abs(change), 1)), "\(bidang) change \(change)")
            #expect(line.contains(change > 0 ? "&#9650;" : "&#9660;"))
        }
        // Highest first, as the query orders it.
        let order = averages.rows.sorted { $0[1].number! > $1[1].number! }.map { ReportPage.escaped($0[0].asText) }
        let positions = order.compactMap { page.range(of: "<td>\($0)</td>")?.lowerBound }
        #expect(positions.count == 6 && positions == positions.sorted())
    }

    @Test("the lists show the indicators and positions their queries select, and each section prints its query")
    func lists() throws {
        let page = try Self.page()
        let under = try result("show indicators code where achievement < 80% for 2026-10")
        let underSection = try Self.section(page, .under80)
        #expect(!under.rows.isEmpty)
        for row in under.rows { #expect(underSection.contains("<td>\(row[0].asText)</td>"), "\(row[0].asText) under 80%") }
        #expect(underSection.components(separatedBy: "<tr>").count - 2 == under.rows.count)

        let notReported = try result("show positions code where not_reported > 0 for 2026-10")
        let notReportedSection = try Self.section(page, .notReported)
        for row in notReported.rows { #expect(notReportedSection.contains("<td>\(row[0].asText)</td>")) }
        #expect(notReportedSection.components(separatedBy: "<tr>").count - 2 == notReported.rows.count)

        for (kind, order) in [(Report.Kind.best, "desc"), (.worst, "asc")] {
            let top = try result("show indicators code, achievement where achievement is not missing for 2026-10 order by achievement \(order) limit 10")
            let section = try Self.section(page, kind)
            #expect(top.rows.count == 10)
            for row in top.rows { #expect(section.contains("<td>\(row[0].asText)</td>"), "\(kind) \(row[0].asText)") }
        }
        // Each query is on the page, and runs as it is printed.
        for (kind, query) in ReportQueries.texts(for: Self.period) {
            #expect(try Self.section(page, kind).contains("<code>\(ReportPage.escaped(query))</code>"))
            #expect(try !result(query).rows.isEmpty, "\(query)")
        }
    }

    @Test("the trend has a line per bidang over January to October, and a missing month breaks the line")
    func trend() throws {
        let section = try Self.section(try Self.page(), .trend)
        #expect(section.components(separatedBy: "<svg class=\"spark\"").count - 1 == 6)
        // Ten months reported: ten points a bidang.
        #expect(section.components(separatedBy: "<circle").count - 1 == 60)
        let series: [Double?] = [80, nil, 90, 95]
        var report = try Shell.report()
        let months = (1...4).map { Period.month(2026, $0) }
        report.trendMonths = months
        let result = ResultSet(columns: [Column(name: "bidang", type: .text)] + months.map { Column(name: $0.description, type: .percent) },
                               rows: [[.text("B")] + series.map { $0.map(Value.number) ?? .missing }])
        report.sections = [Report.Section(kind: .trend, query: "q", result: result)]
        let page = Language.$current.withValue(.indonesian) { ReportPage.render(report) }
        // January alone is a dot; March and April a line of two points.
        #expect(page.components(separatedBy: "<polyline").count - 1 == 1)
        #expect(page.components(separatedBy: "<circle").count - 1 == 3)
    }

    @Test("positions not reported: one whose indicators are not applicable yet (first target later) owes nothing and is not listed")
    func notApplicableIsNotOwed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("data.csv", "code,period,value,target\nSDIN-1,2026-10,80,90\nKSPPKEH-1,2026-11,,5\n")
        var sources = Bundled.sources
        sources.realisations = [folder.file("data.csv")]
        let (dataset, diagnostics) = Dataset.load(sources)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let owing = try Interpreter(dataset: dataset, period: nil, parameters: [:])
            .run(try Parser.parse("show positions code where reported < indicators for 2026-10")[0])
        #expect(owing.rows.contains { $0[0].asText == "KSPPKEH" }, "KSPPKEH reported less than its indicators")
        let section = try Self.section(try Self.page(dataset: dataset), .notReported)
        #expect(!section.contains("<td>KSPPKEH</td>"), "its only indicator is not applicable in October")
        #expect(section.contains("<td>KSPER</td>"), "a position that owes a report is listed")
    }

    @Test("every column of every section has a header in both languages, not the query's field name")
    func columnHeaders() throws {
        for section in try Shell.report().sections {
            // The trend's pivoted columns are named by their month.
            for column in section.result.columns where Period(parsing: column.name) == nil {
                let header = Message.reportColumn(column.name)
                #expect(Language.$current.withValue(.english) { header.text } != column.name, "\(section.kind): \(column.name)")
                #expect(Language.$current.withValue(.indonesian) { header.text } != column.name, "\(section.kind): \(column.name)")
            }
        }
    }

    @Test("data text is escaped: a catalogue's & and quotes, and <b>, < and control characters in any text the page shows")
    func escaping() throws {
        // Through the catalogue reader (which drops what looks like a tag itself).
        var text = try String(contentsOfFile: Bundled.cataloguePath, encoding: .utf8)
        let name = "\tJumlah bahan pembinaan ke Koperasi usaha simpan pinjam sesuai sasaran kegiatan\t"
        let range = try #require(text.range(of: "pinjam" + name))
        text.replaceSubrange(range, with: "pinjam\tJumlah bahan & \"pembinaan\" 'koperasi'\t")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("catalogue.txt", text)
        var sources = Bundled.sources
        sources.catalogues = [folder.file("catalogue.txt")]
        let (dataset, _) = Dataset.load(sources)
        let page = try Self.page(dataset: dataset)
        #expect(page.contains("<td>Jumlah bahan &amp; &quot;pembinaan&quot; 'koperasi'</td>"))
        #expect(!page.contains("bahan & "))

        // Every text of the model: the office, a bidang, a cell, the query.
        var report = try Shell.report()
        report.metadata.office = "<b>Dinas</b> & \"Koperasi\""
        let hostile = "<b>x</b>&\"\u{1}"
        for i in report.sections.indices {
            report.sections[i].query += " -- \(hostile)"
            for r in report.sections[i].result.rows.indices {
                for c in report.sections[i].result.columns.indices where report.sections[i].result.columns[c].type == .text {
                    report.sections[i].result.rows[r][c] = .text(hostile)
                }
            }
        }
        let drawn = Language.$current.withValue(.indonesian) { ReportPage.render(report) }
        #expect(drawn.contains("&lt;b&gt;Dinas&lt;/b&gt; &amp; &quot;Koperasi&quot;"))
        #expect(drawn.contains("&lt;b&gt;x&lt;/b&gt;&amp;&quot;\u{FFFD}"))
        #expect(!drawn.contains("<b>") && !drawn.contains("\u{1}"))
    }

    @Test("Indonesian labels by default, English with set language en: the labels differ, the figures are the same")
    func languages() throws {
        let indonesian = try Self.page(.indonesian), english = try Self.page(.english)
        #expect(indonesian.contains(Message.reportTitle.indonesian) && !indonesian.contains(Message.reportTitle.english))
        #expect(english.contains(Message.reportTitle.english) && !english.contains(Message.reportTitle.indonesian))
        #expect(indonesian.contains("Oktober 2026") && english.contains("October 2026"))
        for kind in Report.Kind.allCases {
            #expect(indonesian.contains(kind.title.indonesian) && english.contains(kind.title.english))
        }
        // A session in English by its locale still writes the office's language; set language en changes it.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        #expect(shell.session.language == .english)
        #expect(shell.run("report for 2026-10 to \"\(folder.file("a.html"))\"; set language en; report for 2026-10 to \"\(folder.file("b.html"))\""))
        #expect(try folder.read("a.html").contains(Message.reportTitle.indonesian))
        #expect(try folder.read("b.html").contains(Message.reportTitle.english))
        let figures = { (page: String) in page.matches(of: /(\d+\.\d%|[+−-]?\d+\.\d)</).map { String($0.output.1) } }
        #expect(!figures(indonesian).isEmpty)
        #expect(figures(indonesian) == figures(english))
    }

    @Test("the workbook: a summary sheet and a sheet per section, figures as numbers, the same as the page's")
    func workbook() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        #expect(shell.run("set language id; laporan untuk 2026-10 ke \"\(folder.file("review.xlsx"))\""), "\(shell.err)")
        let (workbook, problems) = try Workbook.read(path: folder.file("review.xlsx"))
        #expect(problems.isEmpty)
        #expect(workbook.sheets.map(\.name) == ["Ringkasan"] + Report.Kind.allCases.map(\.sheet.indonesian))
        let summary = workbook.sheets[0].rows.map { $0.cells.map(\.cell) }
        #expect(summary.contains { $0.first == .text("Perangkat daerah") && $0.last == .text("Dinas Koperasi dan Usaha Mikro") })
        #expect(summary.contains { $0 == [.text("Periode"), .text("2026-10")] })
        #expect(summary.contains { $0.first == .text("Aturan penilaian") })

        let averages = try result("show indicators bidang, avg(achievement) as average group by bidang for 2026-10 order by average desc")
        let bidang = workbook.sheets[1].rows
        #expect(bidang.first?.cells.map(\.cell).prefix(2) == [.text("Bidang"), .text("Rata-rata")])
        #expect(bidang.count == averages.rows.count + 1)
        for (row, expected) in zip(bidang.dropFirst(), averages.rows) {
            #expect(row.cells[0].cell == .text(expected[0].asText))
            guard case .percent(let fraction) = row.cells[1].cell else { Issue.record("not a number: \(row.cells[1].cell)"); continue }
            #expect(abs(fraction * 100 - expected[1].number!) < 1e-9)
        }
        // The trend: a column a month, numbers.
        let trend = workbook.sheets[2].rows
        #expect(trend.first?.cells.count == 11)
        #expect(trend.dropFirst().allSatisfy { row in row.cells.dropFirst().allSatisfy { if case .percent = $0.cell { true } else { false } } })
        let worst = workbook.sheets[6].rows
        #expect(worst.count == 11)
    }

    @Test("the page names the active rule set and draws its bands: set rules skp-2021 moves the scale and the predikat")
    func ruleSet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        #expect(shell.run("report for 2026-10 to \"\(folder.file("a.html"))\"; set rules skp-2021; report for 2026-10 to \"\(folder.file("b.html"))\""))
        let lkjip = try folder.read("a.html"), skp = try folder.read("b.html")
        #expect(lkjip.contains("<td>lkjip: ") && lkjip.contains("&ge; 91 Sangat Baik"))
        #expect(skp.contains("<td>skp-2021: PermenPANRB 8/2021") && skp.contains("&ge; 101 Sangat Baik") && skp.contains("&ge; 80 Cukup"))
        // Sekretariat's 97.2% is Sangat Baik by the LKjIP bands, Cukup by the SKP ones.
        let row = { (page: String) in try #require(Self.section(page, .bidang).split(separator: "\n").first { $0.contains("<td>Sekretariat</td>") }) }
        #expect(try row(lkjip).contains(">Sangat Baik</span>"))
        #expect(try row(skp).contains(">Cukup</span>"))
    }

    @Test("a quarter: the period named once, compared with the quarter before, the trend from January to September")
    func quarter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        #expect(shell.run("report for 2026-Q3 to \"\(folder.file("q.html"))\""), "\(shell.err)")
        let page = try folder.read("q.html")
        #expect(page.contains("<tr><th>Periode</th><td>2026-Q3</td></tr>"))
        #expect(page.contains("<tr><th>Dibandingkan dengan</th><td>2026-Q2</td></tr>"))
        #expect(page.contains("for 2026-01 to 2026-09 group by bidang, period"))
        #expect(try Self.section(page, .trend).components(separatedBy: "<circle").count - 1 == 6 * 9)
        #expect(page.contains("where achievement &lt; 80% for 2026-Q3"))
    }

    @Test("--safe confines report as it does export: refused without --export-dir, inside it otherwise")
    func safeMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        shell.session.safeMode = SafeMode(exportDirectory: folder.file("out"))
        #expect(!shell.run("report to \"../review.html\""))
        #expect(shell.err.contains("cannot export to '../review.html' in safe mode"))
        #expect(shell.run("report to \"review.html\""), "\(shell.err)")
        #expect(FileManager.default.fileExists(atPath: folder.file("out/review.html")))
        #expect(!shell.run("report to \"review.pdf\""))
        #expect(shell.err.contains("report-format") || shell.err.contains(".html or .xlsx"))
    }
}

extension Shell {
    /// The report of the bundled data for October 2026, as a value.
    static func report() throws -> Report {
        try Shell(format: .table).session.report(for: ReportTests.period)
    }
}
