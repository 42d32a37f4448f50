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

/// Workbooks iki writes, read back as Excel would see them (openpyxl, when present).
enum Openpyxl {
    static let present: Bool = (try? Iki.run(executable: "/usr/bin/env", ["python3", "-c", "import openpyxl"], in: nil))?.status == 0
}

@Suite("Excel workbooks written", .enabled(if: Openpyxl.present, "python3 with openpyxl is not installed: skipped"))
struct WorkbooksWritten {
    static let script = Iki.root.appendingPathComponent("Tests/Fixtures/office/check_xlsx.py").path

    @Test("an export: numbers as numbers, achievement as a percentage, text and periods as text, no formula, bold frozen header")
    func exportAudit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try Iki.run(["-c", "export show indicators code, period, target, realisation, achievement, category where code in (SDIN-1, KUPDBDMIK-1) for 2026-10 to \"x.xlsx\""], in: folder)
        #expect(run.status == 0)
        let audit = try Iki.run(executable: "/usr/bin/env", ["python3", Self.script, "audit", folder.path + "/x.xlsx"], in: nil)
        #expect(audit.status == 0)
        #expect(audit.stdout == "code s\nperiod s\ntarget n\nrealisation n\nachievement n%\ncategory s\nfrozen A2 bold True\n")
    }

    @Test("a template written as .xlsx, filled with openpyxl and loaded, gives the expected achievements")
    func templateRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try Iki.run(["template", "--period", "2026-11", "--output", folder.path + "/template.xlsx"])
        #expect(template.status == 0)
        let audit = try Iki.run(executable: "/usr/bin/env", ["python3", Self.script, "audit", folder.path + "/template.xlsx"], in: nil)
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("target n\n"))
        #expect(audit.stdout.contains("period s\n"))
        let fill = try Iki.run(executable: "/usr/bin/env", ["python3", Self.script, "fill", folder.path + "/template.xlsx", folder.path + "/filled.xlsx"], in: nil)
        #expect(fill.status == 0)
        let shown = try Iki.run(["--realisations", folder.path + "/filled.xlsx", "--format", "csv",
                                 "-c", "show indicators code, realisation, target, achievement where code in (SDIN-1, KUPDBDMIK-1) for 2026-11 order by code"])
        #expect(shown.stderr == "")
        #expect(shown.stdout == "code,realisation,target,achievement\nKUPDBDMIK-1,1250.5,10.42,12001\nSDIN-1,87.5,95,92.1\n")
    }
}
