import Catalogue

/// Runs statements over a dataset. Each `show` is planned once (names resolved, types checked,
/// closures built), then executed: filter, group, sort, limit, project.
public struct Interpreter {
    /// Replacing it drops the evaluations and columns kept for the old one.
    public var dataset: Dataset { didSet { cache = EvaluationCache() } }
    /// The period statements use when they say no `for`; nil means the latest with realisations.
    public var period: Period?
    public var parameters: [String: Value]
    /// Asked every few thousand rows; true abandons the statement (Ctrl-C in the shell).
    public var isCancelled: () -> Bool = { false }
    /// Evaluations kept between statements; replace it when the data changes.
    public var cache = EvaluationCache()

    public init(dataset: Dataset, period: Period? = nil, parameters: [String: Value] = [:]) {
        self.dataset = dataset
        self.period = period
        self.parameters = parameters
    }

    /// The period a statement without `for` is evaluated for.
    public var defaultPeriod: Period? { period ?? dataset.realisations.latestPeriod }

    public func run(_ statement: Statement) throws(Diagnostic) -> ResultSet {
        switch statement {
        case .query(let question): return try run(question)
        case .command(.export(let show, _, _, _)):
            return try run(show)
        case .command(.set(_, let token)), .command(.load(_, _, let token)), .command(.help(_, let token)):
            throw Diagnostic.error("'\(token.text)' is a session command; run it in iki, not through the interpreter", at: token.location)
        case .command(.quit):
            throw Diagnostic.error("quit is a session command")
        }
    }

    public func run(_ question: Question) throws(Diagnostic) -> ResultSet {
        switch question {
        case .show(let show): return try run(show)
        case .describeThing(let thing, _): return Describe.fields(of: thing)
        case .describeOne(let thing, let name, let token):
            let context = Context(dataset: dataset, period: defaultPeriod, cache: cache)
            return thing == .indicators ? try Describe.indicator(name, token, context) : try Describe.position(name, token, context)
        }
    }

    func resolvePeriod(_ show: ShowStatement) throws(Diagnostic) -> Period? {
        if let token = show.periodToken, token.kind == .parameter {
            guard let value = parameters[token.text] else {
                throw .error(.unknownParameter(token.text), at: token.location, length: token.length,
                             notes: [.giveParameter(token.text)])
            }
            guard let period = value.asPeriod else {
                throw .error(.parameterNotAPeriod(token.text), at: token.location, length: token.length, notes: [.periodForms])
            }
            return period
        }
        if let p = show.period { return p }
        // Realisations without `for` list every period; everything else uses the current one.
        return show.thing == .realisations ? nil : defaultPeriod
    }

    func run(_ show: ShowStatement) throws(Diagnostic) -> ResultSet {
        let period = try resolvePeriod(show)
        let context = Context(dataset: dataset, period: period, cache: cache)
        var resolver = Resolver(thing: show.thing, context: context, parameters: parameters)

        // Plan.
        let filter = try show.filter.map { e throws(Diagnostic) in try resolver.condition(e) }
        var items = show.columns
        // Only count, sum, avg, min and max make a query aggregate; any other call is an unknown
        // function, reported as such when its column is compiled.
        let aggregating = !show.groupBy.isEmpty || items.contains {
            if case .call(let name, _, _) = $0.expr { return Vocabulary.aggregates[name] != nil } else { return false }
        }
        if items.isEmpty {
            if aggregating {
                items = show.groupBy + [SelectItem(expr: .call("count", nil, show.thingToken), alias: "count", text: "count")]
            } else {
                items = Schema.defaultColumns[show.thing]!.map { SelectItem(expr: .name($0, show.thingToken), alias: nil, text: $0) }
            }
        }
        let columns = items.map { item -> String in
            if let alias = item.alias { return alias }
            if case .name(let w, _) = item.expr, let f = resolver.field(named: w) { return f.name }
            return item.text
        }
        let rowCount = Schema.rowCount(show.thing, context)
        var selected: [Int] = []
        selected.reserveCapacity(rowCount)
        if let filter {
            let test = filter.eval
            for row in 0..<rowCount {
                if row & 4095 == 0, isCancelled() { throw Diagnostic.error("interrupted", at: show.thingToken.location) }
                if test(row) == .bool(true) { selected.append(row) }
            }
        } else {
            selected = Array(0..<rowCount)
        }

        var result: ResultSet
        if aggregating {
            result = try aggregate(show, items: items, columns: columns, rows: selected, resolver: &resolver)
        } else {
            var compiled: [Compiled] = []
            for item in items { compiled.append(try resolver.compile(item.expr)) }
            // Order: by an output column's name, or by any expression over the row.
            var keys: [(eval: (Int) -> Value, descending: Bool)] = []
            for order in show.orderBy {
                if case .name(let w, _) = order.expr, let i = columns.firstIndex(where: { $0.lowercased() == w.lowercased() }) {
                    keys.append((compiled[i].eval, order.descending))
                } else {
                    keys.append((try resolver.compile(order.expr).eval, order.descending))
                }
            }
            if !keys.isEmpty {
                let columns = keys.map { key in selected.map(key.eval) }
                let order = stableOrder(columns: columns, descending: keys.map(\.descending))
                selected = order.map { selected[$0] }
            }
            if let limit = show.limit { selected = Array(selected.prefix(limit)) }
            let evals = compiled.map(\.eval)
            let rows = selected.map { row in evals.map { $0(row) } }
            result = ResultSet(columns: zip(columns, compiled).map { Column(name: $0, type: $1.type == .unit ? .text : $1.type) }, rows: rows)
        }
        result.warnings = resolver.warnings
        result.period = period
        return result
    }

