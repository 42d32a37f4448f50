import Catalogue
import Foundation
import Query

/// The report as one self-contained HTML page: inline CSS and SVG only (nothing loaded from the
/// network, no script, no web font), a light page that prints to PDF a section a page. Every text
/// from the data goes through `escaped`, so a catalogue's `<`, `&` or quote is shown, never read.
public enum ReportPage {
    public static func render(_ report: Report) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(Language.current.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escaped(Message.reportTitle.text)) - \(escaped(report.metadata.office ?? "")) - \(escaped(Report.label(report.period)))</title>\n"
        html += "<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        html += header(report)
        for section in report.sections {
            html += "<section class=\"report-section\" id=\"\(section.kind.rawValue)\">\n<h2>\(escaped(section.kind.title.text))</h2>\n"
            switch section.kind {
            case .bidang: html += bidang(section.result, report)
            case .trend: html += trend(section.result, report)
            case .under80: html += "<p class=\"note\">\(escaped(Message.reportUnderNote.text))</p>\n" + table(section.result, report)
            case .notReported: html += "<p class=\"note\">\(escaped(Message.reportNotReportedNote.text))</p>\n" + table(section.result, report)
            case .best, .worst: html += table(section.result, report)
            }
            html += "<p class=\"query\"><span>\(escaped(Message.reportQuery.text)):</span> <code>\(escaped(section.query))</code></p>\n</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Parts

    static func header(_ report: Report) -> String {
        var html = "<header>\n<h1>\(escaped(Message.reportTitle.text))</h1>\n"
        html += "<p class=\"period\">\(escaped(report.metadata.office ?? "")) &middot; \(escaped(Report.label(report.period)))</p>\n"
        html += "<table class=\"meta\">\n"
        var rows = report.officeRows.map { ($0.0.text, $0.1) }
        // `Oktober 2026 (2026-10)`: the office's words and the form a query takes.
        let both = { (p: Period) in Report.label(p) == p.description ? p.description : "\(Report.label(p)) (\(p.description))" }
        rows.append((Message.reportPeriod.text, both(report.period)))
        rows.append((Message.reportPrevious.text, both(report.previous)))
        rows.append((Message.reportRules.text, "\(report.scale.rules.rawValue): \(report.scale.rules.source)"))
        rows.append((Message.reportLoaded.text, report.loadedText))
        if !report.sources.isEmpty { rows.append((Message.reportSources.text, report.sources.joined(separator: ", "))) }
        for (label, value) in rows { html += "<tr><th>\(escaped(label))</th><td>\(escaped(value))</td></tr>\n" }
        html += "<tr><th>\(escaped(Message.reportScale.text))</th><td>\(legend(report))</td></tr>\n"
        return html + "</table>\n</header>\n"
    }

    /// The bands as coloured swatches with their lower bounds.
    static func legend(_ report: Report) -> String {
        let bands = report.scale.bands
        return bands.enumerated().map { i, band in
            let bound = band.minimum == -.infinity ? "&lt; " + escaped(formatNumber(bands.dropLast().last?.minimum ?? 0)) : "&ge; " + escaped(formatNumber(band.minimum))
            return "<span class=\"band\"><span class=\"swatch\" style=\"background:\(Pictures.bandColours[min(i, 4)])\"></span>\(bound) \(escaped(band.name))</span>"
        }.joined(separator: " ")
    }

    /// Achievement per bidang: a bar per row scaled so 100% sits at the same place, its colour
    /// the band's, and the change against the previous month with an arrow.
    static func bidang(_ result: ResultSet, _ report: Report) -> String {
        let name = column(result, "bidang"), average = column(result, "average"), change = column(result, "change")
        var html = "<p class=\"note\">\(escaped(Message.reportBidangNote(previous: Report.label(report.previous)).text))</p>\n"
        guard let name, let average, !result.rows.isEmpty else { return html + none }
        let top = max(120, result.rows.compactMap { $0[average].number }.filter(\.isFinite).max() ?? 0)
        let width = 360.0, height = 22.0
        html += "<table class=\"bars\">\n<thead><tr><th>\(escaped(Message.reportColumn("bidang").text))</th><th></th>"
        html += "<th class=\"num\">\(escaped(Message.reportColumn("average").text))</th><th>\(escaped(Message.reportColumn("category").text))</th>"
        html += "<th class=\"num\">\(escaped(Message.reportColumn("change").text))</th></tr></thead>\n<tbody>\n"
        for row in result.rows {
            let value = row[average].number.flatMap { $0.isFinite ? $0 : nil }
            html += "<tr><td>\(escaped(row[name].asText))</td><td>"
            html += "<svg class=\"bar\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
            html += "<rect x=\"0\" y=\"3\" width=\"\(Int(width))\" height=\"16\" fill=\"#f1f3f5\"/>"
            if let value {
                let band = report.band(value)
                let w = max(0, min(value, top)) / top * width
                html += "<rect x=\"0\" y=\"3\" width=\"\(fixedDecimals(w, 1))\" height=\"16\" fill=\"\(Pictures.bandColours[band])\"><title>\(escaped(percent(value)))</title></rect>"
            }
            let hundred = 100 / top * width
            html += "<line x1=\"\(fixedDecimals(hundred, 1))\" y1=\"0\" x2=\"\(fixedDecimals(hundred, 1))\" y2=\"\(Int(height))\" stroke=\"#333\" stroke-width=\"1\" stroke-dasharray=\"3,2\"/>"
            html += "</svg></td>"
            html += "<td class=\"num\">\(value.map { escaped(percent($0)) } ?? "-")</td>"
            html += value.map { "<td>\(categoryCell(report.scale.category(Achievement.rounded($0)), report))</td>" } ?? "<td>-</td>"
            html += "<td class=\"num\">\(change.map { changeCell(row[$0]) } ?? "-")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// `▲ 6.4` in green, `▼ 6.2` in red, `= 0.0`: percentage points.
    static func changeCell(_ value: Value) -> String {
        guard let n = value.number, n.isFinite else { return "-" }
        let shown = fixedDecimals(abs(n), 1)
        if shown == fixedDecimals(0, 1) { return "<span class=\"flat\">= 0.0</span>" }
        return n > 0 ? "<span class=\"up\">&#9650; +\(shown)</span>" : "<span class=\"down\">&#9660; &minus;\(shown)</span>"
    }

    /// A line per bidang over the year's months: a missing month breaks the line, a month alone
    /// is a dot; the dashed line is 100%.
    static func trend(_ result: ResultSet, _ report: Report) -> String {
        let months = report.trendMonths
        var html = ""
        if let first = months.first, let last = months.last {
            html += "<p class=\"note\">\(escaped(Message.reportTrendNote(from: Report.label(first), to: Report.label(last)).text))</p>\n"
        }
        guard let name = column(result, "bidang"), !result.rows.isEmpty, !months.isEmpty else { return html + "<p class=\"none\">\(escaped(Message.reportNoMonths.text))</p>\n" }
        // The pivot's columns are named by period; months the data has no column for are gaps.
        let columnOf: [Period: Int] = Dictionary(result.columns.enumerated().compactMap { i, c in Period(parsing: c.name).map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let series = result.rows.map { row in months.map { m in columnOf[m].flatMap { row[$0].number }.flatMap { $0.isFinite ? $0 : nil } } }
        let all = series.flatMap { $0.compactMap { $0 } }
        let low = min(60, (all.min() ?? 60).rounded(.down)), high = max(110, (all.max() ?? 110).rounded(.up))
        let width = 12.0 * 34, height = 70.0, left = 4.0, pad = 6.0
        let step = width / 12
        func x(_ i: Int) -> Double { left + step * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { pad + (high - v) / (high - low) * (height - 2 * pad) }
        html += "<table class=\"trend\">\n<thead><tr><th>\(escaped(Message.reportColumn("bidang").text))</th><th>"
        // The whole year on the axis; the months after the period are greyed.
        html += (1...12).map { m in
            "<span class=\"month\(m > months.count ? " future" : "")\" style=\"left:\(fixedDecimals(x(m - 1), 0))px\">\(escaped(Message.reportMonthInitial(m).text))</span>"
        }.joined()
        html += "</th><th class=\"num\">\(escaped(Message.reportColumn("last").text))</th></tr></thead>\n<tbody>\n"
        for (row, values) in zip(result.rows, series) {
            var svg = "<svg class=\"spark\" width=\"\(Int(width + 2 * left))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width + 2 * left)) \(Int(height))\" role=\"img\">"
            svg += "<line x1=\"0\" y1=\"\(fixedDecimals(y(100), 1))\" x2=\"\(Int(width + 2 * left))\" y2=\"\(fixedDecimals(y(100), 1))\" stroke=\"#999\" stroke-width=\"1\" stroke-dasharray=\"3,3\"/>"
            // Runs of reported months, each a polyline.
            var run: [(Int, Double)] = []
            func flush() {
                if run.count > 1 {
                    svg += "<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"" + run.map { "\(fixedDecimals(x($0.0), 1)),\(fixedDecimals(y($0.1), 1))" }.joined(separator: " ") + "\"/>"
                }
                run = []
            }
            for (i, v) in values.enumerated() {
                if let v { run.append((i, v)) } else { flush() }
            }
            flush()
            for (i, v) in values.enumerated() {
                guard let v else { continue }
                svg += "<circle cx=\"\(fixedDecimals(x(i), 1))\" cy=\"\(fixedDecimals(y(v), 1))\" r=\"3\" fill=\"\(Pictures.bandColours[report.band(v)])\"><title>\(escaped(months[i].description)): \(escaped(percent(v)))</title></circle>"
            }
            svg += "</svg>"
            let last = values.last { $0 != nil }.flatMap { $0 }
            html += "<tr><td>\(escaped(row[name].asText))</td><td>\(svg)</td><td class=\"num\">\(last.map { escaped(percent($0)) } ?? "-")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A result as a table: numbers right-aligned, percentages with one decimal, the predikat
    /// cell in its band's colour.
    static func table(_ result: ResultSet, _ report: Report) -> String {
        guard !result.rows.isEmpty else { return none }
        var html = "<table class=\"data\">\n<thead><tr>"
        for c in result.columns {
            html += "<th\([.number, .percent].contains(c.type) ? " class=\"num\"" : "")>\(escaped(Message.reportColumn(c.name).text))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in result.rows {
            html += "<tr>"
            for (i, c) in result.columns.enumerated() where i < row.count {
                let value = row[i].finite
                if c.name.lowercased() == "category", case .text(let s) = value {
                    html += "<td>\(categoryCell(s, report))</td>"
                } else if [.number, .percent].contains(c.type) {
                    html += "<td class=\"num\">\(escaped(Renderer.humanText(value, c.type)))</td>"
                } else {
                    html += "<td>\(escaped(Renderer.humanText(value, c.type)))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The predikat with the workbook's pale fill of its band.
    static func categoryCell(_ name: String, _ report: Report) -> String {
        guard let band = report.scale.bands.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { return escaped(name) }
        return "<span class=\"predikat\" style=\"background:\(Pictures.bandFills[min(band, 4)])\">\(escaped(name))</span>"
    }

    static var none: String { "<p class=\"none\">\(escaped(Message.reportNone.text))</p>\n" }

    static func column(_ result: ResultSet, _ name: String) -> Int? {
        result.columns.firstIndex { $0.name.lowercased() == name }
    }

    static func percent(_ value: Double) -> String { fixedDecimals(value, 1) + "%" }

    /// Text for HTML, in an element or a (double-quoted) attribute: XML's escapes are HTML's,
    /// and control characters, which a page cannot show, become U+FFFD as in a workbook.
    public static func escaped(_ s: String) -> String {
        XLSXRenderer.escaped(s)
    }

    /// Light, printable, system fonts only; each section starts a printed page.
    static let css = """
    body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #1d2329; background: #fff; margin: 0; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 32px; }
    header { border-bottom: 3px solid #1f4e79; padding-bottom: 12px; margin-bottom: 8px; }
    h1 { font-size: 24px; margin: 0 0 4px; color: #1f4e79; }
    h2 { font-size: 18px; color: #1f4e79; border-bottom: 1px solid #c9d3dd; padding-bottom: 4px; margin: 28px 0 8px; }
    .period { font-size: 16px; margin: 0 0 10px; font-weight: 600; }
    table { border-collapse: collapse; }
    table.meta th { text-align: left; font-weight: 600; padding: 2px 16px 2px 0; vertical-align: top; white-space: nowrap; }
    table.meta td { padding: 2px 0; font-size: 13px; }
    table.data, table.bars, table.trend { width: 100%; font-size: 13px; }
    table.data th, table.bars th, table.trend th { text-align: left; background: #e8eef4; padding: 5px 8px; border-bottom: 1px solid #9fb3c8; }
    table.data td, table.bars td, table.trend td { padding: 4px 8px; border-bottom: 1px solid #e3e8ee; vertical-align: middle; }
    table.data tbody tr:nth-child(even) { background: #f7f9fb; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.trend th:nth-child(2) { position: relative; min-width: 416px; }
    .month { position: absolute; top: 5px; transform: translateX(-50%); font-weight: 400; font-size: 11px; color: #52606d; }
    .month.future { color: #b8c2cc; }
    .predikat { display: inline-block; padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
    .up { color: #2e7d32; } .down { color: #c62828; } .flat { color: #52606d; }
    .note { font-size: 13px; color: #52606d; margin: 4px 0 8px; }
    .none { font-style: italic; color: #52606d; }
    .query { font-size: 11px; color: #52606d; margin: 6px 0 0; }
    .query code { font-family: "DejaVu Sans Mono", Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
    .band { margin-right: 12px; white-space: nowrap; font-size: 13px; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
    svg { display: block; }
    @media print {
      @page { size: A4; margin: 14mm; }
      body { font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      main { max-width: none; padding: 0; }
      .report-section { break-before: page; page-break-before: always; }
      #bidang { break-before: auto; page-break-before: auto; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
    }

    """
}
