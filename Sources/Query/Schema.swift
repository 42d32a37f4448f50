import Catalogue

/// What a query runs against, and what it computes once per statement: the period and the
/// evaluations of every indicator for it (built on first use, then read by index).
public final class Context {
    public let dataset: Dataset
    public let period: Period?
    private var evaluations: [Evaluation]?
    private var pairEvaluations: [Int: Evaluation] = [:]
    lazy var realisationPairs: [(indicator: Int, period: Period)] = {
        struct Key: Hashable { var indicator: Int; var period: Period }
        var seen = Set<Key>()
        var pairs: [(Int, Period)] = []
        // Rows that report, or say explicitly that nothing was reported; not target-only rows.
        for row in dataset.realisations.rows where (row.isReported || row.target == nil) && (period.map({ $0.contains(row.period) }) ?? true) {
            if seen.insert(Key(indicator: row.indicator, period: row.period)).inserted { pairs.append((row.indicator, row.period)) }
        }
        return pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }()
    lazy var objectives: [(position: Int, name: String, indicators: [Int])] = {
        var result: [(Int, String, [Int])] = []
        for (p, position) in dataset.catalogue.positions.enumerated() {
            for i in position.indicatorIndices {
                let name = dataset.catalogue.indicators[i].objective
                if let last = result.last, last.0 == p, last.1 == name { result[result.count - 1].2.append(i) } else { result.append((p, name, [i])) }
            }
        }
        return result
    }()
    /// Positions of each unit, its sub-units included.
    lazy var unitPositionCounts: [Int] = {
        let org = dataset.catalogue.organisation
        var counts = Array(repeating: 0, count: org.units.count)
        for position in dataset.catalogue.positions {
            var unit = position.unit
            var steps = 0
            while let u = unit, steps <= org.units.count {
                counts[u] += 1
                unit = org.units[u].parent
                steps += 1
            }
        }
        return counts
    }()
    /// Indicators of each unit, its sub-units included.
    lazy var unitIndicators: [[Int]] = {
        let org = dataset.catalogue.organisation
        var result = Array(repeating: [Int](), count: org.units.count)
        for (i, indicator) in dataset.catalogue.indicators.enumerated() {
            var unit = dataset.catalogue.positions[indicator.positionIndex].unit
            var steps = 0
            while let u = unit, steps <= org.units.count {
                result[u].append(i)
                unit = org.units[u].parent
                steps += 1
            }
        }
        return result
    }()

    let cache: EvaluationCache?

    public init(dataset: Dataset, period: Period?, cache: EvaluationCache? = nil) {
        self.dataset = dataset
        self.period = period
        self.cache = cache
    }

    /// Every indicator evaluated for a period: from the cache shared by a session's statements
    /// when there is one, so a second statement over the same period does not evaluate again.
    func evaluateAll(_ period: Period) -> [Evaluation] {
        if let cached = cache?.evaluations[period] { return cached }
        let all = dataset.catalogue.indicators.indices.map { dataset.evaluate($0, in: period) }
        cache?.evaluations[period] = all
        return all
    }

    func evaluation(_ indicator: Int) -> Evaluation {
        if evaluations == nil {
            guard let period else {
                evaluations = Array(repeating: Evaluation(rows: 0), count: dataset.catalogue.indicators.count)
                return evaluations![indicator]
            }
            evaluations = evaluateAll(period)
        }
        return evaluations![indicator]
    }

    private var previousEvaluations: [Evaluation]?
    private var previousPairEvaluations: [Int: Evaluation] = [:]

    /// The evaluation for the period before (same length): for change against last month.
    func previousEvaluation(_ indicator: Int) -> Evaluation {
        if previousEvaluations == nil {
            guard let period else { return Evaluation() }
            let previous = period.previous
            previousEvaluations = evaluateAll(previous)
        }
        return previousEvaluations![indicator]
    }

    func previousEvaluation(pair: Int) -> Evaluation {
        if let cached = previousPairEvaluations[pair] { return cached }
        let (indicator, period) = realisationPairs[pair]
        let e = dataset.evaluate(indicator, in: period.previous)
        previousPairEvaluations[pair] = e
        return e
    }

    func evaluation(pair: Int) -> Evaluation {
        if let cached = pairEvaluations[pair] { return cached }
        let (indicator, period) = realisationPairs[pair]
        let e = dataset.evaluate(indicator, in: period)
        pairEvaluations[pair] = e
        return e
    }

