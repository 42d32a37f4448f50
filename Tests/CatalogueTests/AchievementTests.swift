import Foundation
import Testing
@testable import Catalogue

/// Loads `csv` into the small catalogue and evaluates indicators in periods written as text.
private struct Worked {
    var loaded = Loaded()

    init(_ csv: String) throws {
        let diagnostics = try loaded.load(csv)
        #expect(diagnostics == [], "the worked example's file must load cleanly")
    }

    func evaluate(_ code: String, _ period: String, scale: Scale = .standard) -> Evaluation {
        let index = loaded.catalogue.indicators.firstIndex { $0.code == code }!
        return loaded.store.evaluate(index, in: Period(parsing: period)!, catalogue: loaded.catalogue, scale: scale)
    }
}

/// Whether two numbers agree to 1e-9 (nil only with nil).
private func same(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return abs(x - y) < 1e-9
    default: return false
    }
}

@Suite("Achievement: realisation, target, achievement and category")
struct AchievementTests {
    @Test("a count's realisation is the sum of its rows inside the period: months add up to quarters, semesters and the year")
    func countSum() throws {
        let w = try Worked("""
        code,period,value
        KSPER-2,2026-01,4
        KSPER-2,2026-02,5
        KSPER-2,2026-03,6
        KSPER-2,2026-04,7
        KSPER-2,2026-07,8
        KSPER-2,2025-12,100
        """)
        #expect(w.evaluate("KSPER-2", "2026-02").realisation == 5)
        #expect(w.evaluate("KSPER-2", "2026-Q1").realisation == 15)
        #expect(w.evaluate("KSPER-2", "2026-Q1").rows == 3)
        #expect(w.evaluate("KSPER-2", "TW2 2026").realisation == 7)
        #expect(w.evaluate("KSPER-2", "2026-S1").realisation == 22)
        #expect(w.evaluate("KSPER-2", "2026").realisation == 30)
        #expect(w.evaluate("KSPER-2", "2026").rows == 5)
        #expect(w.evaluate("KSPER-2", "2026-05").realisation == nil)
        #expect(w.evaluate("KSPER-2", "2025").realisation == 100)
    }

    @Test("a ratio's realisation is sum(numerator) / sum(denominator) × 100, not the mean of the monthly percentages")
    func ratioOfSums() throws {
        let w = try Worked("""
        code,period,numerator,denominator
        KSPER-1,2026-01,45,60
        KSPER-1,2026-02,27,40
        KSPER-1,2026-03,18,20
        """)
        #expect(w.evaluate("KSPER-1", "2026-01").realisation == 75)
        #expect(same(w.evaluate("KSPER-1", "2026-02").realisation, 67.5))
        // (45 + 27 + 18) / (60 + 40 + 20) = 90 / 120; the mean of 75, 67.5 and 90 would be 77.5.
        #expect(w.evaluate("KSPER-1", "2026-Q1").realisation == 75)
    }

    @Test("a ratio given as direct percentages takes their mean")
    func meanOfPercentages() throws {
        let w = try Worked("""
        code,period,value,numerator,denominator
        KSPER-1,2026-01,80,,
        KSPER-1,2026-02,90,,
        KSPER-1,2026-03,70,,
        KSPER-1,2026-04,,45,60
        KSPER-1,2026-05,85,,
        """)
        #expect(w.evaluate("KSPER-1", "2026-Q1").realisation == 80)
        #expect(w.evaluate("KSPER-1", "2026-04").realisation == 75)
        // Percentages and a fraction (45/60 = 75%) in one period: the mean of the percentages.
        #expect(same(w.evaluate("KSPER-1", "2026-S1").realisation, (80 + 90 + 70 + 75 + 85) / 5.0))
    }

    @Test("consolidation 'average' takes the mean of the rows; its yearly target is not scaled")
    func averageConsolidation() throws {
        let w = try Worked("""
        code,period,value,target,consolidation
        KSPER-2,2026,,5,average
        KSPER-2,2026-01,2,,
        KSPER-2,2026-02,4,,
        KSPER-2,2026-03,6,,
        """)
        let q1 = w.evaluate("KSPER-2", "2026-Q1")
        #expect(q1.realisation == 4)
        #expect(q1.target == 5)
        #expect(q1.targetSource?.description == "2026")
        #expect(q1.achievement == 80)
        #expect(q1.category == "Baik")
    }

