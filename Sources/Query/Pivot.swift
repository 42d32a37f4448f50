import Catalogue

/// `pivot FIELD`: a result turned into a crosstab, as a recap sheet is laid out (psql's
/// `\crosstabview`, DuckDB's PIVOT): one row per value of the other text and period columns
/// (the keys), one column per value of the pivoted column, in order (periods by period order),
/// holding the numbers. Runs on the result, so every output format and `export` get it.
enum Pivot {
    static func apply(_ result: ResultSet, column pivot: Int) -> ResultSet {
        let others = result.columns.indices.filter { $0 != pivot }
        let values = others.filter { [.number, .percent].contains(result.columns[$0].type) }
        let keys = others.filter { !values.contains($0) }
        // The pivoted column's values, in order; a missing value gets the last column, headed
        // "missing", so no row's numbers are dropped.
        var seen = Set<Value>()
        var heads = result.rows.map { $0[pivot] }.filter { seen.insert($0).inserted }
        heads.sort { a, b in
            if a.isMissing || b.isMissing { return !a.isMissing }
            if let p = a.asPeriod, let q = b.asPeriod, case .period = a { return p < q }
            if case .number(let x) = a, case .number(let y) = b { return x < y }
            return a.asText.lowercased() < b.asText.lowercased()
        }
        var columns = keys.map { result.columns[$0] }
        for head in heads {
            for v in values {
                let text = head.isMissing ? "missing" : head.asText
                let name = values.count == 1 ? text : "\(text) \(result.columns[v].name)"
                // A bar stays a bar in each of its cells.
                columns.append(Column(name: name, type: result.columns[v].type, picture: result.columns[v].picture))
            }
        }
        // Rows keep the order their keys first appear in (the statement's order).
        var order: [[Value]] = []
        var cells: [[Value]: [Value: [Value]]] = [:]
        for row in result.rows {
            let key = keys.map { row[$0] }
            if cells[key] == nil { order.append(key) }
            cells[key, default: [:]][row[pivot]] = values.map { row[$0] }
        }
        let rows = order.map { key in
            key + heads.flatMap { head in cells[key]![head] ?? Array(repeating: Value.missing, count: values.count) }
        }
        return ResultSet(columns: columns, rows: rows, warnings: result.warnings, period: result.period)
    }
}
