import Catalogue
import Foundation
import Query
import Render

/// The queries of the report for the head of office, in one place: each section of the page is
/// what one of these `show` statements gives, run through the parser, planner and executor as a
/// statement typed in the shell is, and the page prints the text so every figure can be rerun.
public enum ReportQueries {
    /// The statements for `period`, in the page's order.
    public static func texts(for period: Period) -> [(kind: Report.Kind, query: String)] {
        let p = period.description
        let months = trendMonths(period)
        let year = months.count > 1 ? "\(months[0]) to \(months[months.count - 1])" : months.first?.description ?? p
        return [
            (.bidang, "show indicators bidang, avg(achievement) as average, avg(previous_achievement) as previous, "
                + "avg(achievement) - avg(previous_achievement) as change, count(*) as indicators for \(p) group by bidang order by average desc"),
            (.trend, "show realisations bidang, period, avg(achievement) as average for \(year) group by bidang, period order by bidang pivot period"),
            (.under80, "show indicators bidang, code, position, indicator, target, realisation, achievement, category "
                + "where achievement < 80% for \(p) order by bidang, achievement"),
            (.notReported, "show positions code, position, unit, bidang, indicators, reported, not_reported where not_reported > 0 for \(p) order by bidang, position"),
            (.best, "show indicators code, position, bidang, indicator, achievement, category where achievement is not missing for \(p) "
                + "order by achievement desc limit 10"),
            (.worst, "show indicators code, position, bidang, indicator, achievement, category where achievement is not missing for \(p) "
                + "order by achievement limit 10"),
        ]
    }

    /// The months of the trend: January of the period's year to the period's last month.
    public static func trendMonths(_ period: Period) -> [Period] {
        (1...max(1, period.lastMonth)).map { Period.month(period.year, $0) }
    }
}

extension Session {
    /// The report for `period` (nil: the session's period, else the latest reported), each
    /// section the result of its query in this session (its rules, its data).
    public func report(for chosen: Period? = nil) throws(Diagnostic) -> Report {
        let interpreter = interpreter()
        guard let period = chosen ?? interpreter.defaultPeriod else { throw .error(.reportNeedsPeriod()) }
        var sections: [Report.Section] = []
        for (kind, query) in ReportQueries.texts(for: period) {
            let parsed = Parser.script(query, file: "<report>")
            guard parsed.count == 1, case .success(.query(let question)) = parsed[0].result else {
                // The texts are ours: a failure here is a bug, told with the query that failed.
                throw .error(.reportQueryFailed(query, (try? parsed.first?.result.get()).map { "\($0)" } ?? "not a query"))
            }
            do throws(Diagnostic) {
                sections.append(Report.Section(kind: kind, query: query, result: try interpreter.run(question)))
            } catch {
                throw .error(.reportQueryFailed(query, error.message))
            }
        }
        let files = sources.catalogues + [sources.organisation].compactMap { $0 } + sources.realisations
        return Report(metadata: dataset.catalogue.metadata, period: period, previous: period.previous,
                      trendMonths: ReportQueries.trendMonths(period), scale: dataset.scale, loaded: loadedAt,
                      sources: files.map { ($0 as NSString).lastPathComponent }, sections: sections)
    }

    /// `report [for PERIOD] to "FILE"`: the file checked as an export's is (`--safe`), the report
    /// made and written in the report's language, "wrote" said on a terminal.
    func writeReport(for period: ShowStatement?, to rawPath: String, at token: Token) throws(Diagnostic) {
        var path = try expand(rawPath, at: token)
        if let safeMode { path = try safeMode.exportPath(path, at: token) }
        // Told in the session's language, before the report is made in its own.
        if !Self.reportExtensions.contains(Text.fileExtension(path).lowercased()) { throw .error(.reportFormat(path), at: token) }
        let chosen = try period.flatMap { p throws(Diagnostic) in try interpreter().period(of: p) }
        let written = Language.$current.withValue(reportLanguage) { () -> Result<Report, Diagnostic> in
            do throws(Diagnostic) {
                let made = try self.report(for: chosen)
                try Self.writeReport(made, to: path, at: token)
                return .success(made)
            } catch {
                return .failure(error)
            }
        }
        let sections = try written.get().sections.count
        if announceExports { standardError(Message.wroteReport(path, sections: sections).text + "\n") }
    }

    /// Now, or the instant `SOURCE_DATE_EPOCH` names.
    static func now() -> Date {
        // getenv: the whole environment as a dictionary costs ~0.4 M instructions, at every session's start.
        getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) }.flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

    /// The extensions a report is written as.
    public static let reportExtensions = ["html", "htm", "xlsx"]

    /// The report's file: the page for `.html`/`.htm`, the workbook for `.xlsx`; whole or not at all.
    public static func writeReport(_ report: Report, to path: String, at token: Token?) throws(Diagnostic) {
        // `iki report` has no token: its errors name the path alone.
        func failure(_ message: Message) -> Diagnostic { token.map { .error(message, at: $0) } ?? .error(message) }
        let data: Data
        switch Text.fileExtension(path).lowercased() {
        case "html", "htm": data = Data(ReportPage.render(report).utf8)
        case "xlsx":
            guard let workbook = ReportWorkbook.render(report) else { throw failure(.reportWorkbookFailed(path)) }
            data = workbook
        default: throw failure(.reportFormat(path))
        }
        if let token { try AtomicFile.write(data, to: path, at: token) } else { try AtomicFile.write(data, to: path) }
    }
}
