import Foundation
import Testing

/// Excel workbooks as realisations: the bundled realisations built as .xlsx by
/// `Tests/Fixtures/office/build_xlsx.py` give what the CSV gives.
@Suite("Excel workbooks as realisations")
struct WorkbookTests {
    static func fixture(_ name: String) -> String { Iki.root.appendingPathComponent("Tests/Fixtures/office/\(name)").path }

    @Test("the bundled realisations as .xlsx, long and wide, give the same show indicators as the CSV for every month",
          arguments: ["realisations-long.xlsx", "realisations-wide.xlsx"])
    func sameAsCSV(workbook: String) throws {
        let queries = (1...10).flatMap { ["-c", "show indicators for 2026-" + ($0 < 10 ? "0" : "") + "\($0)"] }
        let csv = try Iki.run(queries + ["--format", "csv"])
        let xlsx = try Iki.run(queries + ["--format", "csv", "--realisations", Self.fixture(workbook)])
        #expect(csv.status == 0)
        #expect(xlsx.stderr == "")
        #expect(xlsx.status == 0)
        #expect(csv.stdout.split(separator: "\n").count > 700)
        // Same rows; ratios from percentage cells may differ past the sixth decimal only.
        for (a, b) in zip(csv.stdout.split(separator: "\n"), xlsx.stdout.split(separator: "\n")) where a != b {
            let x = a.split(separator: ",", omittingEmptySubsequences: false), y = b.split(separator: ",", omittingEmptySubsequences: false)
            #expect(x.count == y.count, "\(a) / \(b)")
            for (p, q) in zip(x, y) where p != q {
                #expect(abs((Double(p) ?? .nan) - (Double(q) ?? .nan)) < 1e-5, "\(a) / \(b)")
            }
        }
        #expect(csv.stdout.split(separator: "\n").count == xlsx.stdout.split(separator: "\n").count)
    }
}
