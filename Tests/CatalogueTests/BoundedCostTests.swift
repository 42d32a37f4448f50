import Foundation
import Testing
@testable import Catalogue

/// Hostile inputs whose cost must stay bounded by their size (bench/hostile.py times them); here,
/// that the bounded paths give the right answers.
@Suite("Bounded cost: suggestions from an index, evaluation by year")
struct BoundedCostTests {
    /// 2,000 codes of a province: every office has SDIN-1 and SDIN-10.
    static let provinceCodes = (0..<1000).flatMap { ["R\($0).DINAS.SDIN-1", "R\($0).DINAS.SDIN-10"] } + ["KMAL.DKUMIK.KSPER-2"]

    @Test("with few names, the index answers exactly as Nearest.names over all of them")
    func smallIsExact() {
        let names = Bundled.dataset.catalogue.indicators.map(\.code)
        let index = NearestIndex(names: names)
        for word in ["SDIN-1", "ksper-3", "KSPR-2", "X", "", "SEKRETARIS"] {
            #expect(index.names(to: word, limit: 3, always: true) == Nearest.names(to: word, in: names, limit: 3, always: true))
        }
    }

    @Test("with many names, a code without its office prefix is matched to codes that end with it")
    func prefixless() {
        let index = NearestIndex(names: Self.provinceCodes)
        #expect(index.names(to: "SDIN-1", limit: 3, always: true) == ["R0.DINAS.SDIN-1", "R1.DINAS.SDIN-1", "R2.DINAS.SDIN-1"])
        #expect(index.names(to: "kmal.dkumik.ksper-3", limit: 3, always: true) == ["KMAL.DKUMIK.KSPER-2"])
        #expect(index.names(to: "KSPER-2", limit: 1, always: true) == ["KMAL.DKUMIK.KSPER-2"])
        // Past the cut-off nothing is ranked, as with Nearest.names.
        #expect(index.names(to: String(repeating: "SDIN-1", count: 100_000), always: true) == [])
    }

    @Test("a file's unknown codes: each row reported, the first 100 different codes with suggestions, then one note")
    func unknownCodesCapped() throws {
        var loaded = Loaded()
        var csv = "code,period,value\n"
        for i in 0..<120 { csv += "KSPER-\(i + 50),2026-01,1\nKSPER-\(i + 50),2026-02,1\n" }
        let diagnostics = loaded.store.load(text: csv, file: "r.csv", catalogue: &loaded.catalogue)
        #expect(diagnostics.count == 240)
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("unknown indicator code 'KSPER-") })
        // A code seen before gets the same suggestions again, without counting towards the cap.
        #expect(diagnostics[0].notes == diagnostics[1].notes)
        #expect(diagnostics[0].notes.first?.hasPrefix("nearest: KSPER-") == true)
        #expect(diagnostics[199].notes.first?.hasPrefix("nearest: ") == true)
        #expect(diagnostics[200].notes == [
            "more than 100 different unknown codes in this file: no more suggestions for the codes after this one",
        ])
        #expect(diagnostics[200].location == SourceLocation(file: "r.csv", line: 202, column: 1))
        #expect(diagnostics[201...].allSatisfy { $0.notes.isEmpty })
    }

    /// Rows of KSPER-2 for every month, quarter, semester and year of `years`.
    static func everyPeriod(_ years: ClosedRange<Int>) -> String {
        var csv = "code,period,value,target\n"
        for year in years {
            for m in 1...12 { csv += "KSPER-2,\(year)-\(m < 10 ? "0" : "")\(m),\(m),\n" }
            for q in 1...4 { csv += "KSPER-2,\(year)-Q\(q),\(10 + q),\n" }
            csv += "KSPER-2,\(year)-S1,20,\nKSPER-2,\(year)-S2,21,\nKSPER-2,\(year),30,\(year - 1900)\n"
        }
        return csv
    }

    @Test("an indicator with many rows evaluates each period from its year's rows, as one with few rows does")
    func manyPeriods() throws {
        var many = Loaded(), few = Loaded()
        #expect(try many.load(Self.everyPeriod(1900...2099)) == [])
        #expect(try few.load(Self.everyPeriod(2026...2026)) == [])
        let index = try #require(many.catalogue.indicatorIndex(code: "KSPER-2"))
        #expect(many.store.byYear[Int32(index)] != nil)
        #expect(few.store.byYear.isEmpty)
        for period in [Period.month(2026, 3), .init(year: 2026, granularity: .quarter, index: 2),
                       .init(year: 2026, granularity: .semester, index: 2), .year(2026)] {
            #expect(many.store.evaluate(index, in: period, catalogue: many.catalogue) == few.store.evaluate(index, in: period, catalogue: few.catalogue))
        }
        #expect(many.store.evaluate(index, in: .year(2026), catalogue: many.catalogue).target == 126)
        // A second row for a period is still found among many.
        #expect(try many.load("code,period,value\nKSPER-2,2050-Q3,1\n", file: "again.csv") == [
            "again.csv:2:9: error: second row for KSPER-2 in 2050-Q3; the first is at r.csv:\(2 + 150 * 19 + 14)",
        ])
    }
}
