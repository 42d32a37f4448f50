import Catalogue

/// A `show` statement planned: every name resolved, every expression typed and compiled, from
/// the schema and the catalogue alone, before any row is read. The executor runs it; `explain`
/// prints it.
public struct Plan {
    public let thing: Thing
    let thingToken: Token
    /// The period the rows are evaluated for; nil for realisations without `for` (every period).
    public let period: Period?
    /// Where the period came from, for `explain`.
    let periodSource: PeriodSource
    let filter: Compiled?
    /// Grouped: the outputs are over groups (one per distinct value of the keys, or one of
    /// every row when there are none) rather than over rows.
    let grouped: Bool
    /// The group by items, compiled over rows.
    let keys: [Compiled]
    /// One per column, over rows, or over groups when grouped.
    let outputs: [Compiled]
    public let columns: [Column]
    let order: [OrderKey]
    public let limit: Int?
    /// Said while planning (a unit name that matches nothing), shown beside the result.
    public var warnings: [Diagnostic]
    /// Filled by the executor for the grouped outputs to read.
    let groups: GroupTable
    /// Where the plan's operators and aggregates count results past the largest Double.
    let overflow: OverflowTally

    enum PeriodSource {
        /// `for`, or `for $parameter`.
        case statement
        /// `set period`.
        case session
        /// Neither: the latest period with realisations.
        case latest
    }

    /// An order by key: an output column, or (over rows) any expression.
    struct OrderKey {
        var text: String
        var descending: Bool
        var source: Source
        enum Source {
            case column(Int)
            case expression(Compiled)
        }
    }
}

extension Plan {
    /// The plan as `explain` prints it: stable, indented, one fact a line; expressions as trees
    /// whose every node says its type.
    public var text: String {
        var lines = ["show \(thing.rawValue)"]
        switch (period, periodSource) {
        case (nil, _) where thing == .realisations: lines.append("  period: every period")
        case (nil, _): lines.append("  period: none (no realisations)")
        case (let p?, .statement): lines.append("  period: \(p)")
        case (let p?, .session): lines.append("  period: \(p) (set period)")
        case (let p?, .latest): lines.append("  period: \(p) (the latest with realisations)")
        }
        if let filter {
            lines.append("  filter:")
            lines += filter.node.lines(indent: "    ")
        } else {
            lines.append("  filter: none")
        }
        if grouped {
            if keys.isEmpty {
                lines.append("  group by: none (one group of every row)")
            } else {
                lines.append("  group by:")
                for (i, key) in keys.enumerated() {
                    lines.append("    key \(i + 1):")
                    lines += key.node.lines(indent: "      ")
                }
            }
        }
        lines.append(grouped ? "  outputs, per group:" : "  outputs, per row:")
        for (column, output) in zip(columns, outputs) {
            lines.append("    \(column.name): \(column.type.name)")
            lines += output.node.lines(indent: "      ")
        }
        if order.isEmpty {
            lines.append(grouped && !keys.isEmpty ? "  order: by the keys" : "  order: none")
        } else {
            lines.append("  order:")
            for key in order {
                let direction = key.descending ? "desc" : "asc"
                switch key.source {
                case .column(let i):
                    lines.append("    column \(i + 1) (\(columns[i].name)) \(direction)")
                case .expression(let c):
                    lines.append("    \(key.text) \(direction)")
                    lines += c.node.lines(indent: "      ")
                }
            }
        }
        lines.append("  limit: " + (limit.map(String.init) ?? "none"))
        return lines.joined(separator: "\n") + "\n"
    }
}