    @Test("consolidation 'last' takes the latest reported row in the period; a ratio's last percentage")
    func lastConsolidation() throws {
        let w = try Worked("""
        code,period,value,numerator,denominator,consolidation
        KSPER-2,2026-01,2,,,last
        KSPER-2,2026-02,4,,,
        KSPER-2,2026-03,,,,
        KSPER-1,2026-01,,1,2,last
        KSPER-1,2026-02,,3,4,
        """)
        #expect(w.evaluate("KSPER-2", "2026-Q1").realisation == 4)
        #expect(w.evaluate("KSPER-2", "2026-01").realisation == 2)
        #expect(w.evaluate("KSPER-1", "2026-Q1").realisation == 75)
    }

    @Test("a quarter's row supersedes its months, so nothing counts twice")
    func quarterSupersedesMonths() throws {
        let w = try Worked("""
        code,period,value
        KSPER-2,2026-01,4
        KSPER-2,2026-02,5
        KSPER-2,2026-03,6
        KSPER-2,2026-Q1,20
        KSPER-2,2026-04,7
        """)
        #expect(w.evaluate("KSPER-2", "2026-Q1").realisation == 20)
        #expect(w.evaluate("KSPER-2", "2026-Q1").rows == 1)
        #expect(w.evaluate("KSPER-2", "2026-S1").realisation == 27)
        #expect(w.evaluate("KSPER-2", "2026").realisation == 27)
        // A month on its own is still its own row.
        #expect(w.evaluate("KSPER-2", "2026-02").realisation == 5)
    }

    @Test("target: the one given for exactly the period, else the file's yearly target scaled to the period for summed counts")
    func targetFromFile() throws {
        let w = try Worked("""
        code,period,value,target
        KSPER-2,2026,,48
        KSPER-2,2026-Q1,,10
        KSPER-2,2026-01,3,
        KSPER-2,2026-04,5,
        KSPER-1,2026,,90
        """)
        let q1 = w.evaluate("KSPER-2", "2026-Q1")
        #expect(q1.target == 10)
        #expect(q1.targetSource == .period(Period(parsing: "2026-Q1")!))
        #expect(q1.targetSource?.description == "2026-Q1")
        let april = w.evaluate("KSPER-2", "2026-04")
        #expect(april.target == 4)
        #expect(april.targetSource?.description == "2026 × 1/12")
        #expect(april.achievement == 125)
        #expect(april.category == "Sangat Baik")
        let q2 = w.evaluate("KSPER-2", "2026-Q2")
        #expect(q2.target == 12)
        #expect(q2.targetSource?.description == "2026 × 3/12")
        let s2 = w.evaluate("KSPER-2", "2026-S2")
        #expect(s2.target == 24 && s2.targetSource?.description == "2026 × 6/12")
        let year = w.evaluate("KSPER-2", "2026")
        #expect(year.target == 48)
        #expect(year.targetSource?.description == "2026")
        // A ratio's yearly target is a percentage: the same in every period.
        let ratio = w.evaluate("KSPER-1", "2026-04")
        #expect(ratio.target == 90)
        #expect(ratio.targetSource == .yearFile(2026, scaledMonths: nil))
        #expect(ratio.targetSource?.description == "2026")
    }

    @Test("target: with no file target, the yearly target stated in the catalogue, scaled for summed counts")
    func targetFromCatalogue() throws {
        let w = try Worked("""
        code,period,value
        BGAJ-1,2026-10,8
        BGAJ-1,2026-07,10
        BGAJ-1,2026-08,10
        BGAJ-1,2026-09,9
        """)
        let october = w.evaluate("BGAJ-1", "2026-10")
        #expect(october.target == 10)
        #expect(october.targetSource == .catalogue(scaledMonths: 1))
        #expect(october.targetSource?.description == "catalogue × 1/12")
        #expect(october.achievement == 80)
        #expect(october.category == "Baik")
        let q3 = w.evaluate("BGAJ-1", "Triwulan III 2026")
        #expect(q3.realisation == 29)
        #expect(q3.target == 30)
        #expect(q3.targetSource?.description == "catalogue × 3/12")
        #expect(same(q3.achievement, Achievement.rounded(29.0 / 30.0 * 100)))
        #expect(w.evaluate("BGAJ-1", "2026").targetSource?.description == "catalogue")
        #expect(w.evaluate("BGAJ-1", "2026").target == 120)
        // No target anywhere: realisation without achievement.
        let none = w.evaluate("KSPER-2", "2026-10")
        #expect(none.target == nil && none.targetSource == nil && none.achievement == nil && none.category == nil)
    }

