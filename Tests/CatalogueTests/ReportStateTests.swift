import Testing
@testable import Catalogue

/// The reporting states (issue 13): a zero denominator with its components reported is
/// not-computable, a period before the indicator's first target in the year is not-applicable;
/// neither has an achievement, and neither is "not reported".
@Suite("Reporting states: tidak dapat dihitung and tidak berlaku")
struct ReportStateTests {
    func evaluate(_ loaded: Loaded, _ code: String, _ period: String) -> Evaluation {
        let index = loaded.catalogue.indicators.firstIndex { $0.code == code }!
        return loaded.store.evaluate(index, in: (Period(parsing: period) ?? Period(parsingRange: period))!, catalogue: loaded.catalogue)
    }

    @Test("a ratio whose reported denominators add up to zero cannot be computed: no achievement, its target kept, its rows counted")
    func zeroDenominator() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,numerator,denominator,target
        KSPER-1,2026-01,0,0,90
        KSPER-1,2026-02,10,0,90
        KSPER-1,2026-03,9,10,90
        """) == [])
        let january = evaluate(loaded, "KSPER-1", "2026-01")
        #expect(january.state == .notComputable)
        #expect(january.achievement == nil && january.realisation == nil && january.category == nil)
        #expect(january.target == 90 && january.rows == 1)
        #expect(evaluate(loaded, "KSPER-1", "2026-02").state == .notComputable)
        // Over the quarter the denominators add up to 10: computable.
        let quarter = evaluate(loaded, "KSPER-1", "2026-Q1")
        #expect(quarter.state == .reported)
        #expect(quarter.realisation == 190)
        #expect(evaluate(loaded, "KSPER-1", "2026-04").state == .notReported)
    }

    @Test("periods ending before the first month with a target are not applicable; from it on, not reported until a row reports")
    func lateStart() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,target
        KSPER-2,2026-04,,5
        KSPER-2,2026-05,6,5
        KSPER-2,2025-01,3,5
        """) == [])
        for period in ["2026-01", "2026-03", "2026-Q1", "2026-01 to 2026-03"] {
            let e = evaluate(loaded, "KSPER-2", period)
            #expect(e.state == .notApplicable, "\(period)")
            #expect(e.target == nil && e.achievement == nil)
        }
        #expect(evaluate(loaded, "KSPER-2", "2026-04").state == .notReported)
        #expect(evaluate(loaded, "KSPER-2", "2026-05").state == .reported)
        // A quarter reaching into April is not before the start; the year is never.
        #expect(evaluate(loaded, "KSPER-2", "2026-Q2").state == .reported)
        #expect(evaluate(loaded, "KSPER-2", "2026").state == .reported)
        // Another year has its own start (2025 starts in January), or none (2027).
        #expect(evaluate(loaded, "KSPER-2", "2025-02").state == .notReported)
        #expect(evaluate(loaded, "KSPER-2", "2027-01").state == .notReported)
    }

    @Test("a row reported before the first target is reported; a yearly target says nothing of the start")
    func reportedWins() throws {
        var loaded = Loaded()
        #expect(try loaded.load("""
        code,period,value,target
        KSPER-2,2026-01,2,
        KSPER-2,2026-06,,5
        BGAJ-2,2026,,12
        """) == [])
        #expect(evaluate(loaded, "KSPER-2", "2026-01").state == .reported)
        #expect(evaluate(loaded, "KSPER-2", "2026-02").state == .notApplicable)
        #expect(evaluate(loaded, "BGAJ-2", "2026-01").state == .notReported)
    }

    @Test("a state reads from its code, its snake_case form and its words in either language")
    func words() {
        #expect(ReportState(word: "not-computable") == .notComputable)
        #expect(ReportState(word: "NOT_APPLICABLE") == .notApplicable)
        #expect(ReportState(word: "tidak dapat dihitung") == .notComputable)
        #expect(ReportState(word: "Tidak Berlaku") == .notApplicable)
        #expect(ReportState(word: "belum dilaporkan") == .notReported)
        #expect(ReportState(word: "cannot be computed") == .notComputable)
        #expect(ReportState(word: "dilaporkan") == .reported)
        #expect(ReportState(word: "selesai") == nil)
    }
}
