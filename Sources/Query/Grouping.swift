import Catalogue

/// Grouping rows by key values and aggregating them: the grouped half of the executor.
enum Grouping {
    /// The rows, grouped by the keys' values, in order of first appearance: as one integer when
    /// every key has ids (office, region, units), else by the values, text case-insensitively.
    /// Without keys, every row is one group (there is one even with no rows: `count(*)` is 0).
    static func group(_ rows: [Int], by keys: [Compiled], checkpoint: Checkpoint = .never) throws(Diagnostic) -> (keys: [[Value]], rows: [[Int]]) {
        var groupKeys: [[Value]] = []
        var groupRows: [[Int]] = []
        let keyEvals = keys.map(\.eval)
        if let packed = packedGroupKey(keys) {
            try collect(rows, packed, keyEvals, checkpoint, &groupKeys, &groupRows)
        } else {
            try collect(rows, { row in keyEvals.map { normalise($0(row)) } }, keyEvals, checkpoint, &groupKeys, &groupRows)
        }
        if keys.isEmpty && groupRows.isEmpty {
            groupKeys.append([])
            groupRows.append([])
        }
        return (groupKeys, groupRows)
    }

    /// One pass over the rows, hashing each row's key once.
    private static func collect<Key: Hashable>(_ rows: [Int], _ key: (Int) -> Key, _ keyEvals: [(Int) -> Value], _ checkpoint: Checkpoint,
                                               _ groupKeys: inout [[Value]], _ groupRows: inout [[Int]]) throws(Diagnostic) {
        var groupIndex: [Key: Int] = [:]
        for row in rows {
            try checkpoint.check()
            let k = key(row)
            if let g = groupIndex[k] { groupRows[g].append(row) } else {
                groupIndex[k] = groupRows.count
                groupKeys.append(keyEvals.map { $0(row) })
                groupRows.append([row])
            }
        }
    }
}

/// Text keys group case-insensitively.
private func normalise(_ v: Value) -> Value {
    if case .text(let s) = v { return .text(s.lowercased()) }
    return v
}

/// count, sum, avg, min, max over a group's rows; missing values are skipped, as in SQL.
struct Aggregate {
    var function: String
    var input: ((Int) -> Value)?

    func run(_ rows: [Int]) -> Value {
        guard let input else { return .number(Double(rows.count)) }
        switch function {
        case "count", "sum", "avg":
            // One pass, no array of values: groups can hold most of a big catalogue.
            var count = 0, numbers = 0
            var sum = 0.0
            for row in rows {
                let value = input(row)
                if value.isMissing { continue }
                count += 1
                if case .number(let n) = value { sum += n; numbers += 1 }
            }
            if function == "count" { return .number(Double(count)) }
            if numbers == 0 { return .missing }
            return .number(function == "sum" ? sum : sum / Double(numbers))
        default: break
        }
        let values = rows.map(input).filter { !$0.isMissing }
        switch function {
        case "min": return values.min { orderedBefore($0, $1) == true } ?? .missing
        default: return values.max { orderedBefore($0, $1) == true } ?? .missing
        }
    }
}

/// One integer per group when every key has ids (`Field.groupID`) and all their combinations
/// fit in an Int: the ids as digits of a mixed-radix number.
func packedGroupKey(_ keys: [Compiled]) -> ((Int) -> Int)? {
    let parts = keys.compactMap(\.groupID)
    guard !parts.isEmpty, parts.count == keys.count else { return nil }
    var strides: [Int] = []
    var stride = 1
    for part in parts {
        strides.append(stride)
        let (next, overflow) = stride.multipliedReportingOverflow(by: part.count + 1)
        if overflow { return nil }
        stride = next
    }
    // Indicator rows read their ids straight from the columns.
    let columns = parts.compactMap(\.column)
    if columns.count == 1, parts.count == 1 {
        let column = columns[0]
        return { row in Int(column[row]) + 1 }
    }
    if columns.count == parts.count {
        return { row in
            var key = 0
            for k in columns.indices { key += (Int(columns[k][row]) + 1) * strides[k] }
            return key
        }
    }
    let ids = parts.map(\.id)
    return { row in
        var key = 0
        for k in ids.indices { key += (ids[k](row) + 1) * strides[k] }
        return key
    }
}
