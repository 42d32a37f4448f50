import Catalogue
import Foundation
import Query

/// The report as an Excel workbook: a first sheet with the office, the period and the rules
/// (Ringkasan / Summary) and each section's query, then one sheet per section, written by
/// `XLSXRenderer` (numbers as numbers, predikat cells filled).
public enum ReportWorkbook {
    public static func render(_ report: Report) -> Data? {
        var sheets: [(name: String, result: ResultSet)] = [(Message.reportSummarySheet.text, summary(report))]
        for section in report.sections {
            var result = section.result
            // Headers in the reader's language; the values stay as the query gave them.
            result.columns = result.columns.map { Column(name: Message.reportColumn($0.name).text, type: $0.type) }
            sheets.append((section.kind.sheet.text, result))
        }
        return XLSXRenderer.workbook(sheets)
    }

    /// Two columns, item and value: the office, the period, the rules, when the data was loaded,
    /// and each section's query, so the workbook can be traced as the page can.
    static func summary(_ report: Report) -> ResultSet {
        var rows = report.officeRows.map { [Value.text($0.0.text), .text($0.1)] }
        rows.append([.text(Message.reportTitle.text), .text(Report.label(report.period))])
        rows.append([.text(Message.reportPeriod.text), .period(report.period)])
        rows.append([.text(Message.reportPrevious.text), .period(report.previous)])
        rows.append([.text(Message.reportRules.text), .text("\(report.scale.rules.rawValue): \(report.scale.rules.source)")])
        rows.append([.text(Message.reportScale.text), .text(report.scaleText)])
        rows.append([.text(Message.reportLoaded.text), .text(report.loadedText)])
        if !report.sources.isEmpty { rows.append([.text(Message.reportSources.text), .text(report.sources.joined(separator: ", "))]) }
        for section in report.sections {
            rows.append([.text("\(section.kind.sheet.text): \(Message.reportQuery.text)"), .text(section.query)])
        }
        return ResultSet(columns: [Column(name: Message.reportItem.text, type: .text), Column(name: Message.reportValue.text, type: .text)], rows: rows)
    }
}