    func aggregate(_ show: ShowStatement, items: [SelectItem], columns: [String], rows: [Int], resolver: inout Resolver) throws(Diagnostic) -> ResultSet {
        let keyTexts = show.groupBy.map { $0.text.lowercased() }
        var keys: [Compiled] = []
        for item in show.groupBy { keys.append(try resolver.compile(item.expr)) }
        var outputs: [GroupedValue] = []
        var types: [ValueType] = []
        for item in items {
            let compiled = try compileGrouped(item.expr, text: item.text, show: show, keys: keys, keyTexts: keyTexts, resolver: &resolver)
            outputs.append(compiled.eval)
            types.append(compiled.type == .unit ? .text : compiled.type)
        }

        // Group rows by their key values: as one integer when every key has ids (office,
        // region, units), else by the values, text case-insensitively.
        var groups: [(key: [Value], rows: [Int])] = []
        let keyEvals = keys.map(\.eval)
        if let packed = packedGroupKey(keys) {
            var groupIndex: [Int: Int] = [:]
            for row in rows {
                let key = packed(row)
                if let g = groupIndex[key] { groups[g].rows.append(row) } else {
                    groupIndex[key] = groups.count
                    groups.append((keyEvals.map { $0(row) }, [row]))
                }
            }
        } else {
            var groupIndex: [[Value]: Int] = [:]
            for row in rows {
                let key = keyEvals.map { normalise($0(row)) }
                if let g = groupIndex[key] { groups[g].rows.append(row) } else {
                    groupIndex[key] = groups.count
                    groups.append((keyEvals.map { $0(row) }, [row]))
                }
            }
        }
        if keys.isEmpty && groups.isEmpty { groups.append(([], [])) }
        // Without order by, groups come sorted by their keys, so a trend by period reads in order.
        if show.orderBy.isEmpty && !keys.isEmpty {
            groups = stableOrder(columns: keys.indices.map { k in groups.map { $0.key[k] } }, descending: keys.map { _ in false }).map { groups[$0] }
        }
        var table: [[Value]] = groups.map { group in
            outputs.map { $0(group.key, group.rows) }
        }
        // Order by output columns: by name, alias or the expression as written.
        if !show.orderBy.isEmpty {
            var indices: [(Int, Bool)] = []
            for order in show.orderBy {
                let text = order.text.lowercased()
                var i = columns.firstIndex { $0.lowercased() == text } ?? items.firstIndex { $0.text.lowercased() == text }
                if i == nil, case .name(let w, _) = order.expr, let f = resolver.field(named: w) {
                    i = columns.firstIndex { $0.lowercased() == f.name }
                }
                guard let index = i else {
                    throw Diagnostic.error("order by in a grouped query must name one of its columns: " + columns.joined(separator: ", "), at: order.expr.token.location)
                }
                indices.append((index, order.descending))
            }
            let order = stableOrder(columns: indices.map { column, _ in table.map { $0[column] } }, descending: indices.map(\.1))
            table = order.map { table[$0] }
        }
        if let limit = show.limit { table = Array(table.prefix(limit)) }
        return ResultSet(columns: zip(columns, types).map { Column(name: $0, type: $1) }, rows: table)
    }
}

