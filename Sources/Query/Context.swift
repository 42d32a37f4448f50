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
    private var pairEvaluations = PairCache()
    /// Each (indicator, period) that has a realisation row once, in that order. Sorted in place,
    /// then each pair kept once: a set to drop repeats was 1.6 M entries at province scale.
    lazy var realisationPairs: [(indicator: Int, period: Period)] = {
        var pairs: [(indicator: Int, period: Period)] = []
        // Rows that report, or say explicitly that nothing was reported; not target-only rows.
        dataset.realisations.forEachRow { indicator, rowPeriod, isReported, hasTarget in
            guard (isReported || !hasTarget) && (period.map({ $0.contains(rowPeriod) }) ?? true) else { return }
            pairs.append((indicator, rowPeriod))
        }
        pairs.sort { ($0.indicator, $0.period) < ($1.indicator, $1.period) }
        var kept = 0
        for pair in pairs.indices where kept == 0 || pairs[kept - 1] != pairs[pair] {
            pairs[kept] = pairs[pair]
            kept += 1
        }
        pairs.removeSubrange(kept...)
        return pairs
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
    /// Whom each position reports to, and how many report to it.
    lazy var superiors = Superiors(dataset.catalogue)
    /// Positions of each unit, its sub-units included.
    lazy var unitPositionCounts: [Int] = {
        let org = dataset.catalogue.organisation
        var counts = Array(repeating: 0, count: org.units.count)
        for p in dataset.catalogue.positions.indices {
            var unit = dataset.catalogue.positions[p].unit
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
        // By index: iterating the arrays would copy each Indicator, retaining all its Strings.
        for i in dataset.catalogue.indicators.indices {
            var unit = dataset.catalogue.positions[columns.indicatorPositions[i]].unit
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
    private var previousPairEvaluations = PairCache()

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

    /// How many pair evaluations are kept (tests: the cache stays bounded).
    var pairEvaluationsKept: Int { pairEvaluations.count + previousPairEvaluations.count }

    func meanAchievement(_ indicators: [Int]) -> Value {
        let values = indicators.compactMap { evaluation($0).achievement }
        return values.isEmpty ? .missing : .number(values.reduce(0, +) / Double(values.count))
    }
}

/// Ids for `Field.groupID`, from the tables of names per office and unit in `Columns`.
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
    /// indicators reads one array per key; in the order of `groupedFields`.
    let indicatorGroupIDs: [[Int32]]
    static let groupedFields = ["office", "region", "unit", "seksi", "bidang"]

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
            let kind = u.map { organisation.units[$0].kind }
            seksi.append(Int32(kind == .seksi || kind == .subBagian ? unitNames.ids[u!] : -1))
            bidang.append(Int32(u.flatMap { bidangOfUnit[$0] }.map { unitNames.ids[$0] } ?? -1))
        }
        indicatorGroupIDs = [office, region, unit, seksi, bidang]
    }
}

/// Evaluations of realisation pairs, a bounded number of them (a slot per pair number modulo the
/// capacity). A row's fields are read together, so the last few thousand pairs serve almost every
/// read; a dictionary of them all held 1.6 M evaluations at province scale (a query over
/// realisations peaked at 1.1 GB) to spare an evaluation of a few rows when a sort or a group
/// reads a pair again.
struct PairCache {
    let capacity: Int
    private var pairs: [Int] = []
    private var evaluations: [Evaluation] = []

    /// `capacity`: a power of two.
    init(capacity: Int = 4096) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0)
        self.capacity = capacity
    }

    /// How many evaluations are held (at most `capacity`).
    var count: Int { pairs.lazy.filter { $0 >= 0 }.count }

    subscript(pair: Int) -> Evaluation? {
        get {
            let slot = pair & (capacity - 1)
            return slot < pairs.count && pairs[slot] == pair ? evaluations[slot] : nil
        }
        set {
            guard let newValue else { return }
            if pairs.isEmpty {
                // Made on the first evaluation: a query that never reads one keeps nothing.
                pairs = [Int](repeating: -1, count: capacity)
                evaluations = [Evaluation](repeating: Evaluation(), count: capacity)
            }
            let slot = pair & (capacity - 1)
            pairs[slot] = pair
            evaluations[slot] = newValue
        }
    }
}