    func meanAchievement(_ indicators: [Int]) -> Value {
        let values = indicators.compactMap { evaluation($0).achievement }
        return values.isEmpty ? .missing : .number(values.reduce(0, +) / Double(values.count))
    }
}


/// Evaluations per period, shared by the statements of one interpreter over unchanged data.
public final class EvaluationCache {
    var evaluations: [Period: [Evaluation]] = [:]
    public init() {}
}

/// A field of a thing: its name, type, meaning (for `describe`) and how to read it from row `i`.
public struct Field {
    public var name: String
    public var type: ValueType
    public var meaning: String
    /// For unit-typed fields: the unit id of row `i` (compared by id, shown by short name).
    var unitOf: ((Context, Int) -> Int?)?
    /// For unit-typed fields: the kinds of unit its values can be (bidang: bidang-level only).
    var unitKinds: Set<UnitKind>?
    var get: (Context, Int) -> Value
}

/// The fields of each thing, and how many rows it has.
public enum Schema {
    public static let defaultColumns: [Thing: [String]] = [
        .indicators: ["code", "position", "indicator", "target", "realisation", "achievement", "category"],
        .realisations: ["code", "period", "target", "realisation", "achievement", "category"],
        .positions: ["code", "position", "unit", "bidang", "indicators", "achievement"],
        .units: ["unit", "kind", "bidang", "positions", "indicators", "achievement"],
        .objectives: ["objective", "position", "bidang", "indicators", "achievement"],
    ]

    static func rowCount(_ thing: Thing, _ context: Context) -> Int {
        switch thing {
        case .indicators: return context.dataset.catalogue.indicators.count
        case .realisations: return context.realisationPairs.count
        case .positions: return context.dataset.catalogue.positions.count
        case .units: return context.dataset.catalogue.organisation.units.count
        case .objectives: return context.objectives.count
        }
    }

    public static func fields(_ thing: Thing) -> [Field] {
        switch thing {
        case .indicators:
            return indicatorFields(indicator: { _, i in i }, evaluation: { c, i in c.evaluation(i) },
                                   previous: { c, i in c.previousEvaluation(i) }, period: { c, _ in c.period })
        case .realisations:
            var fields = indicatorFields(indicator: { c, r in c.realisationPairs[r].indicator },
                                         evaluation: { c, r in c.evaluation(pair: r) },
                                         previous: { c, r in c.previousEvaluation(pair: r) },
                                         period: { c, r in c.realisationPairs[r].period })
            fields.append(Field(name: "value", type: .number, meaning: "the value reported for exactly this period (counts)") { c, r in
                row(c, r)?.value.map(Value.number) ?? .missing
            })
            fields.append(Field(name: "note", type: .text, meaning: "the note reported with the row") { c, r in
                row(c, r).map { .text($0.note) } ?? .missing
            })
            return fields
        case .positions:
            return positionFields()
        case .units:
            return unitFields()
        case .objectives:
            return objectiveFields()
        }
    }

    static func row(_ c: Context, _ r: Int) -> Realisation? {
        let (indicator, period) = c.realisationPairs[r]
        return c.dataset.realisations.byIndicator[indicator].lazy.map { c.dataset.realisations.rows[$0] }.first { $0.period == period }
    }

    static func text(_ s: String?) -> Value { s.map(Value.text) ?? .missing }

