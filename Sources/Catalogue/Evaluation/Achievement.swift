import Foundation

/// The category (predikat) bands for achievement, highest first.
public struct Scale: Sendable, Equatable {
    public struct Band: Sendable, Equatable {
        public var minimum: Double
        public var name: String
    }
    public var bands: [Band]
    /// The rule set the bands belong to: whether capaian is capped, how it is scored.
    public var rules: RuleSet = .default

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

    /// A rule set with its own bands.
    public init(rules: RuleSet) {
        self = rules.scale
        self.rules = rules
    }

    public func category(_ achievement: Double) -> String {
        bands.first { achievement >= $0.minimum }?.name ?? bands.last!.name
    }
}

/// Achievement has one exact representation: rounded once, to `Achievement.decimals` decimal
/// (half away from zero), as tables print it; categories, comparisons, aggregates and every output
/// read that value, so a row printed 91.0 is 91 everywhere (r / t * 100 alone gives 90.99999999999999).
public enum Achievement {
    public static let decimals = 1

    /// `x` rounded to one decimal: first to a millionth, which removes the binary noise of the
    /// division, then to the tenth, so 66.05 (66.04999... in binary) rounds up as written.
    public static func rounded(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < 1e9 else { return x }
        let millionths = (x * 1e6).rounded()
        return (millionths / 1e5).rounded() / 10
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
    /// The sum of the targets of each month of the period.
    case months(Period)

    public var description: String {
        func scale(_ m: Int?) -> String { m.map { $0 == 12 ? "" : " × \($0)/12" } ?? "" }
        switch self {
        case .period(let p): return "\(p)"
        case .yearFile(let y, let m): return "\(y)" + scale(m)
        case .catalogue(let m): return "catalogue" + scale(m)
        case .months(let p): return "sum of \(p.months) months' targets"
        }
    }
}

/// Realisation, target and achievement of one indicator in one period; nil where an input is
/// missing or a division would be by zero, never inf or NaN.
public struct Evaluation: Sendable, Equatable {
    // The numbers are kept as plain Doubles with a bit each in `present`: a Double? takes 16
    // bytes in a struct, and a query holds one Evaluation per indicator (120 bytes, not 168:
    // 6.7 MB of the province's peak).
    private var numbers: (realisation: Double, target: Double, achievement: Double, score: Double, targetUpper: Double) = (0, 0, 0, 0, 0)

    public var realisation: Double? { get { number(0, numbers.realisation) } set { numbers.realisation = newValue ?? 0; mark(0, newValue != nil) } }
    public var target: Double? { get { number(1, numbers.target) } set { numbers.target = newValue ?? 0; mark(1, newValue != nil) } }
    public var targetSource: TargetSource?
    /// Which of `numbers` are present (bit 0 realisation ... bit 4 targetUpper).
    private var present: UInt8 = 0
    /// Reported, not reported, not computable (a zero denominator) or not applicable (before the
    /// indicator's first target); only a reported one has an achievement. (Stored beside
    /// `present`, in `targetSource`'s padding.)
    public var state: ReportState = .notReported
    public var achievement: Double? { get { number(2, numbers.achievement) } set { numbers.achievement = newValue ?? 0; mark(2, newValue != nil) } }
    public var category: String?
    /// The score of the rule set (`skp-2021` converts capaian; the others score it as it is), and
    /// the row of the rule that gave it.
    public var score: Double? { get { number(3, numbers.score) } set { numbers.score = newValue ?? 0; mark(3, newValue != nil) } }
    public var rule: String?
    /// The upper bound of a range target (`80-90`); `target` is then the lower bound.
    public var targetUpper: Double? { get { number(4, numbers.targetUpper) } set { numbers.targetUpper = newValue ?? 0; mark(4, newValue != nil) } }
    /// How many reported rows made the realisation.
    public var rows: Int

    public init(realisation: Double? = nil, target: Double? = nil, targetSource: TargetSource? = nil,
                achievement: Double? = nil, category: String? = nil, rows: Int = 0) {
        self.rows = rows
        self.realisation = realisation
        self.target = target
        self.targetSource = targetSource
        self.achievement = achievement
        self.category = category
    }

