import Foundation

/// Whether an indicator's period could be evaluated, and if not why: a zero denominator with its
/// components reported is `tidak dapat dihitung`, a period before the indicator's first target
/// is `tidak berlaku`; neither is "not reported" and neither is zero. Only `reported` has an
/// achievement; the others are left out of averages (README, "Reporting states").
public enum ReportState: String, Sendable, CaseIterable {
    case reported = "reported"
    case notReported = "not-reported"
    /// Rows reported, but the denominator they add up to is zero.
    case notComputable = "not-computable"
    /// No row reported, and the period ends before the first month the indicator has a target
    /// for in that year: it starts later in the year.
    case notApplicable = "not-applicable"

    /// The words a screen shows, in the current language.
    public var message: Message {
        switch self {
        case .reported: return .stateReported
        case .notReported: return .stateNotReported
        case .notComputable: return .stateNotComputable
        case .notApplicable: return .stateNotApplicable
        }
    }

    /// A state from its code or its words in either language, as `where state = ...` takes it:
    /// `not-computable`, `not_computable`, `cannot be computed`, `tidak dapat dihitung`.
    public init?(word: String) {
        let w = word.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let state = Self.allCases.first(where: {
            $0.rawValue == w || $0.message.english.lowercased() == word.lowercased() || $0.message.indonesian.lowercased() == word.lowercased()
        }) else { return nil }
        self = state
    }
}
