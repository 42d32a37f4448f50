import Catalogue

/// Runs a `Plan` over the rows of its thing: filter, then either sort, limit and project the
/// rows, or group them, evaluate the outputs per group, sort and limit the groups.
struct Executor {
    let context: Context
    /// Asked every few thousand rows; true abandons the statement.
    var isCancelled: () -> Bool = { false }

    func run(_ plan: Plan) throws(Diagnostic) -> ResultSet {
        let checkpoint = Checkpoint(token: plan.thingToken, isCancelled: isCancelled)
        plan.overflow.reset()
        let rows = try select(plan, checkpoint)
        var table = plan.grouped ? try grouped(plan, rows, checkpoint) : try ungrouped(plan, rows, checkpoint)
        let overflows = Self.missingIfInfinite(&table, columns: plan.columns, at: plan.thingToken)
        // Aggregates of achievement pushed by rows above 200%, each at its call.
        let outliers = plan.groups.watches.compactMap { $0.take() }
        return ResultSet(columns: plan.columns, rows: table, warnings: plan.warnings + outliers + plan.overflow.warnings + overflows,
                         period: plan.period)
    }

    /// Operators and aggregates warn at their own place (`OverflowTally`); what is still not
    /// finite here (a field's value) is shown as missing, never `inf`, with one warning per
    /// column saying in how many rows.
    static func missingIfInfinite(_ table: inout [[Value]], columns: [Column], at token: Token) -> [Diagnostic] {
        var counts = [Int](repeating: 0, count: columns.count)
        for r in table.indices {
            for c in table[r].indices {
                if case .number(let n) = table[r][c], !n.isFinite {
                    table[r][c] = .missing
                    counts[c] += 1
                }
            }
        }
        return counts.indices.filter { counts[$0] > 0 }.map {
            .warning(.resultOverflow(columns[$0].name, rows: counts[$0]), at: token.location, length: token.length)
        }
    }

    /// The rows that pass the filter, in order.
    func select(_ plan: Plan, _ checkpoint: Checkpoint) throws(Diagnostic) -> [Int] {
        let rowCount = Schema.rowCount(plan.thing, context)
        guard let filter = plan.filter else { return Array(0..<rowCount) }
        var selected: [Int] = []
        selected.reserveCapacity(rowCount)
        let test = filter.eval
        for row in 0..<rowCount {
            try checkpoint.check()
            if test(row) == .bool(true) { selected.append(row) }
        }
        return selected
    }

    /// Sorted on the rows before the limit, so only the rows kept are projected.
    func ungrouped(_ plan: Plan, _ rows: [Int], _ checkpoint: Checkpoint) throws(Diagnostic) -> [[Value]] {
        var selected = try Ordering.sort(rows, by: plan.order.map { key in
            switch key.source {
            case .column(let i): (plan.outputs[i].eval, key.descending)
            case .expression(let c): (c.eval, key.descending)
            }
        }, checkpoint: checkpoint)
        if let limit = plan.limit { selected = Array(selected.prefix(limit)) }
        let evals = plan.outputs.map(\.eval)
        var table: [[Value]] = []
        table.reserveCapacity(selected.count)
        for row in selected {
            try checkpoint.check()
            table.append(evals.map { $0(row) })
        }
        return table
    }

    func grouped(_ plan: Plan, _ rows: [Int], _ checkpoint: Checkpoint) throws(Diagnostic) -> [[Value]] {
        var (keys, groupRows) = try Grouping.group(rows, by: plan.keys, checkpoint: checkpoint)
        // Without order by, groups come sorted by their keys, so a trend by period reads in order.
        if plan.order.isEmpty && !plan.keys.isEmpty {
            let order = try stableOrder(columns: plan.keys.indices.map { k in keys.map { $0[k] } }, descending: plan.keys.map { _ in false },
                                        checkpoint: checkpoint)
            keys = order.map { keys[$0] }
            groupRows = order.map { groupRows[$0] }
        }
        plan.groups.keys = keys
        plan.groups.rows = groupRows
        defer { plan.groups.keys = []; plan.groups.rows = [] }
        let evals = plan.outputs.map(\.eval)
        var table: [[Value]] = []
        for g in keys.indices {
            try checkpoint.check()
            table.append(evals.map { $0(g) })
        }
        if !plan.order.isEmpty {
            // The planner orders a grouped plan by its columns only.
            let columns = plan.order.compactMap { key -> (column: Int, descending: Bool)? in
                if case .column(let i) = key.source { return (i, key.descending) } else { return nil }
            }
            table = try Ordering.order(table, byColumns: columns, checkpoint: checkpoint).map { table[$0] }
        }
        if let limit = plan.limit { table = Array(table.prefix(limit)) }
        return table
    }
}