    @inline(__always)
    private func number(_ bit: UInt8, _ value: Double) -> Double? { present & (1 << bit) != 0 ? value : nil }

    @inline(__always)
    private mutating func mark(_ bit: UInt8, _ isPresent: Bool) {
        present = isPresent ? present | 1 << bit : present & ~(1 << bit)
    }

    /// Field by field through the optionals, as the synthesized one compared the stored optionals.
    public static func == (a: Evaluation, b: Evaluation) -> Bool {
        a.realisation == b.realisation && a.target == b.target && a.targetSource == b.targetSource && a.state == b.state
            && a.achievement == b.achievement && a.category == b.category && a.score == b.score && a.rule == b.rule
            && a.targetUpper == b.targetUpper && a.rows == b.rows
    }
}

extension RealisationStore {
    /// Evaluates indicator `index` over period `period`, the way Indonesian performance reports do:
    /// realisation from the rows inside the period, target for exactly the period or else the
    /// yearly one (scaled for summed counts), achievement = realisation / target x 100 (or
    /// (2 - realisation / target) x 100 when smaller is better).
    public func evaluate(_ index: Int, in period: Period, catalogue: Catalogue, scale: Scale = .standard) -> Evaluation {
        withEvaluator(catalogue: catalogue, scale: scale) { $0.evaluate(index, in: period) }
    }

    /// Evaluates indicators `range` into `out` (one slot per indicator, from `range.lowerBound`).
    /// Everything is read through buffers taken once, so the loop does no reference counting,
    /// which threads evaluating parts of one catalogue would otherwise contend on.
    /// Rows read in place from a snapshot are let go every `releaseEvery` indicators (`TouchedPages`).
    public func evaluate(_ range: Range<Int>, in period: Period, catalogue: Catalogue, scale: Scale = .standard,
                         into out: UnsafeMutableBufferPointer<Evaluation>, releaseEvery: Int = Self.releaseEvery) {
        var rows = TouchedPages(stored), numbers = TouchedPages(self.numbers)
        withEvaluator(catalogue: catalogue, scale: scale) { evaluator in
            for i in range {
                (out.baseAddress! + (i - range.lowerBound)).initialize(to: evaluator.evaluate(i, in: period))
                guard rows.isActive else { continue }
                evaluator.markRows(i, in: period, rows: &rows, numbers: &numbers)
                if (i - range.lowerBound) % releaseEvery == releaseEvery - 1 { rows.release(); numbers.release() }
            }
        }
        rows.release()
        numbers.release()
    }

    /// Indicators evaluated between two releases of the mapped rows they read: about 0.4 MB of
    /// rows and numbers at province scale, a few madvise calls each.
    public static let releaseEvery = 1024

    func withEvaluator<R>(catalogue: Catalogue, scale: Scale, _ body: (Evaluator) -> R) -> R {
        stored.withUnsafeBufferPointer { rows in numbers.withUnsafeBufferPointer { numbers in
            lastRow.withUnsafeBufferPointer { last in
                rowCount.withUnsafeBufferPointer { counts in
                    catalogue.indicators.withUnsafeBufferPointer { indicators in
                        body(Evaluator(rows: StoredRows(rows: rows, numbers: numbers), lastRow: last, rowCount: counts, byYear: byYear, indicators: indicators, scale: scale,
                                       targetUppers: targetUppers))
                    }
                }
            }
        } }
    }
}

/// The evaluation of one indicator, over buffers of the store and the catalogue.
struct Evaluator {
    let rows: StoredRows
    let lastRow: UnsafeBufferPointer<Int32>
    let rowCount: UnsafeBufferPointer<Int32>
    let byYear: [Int32: [UInt32: [Int32]]]
    let indicators: UnsafeBufferPointer<Indicator>
    let scale: Scale
    let targetUppers: [Int32: Double]

