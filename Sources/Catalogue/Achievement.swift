import Foundation

/// The category (predikat) bands for achievement, highest first.
public struct Scale: Sendable, Equatable {
    public struct Band: Sendable, Equatable {
        public var minimum: Double
        public var name: String
    }
    public var bands: [Band]

    /// >= 91 Sangat Baik, >= 76 Baik, >= 66 Cukup, >= 51 Kurang, otherwise Sangat Kurang.
    public static let standard = Scale(bands: [
        Band(minimum: 91, name: "Sangat Baik"), Band(minimum: 76, name: "Baik"), Band(minimum: 66, name: "Cukup"),
        Band(minimum: 51, name: "Kurang"), Band(minimum: -.infinity, name: "Sangat Kurang"),
    ])

    /// Reads `91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang`; the lowest band also
    /// takes everything below it.
    public init?(parsing text: String) {
        var bands: [Band] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, let minimum = Double(pieces[0].trimmingCharacters(in: .whitespaces)),
                  case let name = pieces[1].trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            bands.append(Band(minimum: minimum, name: name))
        }
        guard !bands.isEmpty else { return nil }
        bands.sort { $0.minimum > $1.minimum }
        bands[bands.count - 1].minimum = -.infinity
        self.init(bands: bands)
    }

    public init(bands: [Band]) { self.bands = bands }

    public func category(_ achievement: Double) -> String {
        bands.first { achievement >= $0.minimum }?.name ?? bands.last!.name
    }
}

/// Where a period's target came from.
public enum TargetSource: Sendable, Equatable, CustomStringConvertible {
    /// Given for exactly this period.
    case period(Period)
    /// The yearly target of a file (its row for the year), scaled by `months`/12 when `scaled`.
    case yearFile(Int, scaledMonths: Int?)
    /// Stated in the catalogue's formula text (`sebanyak 125 KUMKM`).
    case catalogue(scaledMonths: Int?)

    public var description: String {
        func scale(_ m: Int?) -> String { m.map { $0 == 12 ? "" : " × \($0)/12" } ?? "" }
        switch self {
        case .period(let p): return "\(p)"
        case .yearFile(let y, let m): return "\(y)" + scale(m)
        case .catalogue(let m): return "catalogue" + scale(m)
        }
    }
}

/// Realisation, target and achievement of one indicator in one period; nil where an input is
/// missing or a division would be by zero, never inf or NaN.
public struct Evaluation: Sendable, Equatable {
    public var realisation: Double?
    public var target: Double?
    public var targetSource: TargetSource?
    public var achievement: Double?
    public var category: String?
    /// How many reported rows made the realisation.
    public var rows: Int

    public init(realisation: Double? = nil, target: Double? = nil, targetSource: TargetSource? = nil,
                achievement: Double? = nil, category: String? = nil, rows: Int = 0) {
        self.realisation = realisation
        self.target = target
        self.targetSource = targetSource
        self.achievement = achievement
        self.category = category
        self.rows = rows
    }
}

extension RealisationStore {
    /// Evaluates indicator `index` over period `period`, the way Indonesian performance reports do:
    /// realisation from the rows inside the period, target for exactly the period or else the
    /// yearly one (scaled for summed counts), achievement = realisation / target x 100 (or
    /// (2 - realisation / target) x 100 when smaller is better).
    public func evaluate(_ index: Int, in period: Period, catalogue: Catalogue, scale: Scale = .standard) -> Evaluation {
        // Fields read in place: copying the Indicator would retain and release all its Strings.
        let kind = catalogue.indicators[index].formula.kind
        let polarity = catalogue.indicators[index].polarity
        let statedTarget = catalogue.indicators[index].formula.yearlyTarget
        let rowIndices = byIndicator[index]
        let consolidation = catalogue.indicators[index].consolidation ?? .sum

        // Reported rows inside the period; a row inside another reported row's period is
        // superseded by it (a quarter's report covers its months), so nothing counts twice.
        var inside: [Realisation] = []
        for i in rowIndices where rows[i].isReported && period.contains(rows[i].period) { inside.append(rows[i]) }
        let used = inside.filter { row in !inside.contains { $0.period != row.period && $0.period.contains(row.period) } }

        var realisation: Double?
        if !used.isEmpty {
            switch (kind, consolidation) {
            case (_, .last):
                realisation = used.max { $0.period < $1.period }!.percentageOrValue
            case (.count, .sum):
                realisation = used.reduce(0) { $0 + ($1.value ?? 0) }
            case (.ratio, .sum) where used.allSatisfy({ $0.numerator != nil && $0.denominator != nil }):
                let d = used.reduce(0) { $0 + $1.denominator! }
                realisation = d == 0 ? nil : used.reduce(0) { $0 + $1.numerator! } / d * 100
            default:
                let values = used.compactMap(\.percentageOrValue)
                realisation = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
        }

        var target: Double?
        var source: TargetSource?
        if let exact = rowIndices.first(where: { rows[$0].period == period && rows[$0].target != nil }) {
            target = rows[exact].target
            source = .period(period)
        } else {
            let scaled = kind == .count && consolidation == .sum
            let factor = scaled ? Double(period.months) / 12 : 1
            let months = scaled ? period.months : nil
            let year = Period.year(period.year)
            if let yearly = rowIndices.first(where: { rows[$0].period == year && rows[$0].target != nil }) {
                target = rows[yearly].target! * factor
                source = .yearFile(period.year, scaledMonths: months)
            } else if let stated = statedTarget {
                target = stated * factor
                source = .catalogue(scaledMonths: months)
            }
        }

        var achievement: Double?
        if let r = realisation, let t = target, t != 0 {
            let ratio = r / t
            achievement = polarity == .positive ? ratio * 100 : (2 - ratio) * 100
            if !(achievement!.isFinite) { achievement = nil }
        }
        return Evaluation(realisation: realisation, target: target, targetSource: source, achievement: achievement,
                          category: achievement.map(scale.category), rows: used.count)
    }
}
