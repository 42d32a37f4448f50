import Catalogue

/// Runs a `Plan` over the rows of its thing: filter, then either sort, limit and project the
/// rows, or group them, evaluate the outputs per group, sort and limit the groups.
struct Executor {
    let context: Context
    /// Asked every few thousand rows; true abandons the statement.
    var isCancelled: () -> Bool = { false }

    func run(_ plan: Plan) throws(Diagnostic) -> ResultSet {
        let rows = try select(plan)
        let table = plan.grouped ? grouped(plan, rows) : ungrouped(plan, rows)
        return ResultSet(columns: plan.columns, rows: table, warnings: plan.warnings, period: plan.period)
    }

    /// The rows that pass the filter, in order.
    func select(_ plan: Plan) throws(Diagnostic) -> [Int] {
        let rowCount = Schema.rowCount(plan.thing, context)
        guard let filter = plan.filter else { return Array(0..<rowCount) }
        var selected: [Int] = []
        selected.reserveCapacity(rowCount)
        let test = filter.eval
        for row in 0..<rowCount {
            if row & 4095 == 0, isCancelled() { throw .error(.interrupted, at: plan.thingToken) }
            if test(row) == .bool(true) { selected.append(row) }
        }
        return selected
    }

    /// Sorted on the rows before the limit, so only the rows kept are projected.
    func ungrouped(_ plan: Plan, _ rows: [Int]) -> [[Value]] {
        var selected = Ordering.sort(rows, by: plan.order.map { key in
            switch key.source {
            case .column(let i): (plan.outputs[i].eval, key.descending)
            case .expression(let c): (c.eval, key.descending)
            }
        })
        if let limit = plan.limit { selected = Array(selected.prefix(limit)) }
        let evals = plan.outputs.map(\.eval)
        return selected.map { row in evals.map { $0(row) } }
    }

    func grouped(_ plan: Plan, _ rows: [Int]) -> [[Value]] {
        var (keys, groupRows) = Grouping.group(rows, by: plan.keys)
        // Without order by, groups come sorted by their keys, so a trend by period reads in order.
        if plan.order.isEmpty && !plan.keys.isEmpty {
            let order = stableOrder(columns: plan.keys.indices.map { k in keys.map { $0[k] } }, descending: plan.keys.map { _ in false })
            keys = order.map { keys[$0] }
            groupRows = order.map { groupRows[$0] }
        }
        plan.groups.keys = keys
        plan.groups.rows = groupRows
        defer { plan.groups.keys = []; plan.groups.rows = [] }
        let evals = plan.outputs.map(\.eval)
        var table = keys.indices.map { g in evals.map { $0(g) } }
        if !plan.order.isEmpty {
            // The planner orders a grouped plan by its columns only.
            let columns = plan.order.compactMap { key -> (column: Int, descending: Bool)? in
                if case .column(let i) = key.source { return (i, key.descending) } else { return nil }
            }
            table = Ordering.order(table, byColumns: columns).map { table[$0] }
        }
        if let limit = plan.limit { table = Array(table.prefix(limit)) }
        return table
    }
}