    func evaluate(_ index: Int, in period: Period) -> Evaluation {
        // Fields read in place: copying the Indicator would retain and release all its Strings.
        let kind = indicators[index].formula.kind
        let statedTarget = indicators[index].formula.yearlyTarget
        let consolidation = indicators[index].consolidation ?? .sum
        let polarity = indicators[index].polarity
        let packed = period.packed, yearPacked = Period.year(period.year).packed
        let (year, count) = rowsRead(index, in: period)
        let rows = self.rows

        // Three parts: the indicator's rows in file order, the reported ones inside the period,
        // then those not superseded.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { buffer in
            list(index, year, count, into: buffer)
            let ids = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            var inside = 0
            for id in ids where rows[id].isReported && period.contains(Period(packed: rows[id].period)) {
                buffer[count + inside] = id
                inside += 1
            }
            // A row inside another reported row's period is superseded by it (a quarter's
            // report covers its months), so nothing counts twice.
            var used = 0
            for a in 0..<inside {
                let p = Period(packed: rows[buffer[count + a]].period)
                let superseded = (0..<inside).contains { b in
                    let q = rows[buffer[count + b]].period
                    return q != rows[buffer[count + a]].period && Period(packed: q).contains(p)
                }
                if !superseded {
                    buffer[2 * count + used] = buffer[count + a]
                    used += 1
                }
            }
            // A blank row for exactly this period (no value, no target) says the period was not
            // reported, as its note does ("quarter not reported"): its months do not stand in.
            if !period.isRange, ids.contains(where: { rows[$0].period == packed && !rows[$0].isReported && !rows[$0].hasTarget }) { used = 0 }
            let usedRows = UnsafeMutableBufferPointer(rebasing: buffer[2 * count..<2 * count + used]).lazy.map { rows[$0] }
            var realisation: Double?
            if used > 0 {
                switch (kind, consolidation) {
                case (_, .last):
                    realisation = usedRows.max { Period(packed: $0.period) < Period(packed: $1.period) }!.percentageOrValue
                case (.count, .sum):
                    realisation = usedRows.reduce(0) { $0 + ($1.value.isNaN ? 0 : $1.value) }
                case (.ratio, .sum) where usedRows.allSatisfy({ !$0.numerator.isNaN && !$0.denominator.isNaN }):
                    let d = usedRows.reduce(0) { $0 + $1.denominator }
                    realisation = d == 0 ? nil : usedRows.reduce(0) { $0 + $1.numerator } / d * 100
                default:
                    var sum = 0.0, n = 0
                    for row in usedRows { if let v = row.percentageOrValue { sum += v; n += 1 } }
                    realisation = n == 0 ? nil : sum / Double(n)
                }
            }

            // Nothing reported before the indicator starts: not applicable, and no target either.
            if used == 0, let start = firstTargetMonth(ids, year: period.year), period.lastMonth < start {
                var e = Evaluation()
                e.state = .notApplicable
                return e
            }

            var target: Double?, upper: Double?
            var source: TargetSource?
            let scaled = kind == .count && consolidation == .sum
            if !period.isRange, let exact = ids.first(where: { rows[$0].period == packed && rows[$0].hasTarget }) {
                target = rows[exact].target
                upper = targetUppers[Int32(exact)]
                source = .period(period)
            } else if period.months > 1, scaled, let sum = monthlyTargets(ids, period) {
                // A summed count over months (a range, or a quarter without its own target): the
                // months' own targets add up, when every month has one.
                target = sum
                source = .months(period)
            } else {
                let factor = scaled ? Double(period.months) / 12 : 1
                let months = scaled ? period.months : nil
                if let yearly = ids.first(where: { rows[$0].period == yearPacked && rows[$0].hasTarget }) {
                    target = rows[yearly].target * factor
                    upper = targetUppers[Int32(yearly)].map { $0 * factor }
                    source = .yearFile(period.year, scaledMonths: months)
                } else if let stated = statedTarget {
                    target = stated * factor
                    source = .catalogue(scaledMonths: months)
                }
            }
            return achieve(realisation: realisation, target: target, upper: upper, source: source, rows: used,
                           polarity: polarity, scale: scale)
        }
    }

    /// The rows an evaluation in `period` reads: only those of the period's year for an indicator
    /// with many (`byYear`), else all of them (its chain); and how many.
    private func rowsRead(_ index: Int, in period: Period) -> (year: [Int32]?, count: Int) {
        let year = byYear.isEmpty ? nil : byYear[Int32(index)].map { $0[period.packed >> 8] ?? [] }
        return (year, year?.count ?? Int(rowCount[index]))
    }