/// A column of a grouped query: computed from a group's key values and its rows.
typealias GroupedValue = (_ key: [Value], _ rows: [Int]) -> Value

extension Interpreter {
    /// Compiles a column of a grouped query: an aggregate over the group's rows, a grouped key,
    /// a literal, or arithmetic over those (`avg(achievement) - 80`).
    func compileGrouped(_ expr: Expr, text: String, show: ShowStatement, keys: [Compiled], keyTexts: [String],
                        resolver: inout Resolver) throws(Diagnostic) -> (type: ValueType, eval: GroupedValue) {
        // A grouped expression, as written or as the same field.
        var index = keyTexts.firstIndex(of: text.lowercased())
        if index == nil, case .name(let w, _) = expr, let f = resolver.field(named: w) {
            index = show.groupBy.firstIndex { if case .name(let g, _) = $0.expr { return resolver.field(named: g)?.name == f.name } else { return false } }
        }
        if let index { return (keys[index].type, { key, _ in key[index] }) }
        switch expr {
        case .call(let name, let argument, let token):
            guard let function = Vocabulary.aggregates[name] else {
                _ = try resolver.compile(expr)  // reports the unknown function
                throw Diagnostic.error("unknown function '\(name)'", at: token.location)
            }
            var input: Compiled?
            if let argument {
                if containsAggregate(argument) { throw Diagnostic.error("an aggregate cannot contain another aggregate", at: argument.token.location) }
                input = try resolver.compile(argument)
            }
            if function != "count" {
                guard let input else { throw Diagnostic.error("\(name)(*) is not defined; give a field, as in \(name)(achievement)", at: token.location) }
                if function == "sum" || function == "avg" {
                    try resolver.requireNumeric(input, argument!, token, "\(name)(...)")
                }
            }
            let aggregate = Aggregate(function: function, input: input?.eval)
            return (function == "count" ? .number : input!.type, { _, rows in aggregate.run(rows) })
        case .number(let n, let percent, _):
            return (percent ? .percent : .number, { _, _ in .number(n) })
        case .negate(let inner, let token):
            let c = try compileGrouped(inner, text: "", show: show, keys: keys, keyTexts: [], resolver: &resolver)
            guard c.type == .number || c.type == .percent else { throw Diagnostic.error("'-' needs a number", at: token.location) }
            return (c.type, { key, rows in c.eval(key, rows).number.map { .number(-$0) } ?? .missing })
        case .arithmetic(let op, let l, let r, let token):
            let a = try compileGrouped(l, text: "", show: show, keys: keys, keyTexts: keyTexts, resolver: &resolver)
            let b = try compileGrouped(r, text: "", show: show, keys: keys, keyTexts: keyTexts, resolver: &resolver)
            guard (a.type == .number || a.type == .percent) && (b.type == .number || b.type == .percent) else {
                throw Diagnostic.error("'\(op)' needs numbers on both sides", at: token.location)
            }
            let type: ValueType = (a.type == .percent || b.type == .percent) && (op == "+" || op == "-") ? .percent : .number
            return (type, { key, rows in
                guard let x = a.eval(key, rows).number, let y = b.eval(key, rows).number else { return .missing }
                let v: Double = switch op { case "+": x + y; case "-": x - y; case "*": x * y; default: y == 0 ? .nan : x / y }
                return v.isFinite ? .number(v) : .missing
            })
        default:
            throw Diagnostic.error("'\(text)' is neither grouped nor aggregated: add it to group by, or use it inside count, sum, avg, min or max",
                                   at: expr.token.location)
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

/// Indices of rows in sorted order, stable; missing values last whatever the direction. `keys`
/// holds one column of values per key. Each column becomes doubles first (text and periods the
/// rank of their distinct values), so the sort compares numbers, and text is compared once per
/// distinct value rather than once per pair of rows.
func stableOrder(columns keys: [[Value]], descending: [Bool]) -> [Int] {
    let count = keys.first?.count ?? 0
    let ranks = keys.map(sortKeys)
    return (0..<count).sorted { a, b in
        for k in ranks.indices {
            let x = ranks[k][a], y = ranks[k][b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x == y || x.isNaN { continue }
            return descending[k] ? x > y : x < y
        }
        return a < b
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