    @Test("a yearly target in a file takes precedence over the catalogue's")
    func fileBeatsCatalogue() throws {
        let w = try Worked("code,period,value,target\nBGAJ-1,2026,,240\nBGAJ-1,2026-10,8,\n")
        let october = w.evaluate("BGAJ-1", "2026-10")
        #expect(october.target == 20)
        #expect(october.targetSource?.description == "2026 × 1/12")
        #expect(october.achievement == 40)
        #expect(october.category == "Sangat Kurang")
    }

    @Test("negative polarity (smaller is better): achievement = (2 - realisation / target) × 100")
    func negativePolarity() throws {
        let w = try Worked("""
        code,period,value,target,polarity
        KSPER-2,2026-01,9,12,negative
        KSPER-2,2026-02,15,12,
        KSPER-2,2026-03,0,12,
        KSPER-2,2026-04,30,12,
        """)
        #expect(w.evaluate("KSPER-2", "2026-01").achievement == 125)
        #expect(w.evaluate("KSPER-2", "2026-01").category == "Sangat Baik")
        #expect(w.evaluate("KSPER-2", "2026-02").achievement == 75)
        #expect(w.evaluate("KSPER-2", "2026-02").category == "Cukup")
        #expect(w.evaluate("KSPER-2", "2026-03").achievement == 200)
        #expect(w.evaluate("KSPER-2", "2026-04").achievement == -50)
        #expect(w.evaluate("KSPER-2", "2026-04").category == "Sangat Kurang")
    }

    @Test("the default bands: >= 91 Sangat Baik, >= 76 Baik, >= 66 Cukup, >= 51 Kurang, otherwise Sangat Kurang")
    func defaultBands() {
        let cases: [(Double, String)] = [
            (250, "Sangat Baik"), (91, "Sangat Baik"), (90.99, "Baik"), (76, "Baik"), (75.99, "Cukup"), (66, "Cukup"),
            (65.99, "Kurang"), (51, "Kurang"), (50.99, "Sangat Kurang"), (0, "Sangat Kurang"), (-40, "Sangat Kurang"),
        ]
        for (achievement, category) in cases {
            #expect(Scale.standard.category(achievement) == category, "\(achievement)")
        }
        #expect(Scale(parsing: "91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang")?.category(50.99) == "Sangat Kurang")
    }

