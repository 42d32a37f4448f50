import Catalogue

/// The groups of a grouped plan, filled by the executor before it evaluates the plan's outputs:
/// a grouped expression is compiled once, at plan time, to a closure over a group index that
/// reads its group's key values and rows from here.
final class GroupTable {
    var keys: [[Value]] = []
    var rows: [[Int]] = []
    /// Aggregates of achievement that note their rows above 200%, for the executor's warning.
    var watches: [OutlierWatch] = []
}

/// What a grouped column can refer to: the group by items, compiled over rows, and the table the
/// executor fills.
struct GroupScope {
    var items: [SelectItem]
    var keys: [Compiled]
    let table: GroupTable
}

extension Resolver {
    /// Compiles a column of a grouped query, over groups: a grouped key, an aggregate over the
    /// group's rows (its argument compiled over rows), a number, or arithmetic over those
    /// (`avg(achievement) - 80`), typed by the same rule as over rows. `text` is the column as
    /// written, which may repeat a group by item (`realisation - target`); nil inside it.
    mutating func compileGrouped(_ expr: Expr, text: String?, in scope: GroupScope) throws(Diagnostic) -> Compiled {
        // A grouped expression, as written or as the same field.
        var index = text.flatMap { t in scope.items.firstIndex { $0.text.lowercased() == t.lowercased() } }
        if index == nil, case .name(let w, _) = expr, let f = field(named: w) {
            index = scope.items.firstIndex { if case .name(let g, _) = $0.expr { return field(named: g)?.name == f.name } else { return false } }
        }
        if let index {
            let table = scope.table
            var c = Compiled("key \(index + 1)", scope.keys[index].type) { g in table.keys[g][index] }
            c.node.children = [scope.keys[index].node]
            c.picture = scope.keys[index].picture
            return c
        }
        switch expr {
        case .call(let name, let argument, let token) where Vocabulary.pictureFunctions[name] == "trend":
            return try compileGroupedTrend(name, argument, token, in: scope)
        case .call(let name, let argument, let token) where Vocabulary.pictureFunctions[name] == "bar":
            // `bar(avg(achievement))`: where each group stands.
            guard let argument else { throw .error(.pictureNeedsArgument(name), at: token) }
            let inner = try compileGrouped(argument, text: nil, in: scope)
            return try bar(inner, argument, token)
        case .call(let name, let argument, let token):
            guard let function = Vocabulary.aggregates[name] else {
                _ = try compile(expr)  // reports the unknown function
                throw .error(.unknownFunction(name), at: token)
            }
            var input: Compiled?
            if let argument {
                if containsAggregate(argument) { throw .error(.nestedAggregate, at: argument.token) }
                input = try compile(argument)
            }
            if function != "count" {
                guard let input, let argument else { throw .error(.aggregateNeedsField(name), at: token) }
                if function == "sum" || function == "avg" {
                    try requireNumeric(input, argument, token, "\(name)(...)")
                }
            }
            let aggregate = Aggregate(function: function, input: input?.eval)
            let table = scope.table
            let type = input.map { function == "count" ? .number : $0.type } ?? .number
            // A sum past the largest Double is missing, with the caret under the call: the whole
            // call when it is the column (`sum(target)`), else its name.
            let written = text.flatMap { $0.contains("\n") ? nil : $0 }
            let column = text ?? name
            let tally = overflow
            let site = overflow.site({ .resultOverflow(column, rows: $0) }, at: token.location, length: written?.count ?? token.length)
            // Aggregates of achievement pushed by rows above 200% warn at the call too.
            var watch: OutlierWatch?
            if let input, let argument { watch = outlierWatch(function, input, argument, token) }
            if let watch { table.watches.append(watch) }
            return Compiled(function + (input == nil ? "(*)" : ""), type, input.map { [$0] } ?? []) { g in
                watch?.note(table.rows[g])
                let value = aggregate.run(table.rows[g])
                if case .number(let n) = value, !n.isFinite {
                    tally.overflowed(site, row: g)
                    return .missing
                }
                return value
            }
        case .number(let n, let percent, _):
            return constant(.number(n), percent ? .percent : .number)
        case .negate(let inner, let token):
            let c = try compileGrouped(inner, text: nil, in: scope)
            guard c.type.isNumeric else { throw .error(.groupedNegateNeedsNumber, at: token) }
            return .negation(c)
        case .arithmetic(let op, let l, let r, let token):
            let a = try compileGrouped(l, text: nil, in: scope)
            let b = try compileGrouped(r, text: nil, in: scope)
            guard a.type.isNumeric && b.type.isNumeric else { throw .error(.groupedArithmeticNeedsNumbers(op), at: token) }
            return .arithmetic(op, a, b, site: arithmeticSite(op, token))
        default:
            throw .error(.notGroupedNorAggregated(text ?? ""), at: expr.token)
        }
    }
}

func containsAggregate(_ expr: Expr) -> Bool {
    switch expr {
    case .call(let name, _, _): return Vocabulary.aggregates[name] != nil
    case .negate(let e, _), .not(let e, _), .isMissing(let e, _, _): return containsAggregate(e)
    case .arithmetic(_, let a, let b, _), .compare(_, let a, let b, _), .and(let a, let b), .or(let a, let b): return containsAggregate(a) || containsAggregate(b)
    case .match(_, let a, let b, _, _): return containsAggregate(a) || containsAggregate(b)
    case .inList(let a, let list, _, _): return containsAggregate(a) || list.contains(where: containsAggregate)
    case .between(let a, let b, let c, _, _): return containsAggregate(a) || containsAggregate(b) || containsAggregate(c)
    default: return false
    }
}
