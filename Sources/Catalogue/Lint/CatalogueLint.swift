/// A quality check of the catalogue itself, as SAKIP evaluations review it: each rule names its
/// source. Kemenkeu's SMART-C criteria (KMK 467/KMK.01/2014: Specific, Measurable, Agreed,
/// Realistic, Time-bound, Continuously improved) ask an indicator to measure a result, state how it
/// is computed and from what data; the SAKIP evaluation guide (PermenPANRB 88/2021) asks for
/// outcome indicators on outcome objectives and few, focused indicators per objective; PermenPANRB
/// 6/2022 ties each individual result to its superior's.
public enum CatalogueLint {
    public enum Rule: String, Sendable, CaseIterable {
        /// "Jumlah laporan yang disusun", "Tersusunnya ...": an output, where the objective speaks of an outcome.
        case outputWording = "output-wording"
        /// A ratio formula under "Jumlah ...", or a count under "Persentase ...".
        case kindMismatch = "kind-mismatch"
        case missingFormula = "missing-formula"
        case missingSource = "missing-source"
        /// More than three indicators on one objective of a position.
        case tooManyIndicators = "too-many-indicators"
        /// "Berkurangnya ...", "Menekan ..." while bigger is better.
        case negativeWording = "negative-wording"
        /// Two indicators with the same text in one position.
        case duplicateIndicator = "duplicate-indicator"
        /// A target stated in the formula ("sebanyak 125") with no unit.
        case targetWithoutUnit = "target-without-unit"

        public var severity: Diagnostic.Severity {
            switch self {
            case .kindMismatch, .missingFormula, .missingSource, .duplicateIndicator: return .error
            case .outputWording, .tooManyIndicators, .negativeWording, .targetWithoutUnit: return .warning
            }
        }
    }

    public struct Finding: Sendable, Equatable {
        public var rule: Rule
        public var location: SourceLocation
        public var indicator: Int
        public var reason: Message
    }

    public static func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for position in catalogue.positions {
            var seen: [String: Int] = [:]
            var perObjective: [String: [Int]] = [:]
            for i in position.indicatorIndices {
                let indicator = catalogue.indicators[i]
                func add(_ rule: Rule, _ reason: Message) { findings.append(Finding(rule: rule, location: indicator.location, indicator: i, reason: reason)) }
                let name = Text.collapse(indicator.name).lowercased(), objective = indicator.objective.lowercased()
                let outcome = ["meningkatnya", "menurunnya", "terwujudnya", "berkurangnya", "tercapainya"].contains { objective.contains($0) }
                let output = name.hasPrefix("tersusunnya") || name.hasPrefix("tersedianya")
                    || (name.hasPrefix("jumlah") && ["yang disusun", "yang dibuat", "yang diselesaikan"].contains { name.contains($0) })
                if outcome && output { add(.outputWording, .lintOutputWording(indicator.name)) }
                if indicator.kind == .ratio && name.hasPrefix("jumlah") { add(.kindMismatch, .lintRatioSaysJumlah) }
                if indicator.kind == .count && (name.hasPrefix("persentase") || name.hasPrefix("presentase")) { add(.kindMismatch, .lintCountSaysPersentase) }
                if Text.collapse(indicator.formula.text).isEmpty { add(.missingFormula, .lintMissingFormula) }
                if Text.collapse(indicator.source).isEmpty { add(.missingSource, .lintMissingSource) }
                if indicator.polarity == .positive, let word = ["berkurangnya", "menurunnya", "menekan", "penurunan"].first(where: { name.contains($0) }) {
                    add(.negativeWording, .lintNegativeWording(word))
                }
                if let first = seen[name] {
                    add(.duplicateIndicator, .lintDuplicateIndicator(catalogue.indicators[first].code))
                } else {
                    seen[name] = i
                }
                if indicator.formula.yearlyTarget != nil && (indicator.formula.targetUnit ?? "").isEmpty { add(.targetWithoutUnit, .lintTargetWithoutUnit) }
                perObjective[Text.collapse(objective), default: []].append(i)
            }
            for (_, indices) in perObjective where indices.count > 3 {
                let first = catalogue.indicators[indices[0]]
                findings.append(Finding(rule: .tooManyIndicators, location: first.location, indicator: indices[0],
                                        reason: .lintTooManyIndicators(indices.count)))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }
}