    /// The office and region of a row, from its office's signature block.
    static func officeFields(_ officeOf: @escaping (Context, Int) -> Int) -> [Field] {
        [
            Field(name: "office", type: .text, meaning: "the office (dinas), from its catalogue's signature block") { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.office)
            },
            Field(name: "region", type: .text, meaning: "the region of the office (kabupaten, kota or provinsi)") { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.region)
            },
        ]
    }
    static func number(_ d: Double?) -> Value { d.map(Value.number) ?? .missing }

    static func unitFields<Row>(unitOf: @escaping (Context, Row) -> Int?, row: @escaping (Context, Int) -> Row) -> [Field] {
        func unit(_ name: String, _ meaning: String, _ kinds: Set<UnitKind>? = nil, _ pick: @escaping (Catalogue, Int) -> Int?) -> Field {
            let unitOf: (Context, Int) -> Int? = { c, i in unitOf(c, row(c, i)).flatMap { pick(c.dataset.catalogue, $0) } }
            return Field(name: name, type: .unit, meaning: meaning, unitOf: unitOf, unitKinds: kinds) { c, i in
                unitOf(c, i).map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            }
        }
        return [
            unit("unit", "the unit the position belongs to (short name; compares by the unit matching rule)") { _, u in u },
            unit("seksi", "the seksi or sub bagian, when the position belongs to one", [.seksi, .subBagian]) { cat, u in
                let kind = cat.organisation.units[u].kind
                return kind == .seksi || kind == .subBagian ? u : nil
            },
            unit("bidang", "the bidang-level unit: Sekretariat, a bidang or a UPT", [.sekretariat, .bidang, .upt]) { cat, u in cat.organisation.bidangLevel(of: u) },
        ]
    }

    static func indicatorFields(indicator: @escaping (Context, Int) -> Int, evaluation: @escaping (Context, Int) -> Evaluation,
                                previous: @escaping (Context, Int) -> Evaluation,
                                period: @escaping (Context, Int) -> Period?) -> [Field] {
        func ind(_ c: Context, _ r: Int) -> Indicator { c.dataset.catalogue.indicators[indicator(c, r)] }
        func pos(_ c: Context, _ r: Int) -> Position { c.dataset.catalogue.positions[ind(c, r).positionIndex] }
        var fields = [
            Field(name: "code", type: .text, meaning: "the indicator's code, e.g. SDIN-1") { c, r in .text(ind(c, r).code) },
            Field(name: "indicator", type: .text, meaning: "the indicator's name (indikator kinerja)") { c, r in .text(ind(c, r).name) },
            Field(name: "position", type: .text, meaning: "the position (jabatan) it belongs to") { c, r in .text(pos(c, r).title) },
        ]
        fields += unitFields(unitOf: { c, p in p.unit }, row: pos)
        fields += officeFields { c, r in pos(c, r).office }
        fields += [
            Field(name: "objective", type: .text, meaning: "the strategic objective (sasaran strategis) it measures") { c, r in .text(ind(c, r).objective) },
            Field(name: "kind", type: .text, meaning: "ratio (numerator / denominator x 100%) or count") { c, r in .text(ind(c, r).kind.rawValue) },
            Field(name: "numerator", type: .text, meaning: "what a ratio counts above the line") { c, r in text(ind(c, r).formula.numerator) },
            Field(name: "denominator", type: .text, meaning: "what a ratio counts below the line") { c, r in text(ind(c, r).formula.denominator) },
            Field(name: "formula", type: .text, meaning: "the formula as plain text") { c, r in .text(ind(c, r).formula.text) },
            Field(name: "source", type: .text, meaning: "the data source (sumber data)") { c, r in .text(ind(c, r).source) },
            Field(name: "target_unit", type: .text, meaning: "the unit of a count target stated in the catalogue, e.g. KUMKM") { c, r in text(ind(c, r).formula.targetUnit) },
            Field(name: "polarity", type: .text, meaning: "positive (bigger is better) or negative") { c, r in .text(ind(c, r).polarity.rawValue) },
            Field(name: "consolidation", type: .text, meaning: "how rows inside a period combine: sum, average or last") { c, r in
                .text((ind(c, r).consolidation ?? .sum).rawValue)
            },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, r in period(c, r).map(Value.period) ?? .missing },
            Field(name: "target", type: .number, meaning: "the target for the period (percent for ratios)") { c, r in number(evaluation(c, r).target) },
            Field(name: "target_source", type: .text, meaning: "where the target came from: the period, the year (scaled) or the catalogue") { c, r in
                text(evaluation(c, r).targetSource?.description)
            },
            Field(name: "realisation", type: .number, meaning: "what was achieved in the period (percent for ratios)") { c, r in number(evaluation(c, r).realisation) },
            Field(name: "achievement", type: .percent, meaning: "capaian: realisation / target x 100 (or 2 - r/t for negative polarity)") { c, r in
                number(evaluation(c, r).achievement)
            },
            Field(name: "category", type: .text, meaning: "predikat from the achievement: Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang") { c, r in
                text(evaluation(c, r).category)
            },
            Field(name: "reports", type: .number, meaning: "how many reported rows make the realisation") { c, r in .number(Double(evaluation(c, r).rows)) },
            Field(name: "previous_achievement", type: .percent, meaning: "achievement in the period before, of the same length (last month for a month)") { c, r in
                number(previous(c, r).achievement)
            },
            Field(name: "change", type: .percent, meaning: "achievement minus previous_achievement, in percentage points") { c, r in
                guard let now = evaluation(c, r).achievement, let before = previous(c, r).achievement else { return .missing }
                return .number(now - before)
            },
        ]
        return fields
    }

    static func positionFields() -> [Field] {
        func pos(_ c: Context, _ i: Int) -> Position { c.dataset.catalogue.positions[i] }
        var fields = [
            Field(name: "code", type: .text, meaning: "the position's code, which its indicator codes start with") { c, i in .text(pos(c, i).code) },
            Field(name: "position", type: .text, meaning: "the title (jabatan)") { c, i in .text(pos(c, i).title) },
        ]
        fields += unitFields(unitOf: { c, p in p.unit }, row: pos)
        fields += officeFields { c, i in pos(c, i).office }
        fields += [
            Field(name: "superior", type: .text, meaning: "who gives it other tasks, as its task text says") { c, i in text(pos(c, i).superiorText) },
            Field(name: "tasks", type: .number, meaning: "number of tasks (tugas)") { c, i in .number(Double(pos(c, i).tasks.count)) },
            Field(name: "functions", type: .number, meaning: "number of functions (fungsi)") { c, i in .number(Double(pos(c, i).functions.count)) },
            Field(name: "indicators", type: .number, meaning: "number of indicators") { c, i in .number(Double(pos(c, i).indicatorIndices.count)) },
            Field(name: "reported", type: .number, meaning: "how many of its indicators have a realisation in the period") { c, i in
                .number(Double(pos(c, i).indicatorIndices.filter { c.evaluation($0).realisation != nil }.count))
            },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of its indicators in the period") { c, i in
                c.meanAchievement(pos(c, i).indicatorIndices)
            },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
        return fields
    }

    static func unitFields() -> [Field] {
        func unit(_ c: Context, _ i: Int) -> Unit { c.dataset.catalogue.organisation.units[i] }
        return [
            Field(name: "unit", type: .unit, meaning: "the unit's short name", unitOf: { _, i in i }) { c, i in .text(unit(c, i).shortName) },
            Field(name: "name", type: .text, meaning: "the unit's full name") { c, i in .text(unit(c, i).fullName) },
            Field(name: "kind", type: .text, meaning: "sekretariat, bidang, seksi, sub bagian or upt") { c, i in .text(unit(c, i).kind.rawValue) },
            Field(name: "parent", type: .unit, meaning: "the unit above it", unitOf: { c, i in unit(c, i).parent }) { c, i in
                unit(c, i).parent.map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            },
            Field(name: "bidang", type: .unit, meaning: "the bidang-level unit it belongs to", unitOf: { c, i in c.dataset.catalogue.organisation.bidangLevel(of: i) },
                  unitKinds: [.sekretariat, .bidang, .upt]) { c, i in
                c.dataset.catalogue.organisation.bidangLevel(of: i).map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            },
        ] + officeFields { c, i in unit(c, i).office } + [
            Field(name: "positions", type: .number, meaning: "number of positions in it (sub-units included)") { c, i in
                .number(Double(c.unitPositionCounts[i]))
            },
            Field(name: "indicators", type: .number, meaning: "number of indicators of its positions (sub-units included)") { c, i in .number(Double(c.unitIndicators[i].count)) },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of those indicators in the period") { c, i in c.meanAchievement(c.unitIndicators[i]) },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
    }

    static func objectiveFields() -> [Field] {
        func pos(_ c: Context, _ i: Int) -> Position { c.dataset.catalogue.positions[c.objectives[i].position] }
        var fields = [
            Field(name: "objective", type: .text, meaning: "the strategic objective (sasaran strategis)") { c, i in .text(c.objectives[i].name) },
            Field(name: "position", type: .text, meaning: "the position whose table states it") { c, i in .text(pos(c, i).title) },
        ]
        fields += unitFields(unitOf: { c, p in p.unit }, row: pos)
        fields += officeFields { c, i in pos(c, i).office }
        fields += [
            Field(name: "indicators", type: .number, meaning: "number of indicators measuring it") { c, i in .number(Double(c.objectives[i].indicators.count)) },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of those indicators in the period") { c, i in c.meanAchievement(c.objectives[i].indicators) },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
        return fields
    }
}