    /// Those rows, in file order, into `buffer`'s first `count` places.
    private func list(_ index: Int, _ year: [Int32]?, _ count: Int, into buffer: UnsafeMutableBufferPointer<Int>) {
        if let year {
            for (k, row) in year.enumerated() { buffer[k] = Int(row) }
        } else {
            var row = lastRow[index]
            for k in stride(from: count - 1, through: 0, by: -1) {
                buffer[k] = Int(row)
                row = rows[Int(row)].previous
            }
        }
    }

    /// Marks the pages of the rows and numbers `evaluate(index, in: period)` read (just read, so
    /// resident: walking them again faults nothing in), in the order `list` gives them: a row
    /// page once the walk leaves it, with the span of its rows' numbers (marking every row and
    /// number took 15% of a query's instructions).
    func markRows(_ index: Int, in period: Period, rows touched: inout TouchedPages, numbers: inout TouchedPages) {
        let rows = self.rows.rows
        var page = -1, low = Int.max, high = 0
        func flush() {
            if page >= 0 { touched.mark(page: page) }
            if low < high { for on in numbers.page(of: low)...numbers.page(of: high - 1) { numbers.mark(page: on) } }
            (low, high) = (Int.max, 0)
        }
        func mark(_ id: Int) {
            let on = touched.page(of: id)
            if on != page {
                flush()
                page = on
            }
            let count = rows[id].numberCount
            if count > 0 {
                low = min(low, Int(rows[id].firstNumber))
                high = max(high, Int(rows[id].firstNumber) + count)
            }
        }
        defer { flush() }
        // The walk `list` makes, written out: through a shared closure, `mark`'s captured state was
        // checked for exclusive access on every row (+10% of the mission query's instructions).
        let (year, count) = rowsRead(index, in: period)
        if let year {
            for id in year { mark(Int(id)) }
        } else {
            var row = Int(lastRow[index])
            for _ in 0..<count {
                mark(row)
                row = Int(rows[row].previous)
            }
        }
    }

    /// The first month of `year` the indicator has a target for (a month, quarter or semester
    /// row; the yearly target says nothing about when it starts); nil when none.
    private func firstTargetMonth(_ ids: UnsafeMutableBufferPointer<Int>, year: Int) -> Int? {
        var first: Int?
        for id in ids where rows[id].hasTarget {
            let p = Period(packed: rows[id].period)
            guard p.year == year, p.granularity != .year else { continue }
            first = min(first ?? 12, p.firstMonth)
        }
        return first
    }

    /// The sum of the targets given for each month of `period`; nil when a month has none.
    private func monthlyTargets(_ ids: UnsafeMutableBufferPointer<Int>, _ period: Period) -> Double? {
        var sum = 0.0
        for m in period.firstMonth...period.lastMonth {
            let packed = Period.month(period.year, m).packed
            guard let id = ids.first(where: { rows[$0].period == packed && rows[$0].hasTarget }) else { return nil }
            sum += rows[id].target
        }
        return sum
    }

    private func achieve(realisation: Double?, target: Double?, upper: Double?, source: TargetSource?, rows: Int, polarity: Polarity,
                         scale: Scale) -> Evaluation {
        var achievement: Double?
        if let r = realisation, let low = target {
            // A range target (80-90): the lower bound below it, the upper above it, 100 inside
            // (PermenPANRB 8/2021, Bab VI, p. 110 of the flipbuilder copy).
            let t = upper.map { r > $0 ? $0 : (r < low ? low : r) } ?? low
            let ratio = t == 0 ? Double.nan : r / t
            achievement = Achievement.rounded(polarity == .positive ? ratio * 100 : (2 - ratio) * 100)
            if !(achievement!.isFinite) { achievement = nil }
        }
        // The rule set caps (capped-100) before the value is banded, averaged or scored.
        achievement = achievement.map(scale.rules.applied)
        var e = Evaluation(realisation: realisation, target: target, targetSource: source, achievement: achievement,
                           category: achievement.map(scale.category), rows: rows)
        e.targetUpper = upper
        // Rows reported but no realisation: their denominators add up to zero.
        e.state = realisation != nil ? .reported : rows > 0 ? .notComputable : .notReported
        if let a = achievement { (e.score, e.rule) = scale.rules.score(a) }
        return e
    }
}
