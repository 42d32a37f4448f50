import Testing
@testable import Catalogue

/// How a row is kept: 24 bytes, its numbers (only those present) in the store's pool. Whatever
/// mix of numbers rows have, each reads back exactly what its file gave, absent ones as nil.
@Suite("Stored rows: compact, numbers only where present")
struct StoredRowTests {
    @Test("a row is 24 bytes, whatever numbers it has")
    func size() {
        #expect(MemoryLayout<StoredRow>.stride == 24)
    }

    @Test("each mix of value, numerator, denominator and target reads back as given; the pool holds only those present")
    func numbersWherePresent() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
            code,period,value,numerator,denominator,target
            KSPER-1,2026-01,,3,4,
            KSPER-1,2026-02,75,3,4,80
            KSPER-1,2026-03,,,,
            KSPER-1,2026,,,,90
            KSPER-2,2026-01,0.5,,,
            KSPER-2,2026-02,,,,7
            KSPER-2,2026-03,-2,,,1e300
            """) == [])
        let ratio = loaded.rows("KSPER-1").map { [$0.value, $0.numerator, $0.denominator, $0.target] }
        #expect(ratio == [[nil, 3, 4, nil], [75, 3, 4, 80], [nil, nil, nil, nil], [nil, nil, nil, 90]])
        let count = loaded.rows("KSPER-2").map { [$0.value, $0.numerator, $0.denominator, $0.target] }
        #expect(count == [[0.5, nil, nil, nil], [nil, nil, nil, 7], [-2, nil, nil, 1e300]])
        #expect(loaded.store.numbers == [3, 4, 75, 3, 4, 80, 90, 0.5, 7, -2, 1e300])
    }

    @Test("rows refused in a file leave no numbers behind: the next row's numbers are its own")
    func refusedRowsLeaveNoNumbers() throws {
        var loaded = Loaded()
        let got = try loaded.load("code,period,value,target\nKSPER-2,2026-01,1,2\nKSPER-2,2026-01,5,6\nKSPER-2,2026-02,,8\n")
        #expect(got.count == 1)
        #expect(loaded.rows("KSPER-2").map { [$0.value, $0.target] } == [[1, 2], [nil, 8]])
        #expect(loaded.store.numbers == [1, 2, 8])
    }
}
