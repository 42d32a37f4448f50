/// How capaian becomes what a report shows: capped or not, banded how, and (SKP) converted to a
/// score. Each follows a source, named in `source` and in README ("Rule sets"); where the source
/// is silent, `source` says what iki does instead.
public enum RuleSet: String, Sendable, CaseIterable {
    /// Uncapped; bands 91/76/66/51. The interval tables of local governments' LKjIP.
    case lkjip
    /// Each capaian capped at 100 before it is banded or averaged, as some e-SAKIP applications do.
    case capped100 = "capped-100"
    /// PermenPANRB 8/2021 (SKP): capaian uncapped, banded by the regulation's table for IKI and
    /// converted to a score (above 110% the score is 120).
    case skp2021 = "skp-2021"

    public static let `default` = RuleSet.lkjip

    /// Where the rule set comes from, for help and the report.
    public var source: String {
        switch self {
        case .lkjip:
            return "LKjIP interval tables (e.g. Inspektorat Kabupaten Sampang, LKjIP 2019): 91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, 51-65 Kurang, <= 50 Sangat Kurang; uncapped"
        case .capped100:
            return "e-SAKIP applications that cap each capaian at 100% before averaging; bands as lkjip"
        case .skp2021:
            return "PermenPANRB 8/2021, Bab VI (conversion of capaian IKI to a score; above 110% scores 120; worked example: 98% Cukup, 100% Baik)"
        }
    }

    /// The bands, highest first.
    public var scale: Scale {
        switch self {
        case .lkjip, .capped100: return .standard
        case .skp2021:
            return Scale(bands: [
                .init(minimum: 101, name: "Sangat Baik"), .init(minimum: 100, name: "Baik"), .init(minimum: 80, name: "Cukup"),
                .init(minimum: 60, name: "Kurang"), .init(minimum: -.infinity, name: "Sangat Kurang"),
            ])
        }
    }

    /// The capaian a report bands and averages: capped at 100 by `capped-100`.
    public func applied(_ achievement: Double) -> Double {
        self == .capped100 ? min(achievement, 100) : achievement
    }

    /// The score of a capaian (already rounded, already applied) and the row of the rule that
    /// gave it. Only `skp-2021` converts; the others score the capaian itself.
    public func score(_ c: Double) -> (score: Double, rule: String) {
        guard self == .skp2021 else { return (c, self == .capped100 && c == 100 ? "capped at 100" : "capaian") }
        // PermenPANRB 8/2021: the Cukup, Kurang and Sangat Kurang rows and "above 110%: 120".
        // The Baik and Sangat Baik rows were not in the pages read: iki scores Baik (100% up to
        // 101%) with the capaian itself, and 101%-110% from 110 to 120, continuing the pattern.
        let (score, rule): (Double, String)
        switch c {
        case 110.000001...: (score, rule) = (120, "> 110%: 120")
        case 101...: (score, rule) = (110 + (120 - 110) / (110 - 101) * (c - 101), "101-110%: 110 + (120-110)/(110-101) x (c - 101)")
        case 100...: (score, rule) = (c, "100%: the capaian")
        case 80...: (score, rule) = (70 + (89 - 70) / (99 - 80) * (c - 80), "80-99%: 70 + (89-70)/(99-80) x (c - 80)")
        case 60...: (score, rule) = (50 + (69 - 50) / (79 - 60) * (c - 60), "60-79%: 50 + (69-50)/(79-60) x (c - 60)")
        default: (score, rule) = (max(0, c / 59 * 49), "< 60%: c / 59 x 49")
        }
        return (Achievement.rounded(score), rule)
    }
}
