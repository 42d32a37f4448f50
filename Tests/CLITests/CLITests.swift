import Foundation
import Testing

let templateHeader = "code,position,indicator,kind,unit,period,value,numerator,denominator,target,note"

@Suite("Command line: iki check and iki template", .serialized)
struct CLITests {
    @Test("iki check on the bundled data exits 0 and prints the summary: 54 positions, 75 indicators, 0 unresolved, rows per period")
    func checkBundled() throws {
        let result = try Iki.run(["check"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("catalogue: ") == true)
        #expect(lines.first?.hasSuffix("catalogue.txt (Dinas Koperasi dan Usaha Mikro, Kabupaten Malang)") == true)
        #expect(lines.contains("positions: 54"))
        #expect(lines.contains("indicators: 75 (11 ratio, 64 count)"))
        #expect(lines.contains("units: 22 (1 sekretariat, 4 bidang, 12 seksi, 4 sub bagian, 1 upt)"))
        #expect(lines.contains("unresolved positions: 0"))
        #expect(lines.contains("diagnostics: 0 errors, 0 warnings"))

        // Rows per period, counted here from the bundled files themselves.
        var rows: [String: (all: Int, reported: Int, targets: Int)] = [:]
        for name in ["targets-2026.csv", "realisations-2026.csv"] {
            let text = try String(contentsOf: Iki.root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
            let table = text.split(whereSeparator: \.isNewline).map { fields(String($0)) }
            let header = table[0]
            for row in table.dropFirst() {
                let cell = { (column: String) -> String in header.firstIndex(of: column).map { row[$0] } ?? "" }
                let reported = !cell("value").isEmpty || (!cell("numerator").isEmpty && !cell("denominator").isEmpty)
                rows[cell("period"), default: (0, 0, 0)].all += 1
                if reported { rows[cell("period"), default: (0, 0, 0)].reported += 1 }
                if !cell("target").isEmpty { rows[cell("period"), default: (0, 0, 0)].targets += 1 }
            }
        }
        let periods = (1...10).map { String(format: "2026-%02d", $0) } + ["2026"]
        #expect(Set(rows.keys) == Set(periods))
        let total = rows.values.map(\.all).reduce(0, +)
        #expect(lines.contains("realisation rows: \(total) in \(periods.count) periods"))
        let listed = lines.filter { $0.hasPrefix("  2026") }
        #expect(listed == periods.map { period in
            let r = rows[period]!
            return "  " + period.padding(toLength: 8, withPad: " ", startingAt: 0)
                + " \(r.all) rows: \(r.reported) reported, \(r.all - r.reported - r.targets) not reported, \(r.targets) with a target"
        })
    }

    @Test("iki check with a broken realisations file exits 1 and prints each error as file:line:column")
    func checkBroken() throws {
        let file = try TemporaryFile("broken.csv", "code,period,value\nSDIN-1,2026-13,5\nNOPE-1,2026-10,1\nKSBUKEP-1,2026-10,\"4,5\"\nKSBUKEP-1,2026-09,4\n")
        defer { file.remove() }
        let result = try Iki.run(["check", "--realisations", file.path])
        #expect(result.status == 1)
        let stderr = result.stderr.split(separator: "\n").map(String.init)
        #expect(stderr.contains("\(file.path):2:8: error: malformed period '2026-13'"))
        #expect(stderr.contains("\(file.path):3:1: error: unknown indicator code 'NOPE-1'"))
        #expect(stderr.contains("\(file.path):4:19: error: value '4,5' is not a number; for decimal commas (87,5) use --decimal-comma"))
        #expect(stderr.filter { $0.contains(": error: ") }.count == 3)
        #expect(result.stdout.contains("realisation rows: 1 in 1 periods\n"))
        #expect(result.stdout.contains("diagnostics: 3 errors, 0 warnings\n"))
    }

    @Test("iki check with a broken catalogue exits 1 and locates the problem in the catalogue")
    func checkBrokenCatalogue() throws {
        let file = try TemporaryFile("katalog.txt", """
        INDIKATOR KINERJA INDIVIDU
        1. JABATAN : BENDAHARA GAJI
        2. TUGAS : a. Melaksanakan tugas lain yang diberikan oleh Kepala Dinas.
        3. FUNGSI : -
        SASARAN STRATEGIS\tINDIKATOR KINERJA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA
        Meningkatnya tertib\t\tJumlah SPJ\tData SPJ
        Meningkatnya tertib\tJumlah SPJ\tJumlah SPJ sebanyak 12 dokumen\tData SPJ

        """)
        defer { file.remove() }
        let result = try Iki.run(["check", "--catalogue", file.path])
        #expect(result.status == 1)
        let stderr = result.stderr.split(separator: "\n").map(String.init)
        #expect(stderr.contains("\(file.path):6:21: error: table row has no indicator name (second cell is empty)"))
        #expect(stderr.contains("\(file.path):1:1: warning: no closing signature block; office metadata unknown"))
        #expect(result.stdout.contains("positions: 1\nindicators: 1 (0 ratio, 1 count)\n"))
    }

