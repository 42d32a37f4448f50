import Testing
@testable import Base
@testable import Catalogue

@Suite("Periods: month, quarter (triwulan), semester, year")
struct PeriodTests {
    @Test("every accepted form reads as its period, and prints in the canonical form")
    func acceptedForms() {
        let cases: [(String, Period, String)] = [
            ("2026-10", .month(2026, 10), "2026-10"),
            ("2026-01", .month(2026, 1), "2026-01"),
            ("2026-1", .month(2026, 1), "2026-01"),
            ("Oktober 2026", .month(2026, 10), "2026-10"),
            ("januari 2026", .month(2026, 1), "2026-01"),
            ("October 2026", .month(2026, 10), "2026-10"),
            ("2026-Q3", Period(year: 2026, granularity: .quarter, index: 3), "2026-Q3"),
            ("2026-q3", Period(year: 2026, granularity: .quarter, index: 3), "2026-Q3"),
            ("TW3 2026", Period(year: 2026, granularity: .quarter, index: 3), "2026-Q3"),
            ("TW 3 2026", Period(year: 2026, granularity: .quarter, index: 3), "2026-Q3"),
            ("tw-4 2026", Period(year: 2026, granularity: .quarter, index: 4), "2026-Q4"),
            ("Triwulan III 2026", Period(year: 2026, granularity: .quarter, index: 3), "2026-Q3"),
            ("TRIWULAN IV 2026", Period(year: 2026, granularity: .quarter, index: 4), "2026-Q4"),
            ("Triwulan 1 2026", Period(year: 2026, granularity: .quarter, index: 1), "2026-Q1"),
            ("Q2 2026", Period(year: 2026, granularity: .quarter, index: 2), "2026-Q2"),
            ("2026-S1", Period(year: 2026, granularity: .semester, index: 1), "2026-S1"),
            ("Semester I 2026", Period(year: 2026, granularity: .semester, index: 1), "2026-S1"),
            ("semester II 2026", Period(year: 2026, granularity: .semester, index: 2), "2026-S2"),
            ("2026", .year(2026), "2026"),
            ("  2026-10 ", .month(2026, 10), "2026-10"),
            ("Triwulan   II    2026", Period(year: 2026, granularity: .quarter, index: 2), "2026-Q2"),
            ("Okt 2026", .month(2026, 10), "2026-10"),
            ("2026-10-01", .month(2026, 10), "2026-10"),
        ]
        for (text, period, canonical) in cases {
            #expect(Period(parsing: text) == period, "\(text)")
            #expect(Period(parsing: text)?.description == canonical, "\(text)")
        }
    }

    @Test("malformed periods are rejected: out-of-range months, quarters and semesters, other separators, no year")
    func rejected() {
        for text in ["", "  ", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-S3", "2026-S0", "TW5 2026", "Triwulan V 2026",
                     "Semester III 2026", "26-10", "2026/10", "10-2026", "2026-Q", "Oktober", 
                     "Triwulan 2026", "abc", "12026", "0999", "TW3 26", "2026-X1", "Semester 2026 I"] {
            #expect(Period(parsing: text) == nil, "'\(text)' should be rejected")
        }
    }

    @Test("a period packed in 32 bits (how rows keep it) unpacks to itself, and packs equal only when equal")
    func packed() {
        var all: [Period] = []
        for year in [1899, 1900, 2026, 2999] {
            for g in Period.Granularity.allCases {
                for index in 1...(12 / g.rawValue) { all.append(Period(year: year, granularity: g, index: index)) }
            }
        }
        for p in all { #expect(Period(packed: p.packed) == p, "\(p)") }
        #expect(Set(all.map(\.packed)).count == all.count)
    }

    @Test("the byte fast path reads 2026-10 and 2026 as the full reader does, and leaves everything else to it")
    func commonForms() {
        for text in ["2026-10", "2026-01", "2026-12", "2026", "1900", "2999", "1899", "3000", "2026-00", "2026-13", "20a6", "2026-1",
                     "2026-Q3", " 2026", "2026 ", "2026/10", "202610", "-2026", "2026-1a"] {
            var bytes = text
            let fast = bytes.withUTF8 { Period.common(bytes: $0) }
            if let fast { #expect(fast == Period(parsing: text), "\(text)") }
            #expect((fast != nil) == (["2026-10", "2026-01", "2026-12", "2026", "1900", "2999"].contains(text)), "\(text)")
        }
    }

    @Test("a period contains the periods inside it, in the same year")
    func contains() {
        let q3 = Period(parsing: "2026-Q3")!, s2 = Period(parsing: "2026-S2")!, year = Period.year(2026)
        #expect(q3.contains(.month(2026, 7)) && q3.contains(.month(2026, 9)))
        #expect(!q3.contains(.month(2026, 6)) && !q3.contains(.month(2026, 10)))
        #expect(q3.contains(q3))
        #expect(s2.contains(q3) && !q3.contains(s2))
        #expect(year.contains(s2) && year.contains(.month(2026, 12)) && year.contains(year))
        #expect(!year.contains(.month(2025, 12)) && !year.contains(.year(2025)))
        #expect(!Period.month(2026, 7).contains(q3))
        #expect(!Period(parsing: "2026-S1")!.contains(q3))
    }

    @Test("months, first and last month of each kind of period")
    func span() {
        let q3 = Period(parsing: "2026-Q3")!
        #expect((q3.firstMonth, q3.lastMonth, q3.months) == (7, 9, 3))
        let s2 = Period(parsing: "2026-S2")!
        #expect((s2.firstMonth, s2.lastMonth, s2.months) == (7, 12, 6))
        #expect((Period.year(2026).firstMonth, Period.year(2026).lastMonth, Period.year(2026).months) == (1, 12, 12))
        #expect((Period.month(2026, 10).firstMonth, Period.month(2026, 10).lastMonth) == (10, 10))
    }

    @Test("the previous period has the same length and crosses into the previous year")
    func previous() {
        #expect(Period.month(2026, 10).previous == .month(2026, 9))
        #expect(Period.month(2026, 1).previous == .month(2025, 12))
        #expect(Period(parsing: "2026-Q1")!.previous == Period(parsing: "2025-Q4"))
        #expect(Period(parsing: "2026-Q3")!.previous == Period(parsing: "2026-Q2"))
        #expect(Period(parsing: "2026-S1")!.previous == Period(parsing: "2025-S2"))
        #expect(Period(parsing: "2026-S2")!.previous == Period(parsing: "2026-S1"))
        #expect(Period.year(2026).previous == .year(2025))
    }

    @Test("periods are ordered by their end; a quarter comes after its months and before the next month")
    func ordering() {
        let p = { (s: String) in Period(parsing: s)! }
        let sorted = [p("2026"), p("2026-04"), p("2026-Q1"), p("2026-03"), p("2025-12"), p("2026-S1"), p("2026-02"), p("2026-Q2"), p("2026-01")].sorted()
        #expect(sorted.map(\.description) == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-Q2", "2026-S1", "2026"])
        #expect(p("2026-03") < p("2026-Q1"))
        #expect(p("2026-Q1") < p("2026-04"))
        #expect(p("2025") < p("2026-01"))
        #expect(!(p("2026-10") < p("2026-10")))
    }
}
