import Foundation
import Testing
@testable import Catalogue

/// Evaluates one realisation against one target, in a fresh store, for one polarity.
private func achievement(_ realisation: String, of target: String, negative: Bool = false,
                         scale: Scale = .standard) throws -> Evaluation {
    var loaded = Loaded()
    let diagnostics = try loaded.load("""
    code,period,value,target,polarity
    KSPER-2,2026-10,\(realisation),\(target),\(negative ? "negative" : "positive")
    """)
    #expect(diagnostics == [])
    let index = loaded.catalogue.indicators.firstIndex { $0.code == "KSPER-2" }!
    return loaded.store.evaluate(index, in: .month(2026, 10), catalogue: loaded.catalogue, scale: scale)
}

@Suite("Band edges: achievement rounded once to one decimal, categorised on that value")
struct BandEdgeTests {
    @Test("rounding: the division's binary noise goes (9.1 / 10 × 100 is 91, not 90.99999999999999), halves round away from zero")
    func rounding() {
        #expect(9.1 / 10 * 100 != 91)
        #expect(Achievement.rounded(9.1 / 10 * 100) == 91)
        #expect(Achievement.rounded(66.05) == 66.1)
        #expect(Achievement.rounded(66.04) == 66)
        #expect(Achievement.rounded(-0.05) == -0.1)
        #expect(Achievement.rounded(1234.5678) == 1234.6)
    }

    /// LKjIP (README): >= 91 Sangat Baik, >= 76 Baik, >= 66 Cukup, >= 51 Kurang, else Sangat Kurang.
    /// Each edge exactly, and a tenth below it; target 10.
    static let positiveEdges: [(String, Double, String)] = [
        ("9.1", 91, "Sangat Baik"), ("9.09", 90.9, "Baik"),
        ("7.6", 76, "Baik"), ("7.59", 75.9, "Cukup"),
        ("6.6", 66, "Cukup"), ("6.59", 65.9, "Kurang"),
        ("5.1", 51, "Kurang"), ("5.09", 50.9, "Sangat Kurang"),
    ]

    @Test("positive polarity: every band edge of the LKjIP scale, exactly and a tenth below", arguments: positiveEdges)
    func positive(_ edge: (String, Double, String)) throws {
        let e = try achievement(edge.0, of: "10")
        #expect(e.achievement == edge.1)
        #expect(e.category == edge.2)
    }

    /// Negative polarity: (2 - R/T) × 100; target 10, so R = 10.9 gives 91.
    static let negativeEdges: [(String, Double, String)] = [
        ("10.9", 91, "Sangat Baik"), ("10.91", 90.9, "Baik"),
        ("12.4", 76, "Baik"), ("12.41", 75.9, "Cukup"),
        ("13.4", 66, "Cukup"), ("13.41", 65.9, "Kurang"),
        ("14.9", 51, "Kurang"), ("14.91", 50.9, "Sangat Kurang"),
    ]

    @Test("negative polarity: every band edge of the LKjIP scale, exactly and a tenth below", arguments: negativeEdges)
    func negative(_ edge: (String, Double, String)) throws {
        let e = try achievement(edge.0, of: "10", negative: true)
        #expect(e.achievement == edge.1)
        #expect(e.category == edge.2)
    }
}
