import Catalogue

/// Sorting rows or result lines by keys: stable, missing values last whatever the direction.
enum Ordering {
    /// `items` (row indices) sorted by keys evaluated on each.
    static func sort(_ items: [Int], by keys: [(eval: (Int) -> Value, descending: Bool)], checkpoint: Checkpoint = .never) throws(Diagnostic) -> [Int] {
        guard !keys.isEmpty else { return items }
        var columns: [[Value]] = []
        for key in keys {
            var column: [Value] = []
            column.reserveCapacity(items.count)
            for item in items {
                try checkpoint.check()
                column.append(key.eval(item))
            }
            columns.append(column)
        }
        return try stableOrder(columns: columns, descending: keys.map(\.descending), checkpoint: checkpoint).map { items[$0] }
    }

    /// The order of a result's lines sorted by some of its columns.
    static func order(_ table: [[Value]], byColumns keys: [(column: Int, descending: Bool)], checkpoint: Checkpoint = .never) throws(Diagnostic) -> [Int] {
        try stableOrder(columns: keys.map { key in table.map { $0[key.column] } }, descending: keys.map(\.descending), checkpoint: checkpoint)
    }
}

/// Indices of rows in sorted order, stable; missing values last whatever the direction. `keys`
/// holds one column of values per key. Each column becomes doubles first (text and periods the
/// rank of their distinct values), so the sort compares numbers, and text is compared once per
/// distinct value rather than once per pair of rows.
func stableOrder(columns keys: [[Value]], descending: [Bool], checkpoint: Checkpoint = .never) throws(Diagnostic) -> [Int] {
    let count = keys.first?.count ?? 0
    let ranks = keys.map(sortKeys)
    // Once interrupted, every comparison is the cheapest one, so the sort ends at once.
    var interrupted = false
    let order = (0..<count).sorted { a, b in
        if interrupted || checkpoint.cancelled() {
            interrupted = true
            return a < b
        }
        for k in ranks.indices {
            let x = ranks[k][a], y = ranks[k][b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x == y || x.isNaN { continue }
            return descending[k] ? x > y : x < y
        }
        return a < b
    }
    if interrupted { try checkpoint.check(now: true) }
    return order
}

/// Asks whether the statement is abandoned (Ctrl-C) once every 4096 steps of a long loop, so any
/// stage (filter, sort, group, projection) stops within a fraction of a second.
final class Checkpoint {
    static var never: Checkpoint { Checkpoint(token: nil) { false } }
    let isCancelled: () -> Bool
    let token: Token?
    private var steps = 0

    init(token: Token?, isCancelled: @escaping () -> Bool) {
        self.token = token
        self.isCancelled = isCancelled
    }

    /// True on one of every 4096 calls (the first included) when the statement is cancelled.
    func cancelled() -> Bool {
        defer { steps &+= 1 }
        return steps & 4095 == 0 && isCancelled()
    }

    func check(now: Bool = false) throws(Diagnostic) {
        if now ? isCancelled() : cancelled() {
            if let token { throw .error(.interrupted, at: token) }
            throw .error(.interrupted)
        }
    }
}

/// A column as doubles that order as its values do (`orderedBefore`); NaN for missing.
func sortKeys(_ column: [Value]) -> [Double] {
    var numbers = [Double](repeating: .nan, count: column.count)
    var onlyNumbers = true
    for (i, value) in column.enumerated() {
        switch value {
        case .number(let n): numbers[i] = n
        case .missing: break
        default: onlyNumbers = false
        }
    }
    if onlyNumbers { return numbers }
    // NaN never comes out of an expression (arithmetic gives missing), but would not find itself
    // in a dictionary: treat it as missing.
    func absent(_ v: Value) -> Bool { v.isMissing || v.number?.isNaN == true }
    var seen = Set<Value>()
    var distinct = column.filter { !absent($0) && seen.insert($0).inserted }
    distinct.sort { orderedBefore($0, $1) == true }
    var rank: [Value: Double] = [:]
    var r = 0.0
    for (i, value) in distinct.enumerated() {
        // Values the comparison calls equal ("Bidang" and "bidang") share a rank.
        if i > 0, orderedBefore(distinct[i - 1], value) != nil { r += 1 }
        rank[value] = r
    }
    return column.map { absent($0) ? .nan : rank[$0]! }
}
