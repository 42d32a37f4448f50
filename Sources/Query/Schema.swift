import Catalogue
import Dispatch
import class Foundation.ProcessInfo

/// What a query runs against, and what it computes once per statement: the period and the
/// evaluations of every indicator for it (built on first use, then read by index).
public final class Context {
    public let dataset: Dataset
    public let period: Period?
    private var evaluations: [Evaluation] = []
    private var evaluated = false
    private var pairEvaluations: [Int: Evaluation] = [:]
    lazy var realisationPairs: [(indicator: Int, period: Period)] = {
        struct Key: Hashable { var indicator: Int; var period: Period }
        var seen = Set<Key>()
        var pairs: [(Int, Period)] = []
        // Rows that report, or say explicitly that nothing was reported; not target-only rows.
        dataset.realisations.forEachRow { indicator, rowPeriod, isReported, hasTarget in
            guard (isReported || !hasTarget) && (period.map({ $0.contains(rowPeriod) }) ?? true) else { return }
            if seen.insert(Key(indicator: indicator, period: rowPeriod)).inserted { pairs.append((indicator, rowPeriod)) }
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
    let columns: Columns

    public init(dataset: Dataset, period: Period?, cache: EvaluationCache? = nil) {
        self.dataset = dataset
        self.period = period
        self.cache = cache
        if let columns = cache?.columns {
            self.columns = columns
        } else {
            columns = Columns(dataset.catalogue)
            cache?.columns = columns
        }
    }

    /// Every indicator evaluated for a period: from the cache shared by a session's statements
    /// when there is one, so a second statement over the same period does not evaluate again.
    func evaluateAll(_ period: Period) -> [Evaluation] {
        if let cached = cache?.evaluations[period] { return cached }
        let all = Context.evaluateAll(dataset, period)
        cache?.evaluations[period] = all
        return all
    }

    /// Indicators are independent, so big catalogues are split between the processors; below a
    /// few thousand indicators starting threads would cost more than it saves.
    static func evaluateAll(_ dataset: Dataset, _ period: Period, chunkSize: Int = 2048) -> [Evaluation] {
        let count = dataset.catalogue.indicators.count
        let chunks = count < 4 * chunkSize ? 1 : min(ProcessInfo.processInfo.activeProcessorCount * 4, count / chunkSize)
        return [Evaluation](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            @Sendable func evaluate(_ range: Range<Int>) {
                dataset.realisations.evaluate(range, in: period, catalogue: dataset.catalogue, scale: dataset.scale,
                                              into: UnsafeMutableBufferPointer(rebasing: out[range]))
            }
            if chunks == 1 {
                evaluate(0..<count)
            } else {
                // Each chunk writes its own range of the buffer.
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in evaluate((count * chunk / chunks)..<(count * (chunk + 1) / chunks)) }
            }
            initialized = count
        }
    }

    func evaluation(_ indicator: Int) -> Evaluation {
        evaluate()
        return evaluations[indicator]
    }

    /// An indicator's achievement, read in place: most queries filter, sort or average it, and a
    /// copy of the whole Evaluation would retain and release its strings.
    func achievement(_ indicator: Int) -> Double? {
        evaluate()
        return evaluations[indicator].achievement
    }

    private func evaluate() {
        guard !evaluated else { return }
        evaluated = true
        guard let period else {
            evaluations = Array(repeating: Evaluation(rows: 0), count: dataset.catalogue.indicators.count)
            return
        }
        evaluations = evaluateAll(period)
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


/// Ids for `Field.groupID`, from a table of names per office or unit made once per statement.
struct GroupID {
    var count: (Context) -> Int
    /// The ids by indicator, when the row is an indicator: read directly, without a call per row.
    var column: ((Context) -> [Int32]?)? = nil
    var id: (Context, Int) -> Int
}

/// Names numbered as grouping compares them: case-insensitively; nil is -1.
func nameIDs(_ names: [String?]) -> (ids: [Int], count: Int) {
    var numbers: [String: Int] = [:]
    let ids = names.map { name -> Int in
        guard let key = name?.lowercased() else { return -1 }
        if let id = numbers[key] { return id }
        numbers[key] = numbers.count
        return numbers.count - 1
    }
    return (ids, numbers.count)
}

/// Evaluations per period and the catalogue's columns, shared by the statements of one
/// interpreter over unchanged data.
public final class EvaluationCache {
    var evaluations: [Period: [Evaluation]] = [:]
    var columns: Columns?
    public init() {}
}

/// Columns that fields read on every row, made once per dataset: a row's position, unit or
/// bidang is an array read, not a copy of its Indicator or Position (which would retain and
/// release all its Strings) or a walk up the organisation; names that group are numbered.
/// Constants, so reading them from a row's closure takes no reference counting.
final class Columns {
    let indicatorPositions: [Int]
    let bidangOfUnit: [Int?]
    let officeNames: (ids: [Int], count: Int)
    let regionNames: (ids: [Int], count: Int)
    let unitNames: (ids: [Int], count: Int)
    /// Per indicator, the group ids of its office, region and units (-1 for none), so grouping
    /// indicators reads one array per key.
    let indicatorGroupIDs: [String: [Int32]]

    init(_ catalogue: Catalogue) {
        let indicators = catalogue.indicators
        indicatorPositions = indicators.indices.map { indicators[$0].positionIndex }
        let organisation = catalogue.organisation
        bidangOfUnit = organisation.units.indices.map(organisation.bidangLevel(of:))
        officeNames = nameIDs(catalogue.offices.map(\.metadata.office))
        regionNames = nameIDs(catalogue.offices.map(\.metadata.region))
        unitNames = nameIDs(organisation.units.map(\.shortName))
        let (unitNames, bidangOfUnit, officeNames, regionNames) = (unitNames, bidangOfUnit, officeNames, regionNames)
        var office = [Int32](), region = [Int32](), unit = [Int32](), seksi = [Int32](), bidang = [Int32]()
        for i in indicators.indices {
            let p = indicatorPositions[i]
            office.append(Int32(officeNames.ids[catalogue.positions[p].office]))
            region.append(Int32(regionNames.ids[catalogue.positions[p].office]))
            let u = catalogue.positions[p].unit
            unit.append(Int32(u.map { unitNames.ids[$0] } ?? -1))
            let isSeksi = u.map { organisation.units[$0].kind == .seksi || organisation.units[$0].kind == .subBagian } ?? false
            seksi.append(Int32(isSeksi ? unitNames.ids[u!] : -1))
            bidang.append(Int32(u.flatMap { bidangOfUnit[$0] }.map { unitNames.ids[$0] } ?? -1))
        }
        indicatorGroupIDs = ["office": office, "region": region, "unit": unit, "seksi": seksi, "bidang": bidang]
    }
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
    /// For fields that group often (office, region, units): row `i`'s value as an id, equal
    /// exactly when the values group together (case-insensitively), -1 when missing; so grouping
    /// hashes integers rather than text. `count` bounds the ids.
    var groupID: GroupID?
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
            return indicatorFields(rowsAreIndicators: true, indicator: { _, i in i }, evaluation: { c, i in c.evaluation(i) }, achievement: { c, i in c.achievement(i) },
                                   previous: { c, i in c.previousEvaluation(i) }, period: { c, _ in c.period })
        case .realisations:
            var fields = indicatorFields(rowsAreIndicators: false, indicator: { c, r in c.realisationPairs[r].indicator },
                                         evaluation: { c, r in c.evaluation(pair: r) },
                                         achievement: { c, r in c.evaluation(pair: r).achievement },
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
        return c.dataset.realisations.row(of: indicator, period: period)
    }

    static func text(_ s: String?) -> Value { s.map(Value.text) ?? .missing }

    /// The office and region of a row, from its office's signature block.
    static func officeFields(_ officeOf: @escaping (Context, Int) -> Int) -> [Field] {
        [
            Field(name: "office", type: .text, meaning: "the office (dinas), from its catalogue's signature block",
                  groupID: GroupID(count: { $0.columns.officeNames.count }, id: { c, i in c.columns.officeNames.ids[officeOf(c, i)] })) { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.office)
            },
            Field(name: "region", type: .text, meaning: "the region of the office (kabupaten, kota or provinsi)",
                  groupID: GroupID(count: { $0.columns.regionNames.count }, id: { c, i in c.columns.regionNames.ids[officeOf(c, i)] })) { c, i in
                text(c.dataset.catalogue.offices[officeOf(c, i)].metadata.region)
            },
        ]
    }
    static func number(_ d: Double?) -> Value { d.map(Value.number) ?? .missing }

    /// unit, seksi and bidang of a row, from the index of its position.
    static func unitFields(position: @escaping (Context, Int) -> Int) -> [Field] {
        func unit(_ name: String, _ meaning: String, _ kinds: Set<UnitKind>? = nil, _ pick: @escaping (Context, Int) -> Int?) -> Field {
            let unitOf: (Context, Int) -> Int? = { c, i in c.dataset.catalogue.positions[position(c, i)].unit.flatMap { pick(c, $0) } }
            let groupID = GroupID(count: { $0.columns.unitNames.count }, id: { c, i in unitOf(c, i).map { c.columns.unitNames.ids[$0] } ?? -1 })
            return Field(name: name, type: .unit, meaning: meaning, unitOf: unitOf, unitKinds: kinds, groupID: groupID) { c, i in
                unitOf(c, i).map { .text(c.dataset.catalogue.organisation.units[$0].shortName) } ?? .missing
            }
        }
        return [
            unit("unit", "the unit the position belongs to (short name; compares by the unit matching rule)") { _, u in u },
            unit("seksi", "the seksi or sub bagian, when the position belongs to one", [.seksi, .subBagian]) { c, u in
                let kind = c.dataset.catalogue.organisation.units[u].kind
                return kind == .seksi || kind == .subBagian ? u : nil
            },
            unit("bidang", "the bidang-level unit: Sekretariat, a bidang or a UPT", [.sekretariat, .bidang, .upt]) { c, u in c.columns.bidangOfUnit[u] },
        ]
    }

    static func indicatorFields(rowsAreIndicators: Bool, indicator: @escaping (Context, Int) -> Int, evaluation: @escaping (Context, Int) -> Evaluation,
                                achievement: @escaping (Context, Int) -> Double?,
                                previous: @escaping (Context, Int) -> Evaluation,
                                period: @escaping (Context, Int) -> Period?) -> [Field] {
        // Fields are read in place (`indicators[i].code`): a copy of the Indicator would retain
        // and release every String it holds, on every row.
        func ind(_ c: Context, _ r: Int) -> Int { indicator(c, r) }
        func pos(_ c: Context, _ r: Int) -> Int { c.columns.indicatorPositions[indicator(c, r)] }
        var fields = [
            Field(name: "code", type: .text, meaning: "the indicator's code, e.g. SDIN-1") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].code) },
            Field(name: "indicator", type: .text, meaning: "the indicator's name (indikator kinerja)") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].name) },
            Field(name: "position", type: .text, meaning: "the position (jabatan) it belongs to") { c, r in .text(c.dataset.catalogue.positions[pos(c, r)].title) },
        ]
        fields += unitFields(position: pos)
        fields += officeFields { c, r in c.dataset.catalogue.positions[pos(c, r)].office }
        for k in fields.indices where fields[k].groupID != nil {
            let name = fields[k].name, count = fields[k].groupID!.count
            fields[k].groupID = GroupID(count: count, column: rowsAreIndicators ? { c in c.columns.indicatorGroupIDs[name] } : nil,
                                        id: { c, r in Int(c.columns.indicatorGroupIDs[name]![ind(c, r)]) })
        }
        fields += [
            Field(name: "objective", type: .text, meaning: "the strategic objective (sasaran strategis) it measures") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].objective) },
            Field(name: "kind", type: .text, meaning: "ratio (numerator / denominator x 100%) or count") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].kind.rawValue) },
            Field(name: "numerator", type: .text, meaning: "what a ratio counts above the line") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.numerator) },
            Field(name: "denominator", type: .text, meaning: "what a ratio counts below the line") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.denominator) },
            Field(name: "formula", type: .text, meaning: "the formula as plain text") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].formula.text) },
            Field(name: "source", type: .text, meaning: "the data source (sumber data)") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].source) },
            Field(name: "target_unit", type: .text, meaning: "the unit of a count target stated in the catalogue, e.g. KUMKM") { c, r in text(c.dataset.catalogue.indicators[ind(c, r)].formula.targetUnit) },
            Field(name: "polarity", type: .text, meaning: "positive (bigger is better) or negative") { c, r in .text(c.dataset.catalogue.indicators[ind(c, r)].polarity.rawValue) },
            Field(name: "consolidation", type: .text, meaning: "how rows inside a period combine: sum, average or last") { c, r in
                .text((c.dataset.catalogue.indicators[ind(c, r)].consolidation ?? .sum).rawValue)
            },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, r in period(c, r).map(Value.period) ?? .missing },
            Field(name: "target", type: .number, meaning: "the target for the period (percent for ratios)") { c, r in number(evaluation(c, r).target) },
            Field(name: "target_source", type: .text, meaning: "where the target came from: the period, the year (scaled) or the catalogue") { c, r in
                text(evaluation(c, r).targetSource?.description)
            },
            Field(name: "realisation", type: .number, meaning: "what was achieved in the period (percent for ratios)") { c, r in number(evaluation(c, r).realisation) },
            Field(name: "achievement", type: .percent, meaning: "capaian: realisation / target x 100 (or 2 - r/t for negative polarity)") { c, r in
                number(achievement(c, r))
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
        fields += unitFields { _, i in i }
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
        fields += unitFields { c, i in c.objectives[i].position }
        fields += officeFields { c, i in pos(c, i).office }
        fields += [
            Field(name: "indicators", type: .number, meaning: "number of indicators measuring it") { c, i in .number(Double(c.objectives[i].indicators.count)) },
            Field(name: "achievement", type: .percent, meaning: "mean achievement of those indicators in the period") { c, i in c.meanAchievement(c.objectives[i].indicators) },
            Field(name: "period", type: .period, meaning: "the period evaluated") { c, _ in c.period.map(Value.period) ?? .missing },
        ]
        return fields
    }
}
