import Catalogue
import Query
import Testing

/// `report [for PERIOD] to "FILE"` (`laporan`), as the parser reads it (grammar/iki.ebnf, report).
@Suite("The report statement: period forms, file, errors")
struct ReportStatementTests {
    @Test("report with and without a period, its Indonesian spelling, a parameter for the file")
    func forms() {
        #expect(summary(#"report to "review.html""#) == #"report to "review.html""#)
        #expect(summary(#"report for 2026-10 to "review.html""#) == #"report for 2026-10 to "review.html""#)
        #expect(summary(#"laporan untuk Oktober 2026 ke "r.xlsx""#) == #"report for 2026-10 to "r.xlsx""#)
        #expect(summary(#"report for 2026-01 to 2026-10 to "r.html""#) == #"report for 2026-01 to 2026-10 to "r.html""#)
        #expect(summary(#"report for 2026 to date to "r.html""#) == #"report for 2026 to date to "r.html""#)
        #expect(summary(#"report for $period to $out"#) == #"report for $period to "$out""#)
    }

    @Test("report without a file is an error at the token after it, naming the form")
    func missingFile() throws {
        for text in ["report", "report for 2026-10", "report for 2026-10 \"review.html\""] {
            let parsed = Parser.script(text)
            guard case .failure(let error) = parsed[0].result else { Issue.record("\(text) parsed"); continue }
            #expect(error.id == "report-expected-to", "\(text): \(error)")
        }
        guard case .failure(let error) = Parser.script("report to 12")[0].result else { Issue.record("parsed"); return }
        #expect(error.id == "expected-export-file")
    }
}