    @Test("iki template --period 2026-10 prints the header and one row per indicator, 75 in all, with the targets known")
    func template() throws {
        let result = try Iki.run(["template", "--period", "2026-10"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == templateHeader)
        let rows = lines.dropFirst().map { fields($0) }
        #expect(rows.count == 75)
        #expect(rows.allSatisfy { $0.count == 11 })
        #expect(Set(rows.map { $0[0] }).count == 75)
        #expect(rows.allSatisfy { $0[5] == "2026-10" && $0[6].isEmpty && $0[7].isEmpty && $0[8].isEmpty && $0[10].isEmpty })
        #expect(rows.allSatisfy { ["ratio", "count"].contains($0[3]) })
        #expect(rows.filter { $0[3] == "ratio" }.allSatisfy { $0[4] == "%" })
        // Every bundled indicator has a target: from targets-2026.csv, or stated in the catalogue.
        #expect(rows.allSatisfy { !$0[9].isEmpty })
        func row(_ code: String) -> [String]? { rows.first { $0[0] == code } }
        #expect(row("SDIN-1") == ["SDIN-1", "SEKRETARIS DINAS", "Persentase PNS yang mendapat pelayanan administrasi Kepegawaian", "ratio", "%", "2026-10", "", "", "", "95", ""])
        #expect(row("KSBUKEP-1")?[9] == "5")
        #expect(row("KUPDBDMIK-1")?[4] == "KUMKM")
        #expect(row("KUPDBDMIK-1")?[9] == "10.42")
        #expect(row("PKAN-1")?[9] == "2")
        #expect(row("KSBPEPEL-1")?[1] == "KEPALA SUB BAGIAN PERENCANAAN, EVALUASI DAN PELAPORAN")
    }

    @Test("the template, with values filled in, loads back cleanly with iki check")
    func templateRoundTrip() throws {
        let template = try Iki.run(["template", "--period", "2026-10"])
        #expect(template.status == 0)
        var lines = template.stdout.split(separator: "\n").map(String.init)
        for i in lines.indices.dropFirst() {
            var row = fields(lines[i])
            if row[3] == "ratio" { row[7] = "3"; row[8] = "4" } else { row[6] = "2" }
            row[10] = "diisi, dengan koma"
            lines[i] = line(row)
        }
        let file = try TemporaryFile("filled.csv", lines.joined(separator: "\n") + "\n")
        defer { file.remove() }
        let result = try Iki.run(["check", "--realisations", file.path])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("realisation rows: 75 in 1 periods\n  2026-10  75 rows: 75 reported, 0 not reported, "))
        #expect(result.stdout.contains("diagnostics: 0 errors, 0 warnings\n"))
    }

    @Test("with --decimal-comma the template is ';'-separated with decimal commas, and loads back with --decimal-comma")
    func templateDecimalComma() throws {
        let template = try Iki.run(["template", "--period", "Triwulan III 2026", "--decimal-comma"])
        #expect(template.status == 0)
        var lines = template.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == templateHeader.replacingOccurrences(of: ",", with: ";"))
        #expect(lines.count == 76)
        let loans = try #require(lines.first { $0.hasPrefix("KUPDBDMIK-1;") })
        #expect(fields(loans, delimiter: ";")[5] == "2026-Q3")
        #expect(fields(loans, delimiter: ";")[9] == "31,25")
        for i in lines.indices.dropFirst() {
            var row = fields(lines[i], delimiter: ";")
            if row[3] == "ratio" { row[6] = "87,5" } else { row[6] = "1.250,5" }
            lines[i] = line(row, delimiter: ";")
        }
        let file = try TemporaryFile("filled-comma.csv", lines.joined(separator: "\r\n") + "\r\n")
        defer { file.remove() }
        let result = try Iki.run(["check", "--decimal-comma", "--realisations", file.path])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("realisation rows: 75 in 1 periods\n  2026-Q3  75 rows: 75 reported, 0 not reported, "))
        // The same file without --decimal-comma: its ';' header says how it is written, and it loads the same.
        let plain = try Iki.run(["check", "--realisations", file.path])
        #expect(plain.stderr == "")
        #expect(plain.status == 0)
        #expect(plain.stdout == result.stdout)
    }

    @Test("iki template with a malformed period fails and names the accepted forms")
    func templateBadPeriod() throws {
        let result = try Iki.run(["template", "--period", "2026-13"])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("malformed period '2026-13'"))
        #expect(result.stderr.contains("2026-10, 2026-Q3, TW3 2026"))
    }
}