    @Test("a custom scale: bands in any order, the lowest also takes everything below it; malformed scales are rejected")
    func customScale() throws {
        let scale = try #require(Scale(parsing: "70 = Cukup, 0=Perlu Perbaikan,90=Memuaskan"))
        #expect(scale.bands.map(\.name) == ["Memuaskan", "Cukup", "Perlu Perbaikan"])
        #expect(scale.category(95) == "Memuaskan")
        #expect(scale.category(90) == "Memuaskan")
        #expect(scale.category(70) == "Cukup")
        #expect(scale.category(69.9) == "Perlu Perbaikan")
        #expect(scale.category(-5) == "Perlu Perbaikan")
        let w = try Worked("code,period,value,target\nKSPER-2,2026-10,7,10\n")
        #expect(w.evaluate("KSPER-2", "2026-10", scale: scale).category == "Cukup")
        #expect(w.evaluate("KSPER-2", "2026-10").category == "Cukup")
        #expect(w.evaluate("KSPER-2", "2026-10", scale: try #require(Scale(parsing: "80=Tercapai,0=Belum"))).category == "Belum")
        for bad in ["", "90", "abc=Baik", "90=", "=Baik", "90:Baik,0=Kurang"] {
            #expect(Scale(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("division by zero or a missing input gives a missing value, never inf or NaN")
    func missingValues() throws {
        let w = try Worked("""
        code,period,value,numerator,denominator,target
        KSPER-1,2026-01,,0,0,90
        KSPER-1,2026-02,,5,0,90
        KSPER-1,2026-04,,3,4,0
        KSPER-2,2026-01,5,,,0
        KSPER-2,2026-02,1e308,,,1e-300
        KSPER-2,2026-03,,,,10
        BGAJ-2,2026-01,80,,,
        """)
        let zeroOverZero = w.evaluate("KSPER-1", "2026-01")
        #expect(zeroOverZero.realisation == nil && zeroOverZero.achievement == nil && zeroOverZero.category == nil)
        #expect(w.evaluate("KSPER-1", "2026-02").realisation == nil)
        #expect(w.evaluate("KSPER-1", "2026-Q1").realisation == nil)
        // Monthly targets are not added up: the quarter has no target of its own, nor a yearly one.
        #expect(w.evaluate("KSPER-1", "2026-Q1").target == nil)
        let zeroTarget = w.evaluate("KSPER-1", "2026-04")
        #expect(zeroTarget.realisation == 75 && zeroTarget.target == 0 && zeroTarget.achievement == nil && zeroTarget.category == nil)
        #expect(w.evaluate("KSPER-2", "2026-01").achievement == nil)
        let overflow = w.evaluate("KSPER-2", "2026-02")
        #expect(overflow.realisation == 1e308 && overflow.achievement == nil && overflow.category == nil)
        let unreported = w.evaluate("KSPER-2", "2026-03")
        #expect(unreported.realisation == nil && unreported.target == 10 && unreported.achievement == nil && unreported.rows == 0)
        let noTarget = w.evaluate("BGAJ-2", "2026-01")
        #expect(noTarget.realisation == 80 && noTarget.target == nil && noTarget.achievement == nil)
        #expect(w.evaluate("BGAJ-2", "2026-05") == Evaluation(rows: 0))
    }

    @Test("the bundled data: worked examples, and no inf or NaN for any indicator in any period of 2026")
    func bundled() throws {
        var (catalogue, _) = Bundled.organised()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        #expect(store.load(path: Bundled.targetsPath, catalogue: &catalogue).isEmpty)
        #expect(store.load(path: Bundled.realisationsPath, catalogue: &catalogue).isEmpty)
        func evaluate(_ code: String, _ period: String) -> Evaluation {
            store.evaluate(catalogue.indicators.firstIndex { $0.code == code }!, in: Period(parsing: period)!, catalogue: catalogue)
        }
        // 8 loans in October against 125 a year (stated in the catalogue): 8 / (125 / 12) = 76.8%.
        let loans = evaluate("KUPDBDMIK-1", "2026-10")
        #expect(loans.realisation == 8)
        #expect(same(loans.target, 125.0 / 12))
        #expect(loans.targetSource?.description == "catalogue × 1/12")
        #expect(same(loans.achievement, 76.8))
        #expect(loans.category == "Baik")
        // (78 + 47 + 31) / (140 + 88 + 49) against 95% from the targets file.
        let ratio = evaluate("KSPPKEH-1", "2026-Q3")
        #expect(same(ratio.realisation, 156.0 / 277 * 100))
        #expect(ratio.target == 95 && ratio.targetSource?.description == "2026")
        #expect(same(ratio.achievement, Achievement.rounded(156.0 / 277 * 100 / 95 * 100)))
        #expect(ratio.category == "Kurang")
        // February was not reported: January 13 + March 10 against 180 × 3/12.
        let collected = evaluate("PUPEN-1", "2026-Q1")
        #expect(collected.realisation == 23 && collected.rows == 2)
        #expect(collected.target == 45 && collected.targetSource?.description == "catalogue × 3/12")
        var periods = (1...12).map { Period.month(2026, $0) }
        periods += (1...4).map { Period(year: 2026, granularity: .quarter, index: $0) }
        periods += [Period(year: 2026, granularity: .semester, index: 1), Period(year: 2026, granularity: .semester, index: 2), .year(2026)]
        var achieved = 0
        for index in catalogue.indicators.indices {
            for period in periods {
                let e = store.evaluate(index, in: period, catalogue: catalogue)
                for value in [e.realisation, e.target, e.achievement].compactMap({ $0 }) {
                    #expect(value.isFinite, "\(catalogue.indicators[index].code) \(period)")
                }
                #expect((e.achievement == nil) == (e.category == nil))
                if e.achievement != nil { achieved += 1 }
            }
        }
        #expect(achieved > 75 * 10)
    }

    @Test("target sources render as the period, the year with its scaling, or the catalogue")
    func targetSourceRendering() {
        #expect(TargetSource.period(Period(parsing: "2026-Q1")!).description == "2026-Q1")
        #expect(TargetSource.period(.month(2026, 10)).description == "2026-10")
        #expect(TargetSource.yearFile(2026, scaledMonths: 3).description == "2026 × 3/12")
        #expect(TargetSource.yearFile(2026, scaledMonths: 12).description == "2026")
        #expect(TargetSource.yearFile(2026, scaledMonths: nil).description == "2026")
        #expect(TargetSource.catalogue(scaledMonths: 1).description == "catalogue × 1/12")
        #expect(TargetSource.catalogue(scaledMonths: nil).description == "catalogue")
    }
}
