import Testing
@testable import Catalogue

@Suite("Period ranges: months of one year as one period")
struct PeriodRangeTests {
    @Test("a range that is a calendar period is that period; others keep their ends")
    func normalised() {
        #expect(Period.range(2026, from: 1, to: 12) == .year(2026))
        #expect(Period.range(2026, from: 7, to: 9) == Period(parsing: "2026-Q3"))
        #expect(Period.range(2026, from: 1, to: 6) == Period(parsing: "2026-S1"))
        #expect(Period.range(2026, from: 10, to: 10) == .month(2026, 10))
        let ytd = Period.range(2026, from: 1, to: 10)
        #expect(ytd.isRange && ytd.firstMonth == 1 && ytd.lastMonth == 10 && ytd.months == 10)
        #expect(ytd.description == "2026-01 to 2026-10")
        #expect(ytd.contains(.month(2026, 10)) && !ytd.contains(.month(2026, 11)))
        #expect(ytd.contains(Period(parsing: "2026-Q3")!) && !ytd.contains(Period(parsing: "2026-Q4")!))
    }

    @Test("a range's previous period is the same range a month shorter")
    func previous() {
        #expect(Period.range(2026, from: 1, to: 10).previous == .range(2026, from: 1, to: 9))
        #expect(Period.range(2026, from: 1, to: 2).previous == .month(2026, 1))
    }

    @Test("ranges are read with to, sampai and s.d.; a row's period never is one")
    func parsing() {
        #expect(Period(parsingRange: "2026-01 to 2026-10") == .range(2026, from: 1, to: 10))
        #expect(Period(parsingRange: "Januari 2026 sampai Oktober 2026") == .range(2026, from: 1, to: 10))
        #expect(Period(parsingRange: "2026-01 s.d. TW3 2026") == .range(2026, from: 1, to: 9))
        #expect(Period(parsingRange: "2026-10 to 2026-01") == nil)
        #expect(Period(parsingRange: "2025-12 to 2026-01") == nil)
        #expect(Period(parsing: "2026-01 to 2026-10") == nil)
    }
}
