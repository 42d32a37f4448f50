import Catalogue
import Foundation

/// A checked, typed expression, ready to run: fields are looked up once here, so the row loop
/// only calls closures over row indices.
struct Compiled {
    var type: ValueType
    var eval: (Int) -> Value
    /// For unit-typed fields: the unit id of a row, and the kinds of unit it can be.
    var unitOf: ((Int) -> Int?)?
    var unitKinds: Set<UnitKind>?
    var fieldName: String?
    /// For fields with `Field.groupID`: how many ids, and row `i`'s.
    var groupID: (count: Int, column: [Int32]?, id: (Int) -> Int)?
    /// A constant's value, known at plan time (literals).
    var constant: Value?
}

/// Resolves names against a thing's fields, checks types and compiles expressions.
struct Resolver {
    let thing: Thing
    let context: Context
    let fields: [String: Field]
    let parameters: [String: Value]
    var warnings: [Diagnostic] = []

    init(thing: Thing, context: Context, parameters: [String: Value] = [:]) {
        self.thing = thing
        self.context = context
        self.parameters = parameters
        var fields: [String: Field] = [:]
        for field in Schema.fields(thing) { fields[field.name] = field }
        self.fields = fields
    }

    func field(named word: String) -> Field? {
        let w = word.lowercased()
        return fields[w] ?? Vocabulary.fieldAliases[w].flatMap { fields[$0] }
    }

    mutating func compile(_ expr: Expr) throws(Diagnostic) -> Compiled {
        switch expr {
        case .number(let n, let percent, _):
            return constant(.number(n), percent ? .percent : .number)
        case .string(let s, _):
            return constant(.text(s), .text)
        case .period(let p, _):
            return constant(.period(p), .period)
        case .parameter(let name, let token):
            guard let value = parameters[name] else {
                throw error("no parameter $\(name) is set", at: token,
                            notes: parameters.isEmpty ? ["give it with --param \(name)=VALUE"] : ["parameters set: " + parameters.keys.sorted().map { "$" + $0 }.joined(separator: ", ")])
            }
            switch value {
            case .number: return constant(value, .number)
            case .period: return constant(value, .period)
            case .bool: return constant(value, .boolean)
            default: return constant(value, .text)
            }
        case .name(let word, let token):
            if let field = field(named: word) {
                let context = self.context
                let get = field.get
                var compiled = Compiled(type: field.type, eval: { get(context, $0) })
                if let unitOf = field.unitOf { compiled.unitOf = { unitOf(context, $0) } }
                compiled.unitKinds = field.unitKinds
                if let g = field.groupID { compiled.groupID = (g.count(context), g.column?(context), { g.id(context, $0) }) }
                compiled.fieldName = field.name
                return compiled
            }
            if context.dataset.catalogue.indicator(code: word) != nil {
                return constant(.text(word.uppercased()), .text)
            }
            throw unknownField(word, token)
        case .negate(let inner, let token):
            let c = try compile(inner)
            try requireNumeric(c, inner, token, "'-'")
            let eval = c.eval
            return Compiled(type: c.type, eval: { eval($0).number.map { .number(-$0) } ?? .missing })
        case .arithmetic(let op, let l, let r, let token):
            let a = try compile(l), b = try compile(r)
            try requireNumeric(a, l, token, "'\(op)'")
            try requireNumeric(b, r, token, "'\(op)'")
            let ea = a.eval, eb = b.eval
            let type: ValueType = (a.type == .percent || b.type == .percent) && (op == "+" || op == "-") ? .percent : .number
            let f: (Double, Double) -> Double? = switch op {
            case "+": { $0 + $1 }
            case "-": { $0 - $1 }
            case "*": { $0 * $1 }
            default: { $1 == 0 ? nil : $0 / $1 }
            }
            return Compiled(type: type, eval: { row in
                guard let x = ea(row).number, let y = eb(row).number, let v = f(x, y), v.isFinite else { return .missing }
                return .number(v)
            })
        case .compare(let op, let l, let r, let token):
            return try comparison(op, l, r, token)
        case .and(let l, let r):
            let a = try condition(l), b = try condition(r)
            let ea = a.eval, eb = b.eval
            return Compiled(type: .boolean, eval: { ea($0) == .bool(true) && eb($0) == .bool(true) ? .bool(true) : .bool(false) })
        case .or(let l, let r):
            let a = try condition(l), b = try condition(r)
            let ea = a.eval, eb = b.eval
            return Compiled(type: .boolean, eval: { ea($0) == .bool(true) || eb($0) == .bool(true) ? .bool(true) : .bool(false) })
        case .not(let inner, _):
            let c = try condition(inner)
            let e = c.eval
            return Compiled(type: .boolean, eval: { e($0) == .bool(true) ? .bool(false) : .bool(true) })
        case .inList(let l, let list, let negated, let token):
            var tests: [Compiled] = []
            for item in list { tests.append(try comparison("=", l, item, token)) }
            let evals = tests.map(\.eval)
            let left = try compile(l).eval
            return Compiled(type: .boolean, eval: { row in
                if left(row).isMissing { return .bool(false) }
                let hit = evals.contains { $0(row) == .bool(true) }
                return .bool(hit != negated)
            })
        case .between(let l, let low, let high, let negated, let token):
            let a = try comparison(">=", l, low, token), b = try comparison("<=", l, high, token)
            let ea = a.eval, eb = b.eval
            let left = try compile(l).eval
            return Compiled(type: .boolean, eval: { row in
                if left(row).isMissing { return .bool(false) }
                let inside = ea(row) == .bool(true) && eb(row) == .bool(true)
                return .bool(inside != negated)
            })
        case .match(let op, let l, let r, let negated, let token):
            let a = try compile(l), b = try compile(r)
            guard a.type.isTextual else {
                throw error("'\(op)' compares text, but \(describe(l)) is \(article(a.type))", at: token)
            }
            guard b.type.isTextual else {
                throw error("'\(op)' needs text on its right, such as \"koperasi\"; found \(article(b.type))", at: r.token)
            }
            let ea = a.eval, eb = b.eval
            let unitNames: ((Int) -> [String])? = a.unitOf.map { unitOf in
                let units = context.dataset.catalogue.organisation.units
                return { row in unitOf(row).map { [units[$0].fullName, units[$0].shortName] } ?? [] }
            }
            let test: (String, String) -> Bool = op == "like" ? { like($0, $1) } : { $0.range(of: $1, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            return Compiled(type: .boolean, eval: { row in
                guard case .text(let pattern) = eb(row) else { return .bool(false) }
                let candidates: [String]
                if let unitNames { candidates = unitNames(row) } else if case .text(let s) = ea(row) { candidates = [s] } else { return .bool(false) }
                if candidates.isEmpty { return .bool(false) }
                return .bool(candidates.contains { test($0, pattern) } != negated)
            })
        case .isMissing(let inner, let negated, _):
            let e = try compile(inner).eval
            return Compiled(type: .boolean, eval: { .bool(e($0).isMissing != negated) })
        case .call(let name, _, let token):
            if Vocabulary.aggregates[name] != nil {
                throw error("\(name)(...) is an aggregate: use it in the columns of a show, e.g. show indicators bidang, \(name)(achievement) group by bidang", at: token)
            }
            let near = Nearest.names(to: name, in: Array(Set(Vocabulary.aggregates.values)).sorted())
            throw error("unknown function '\(name)'", at: token, notes: ["functions are count, sum, avg, min, max" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")])
        }
    }

    /// An expression that must be a condition (where, and, or, not).
    mutating func condition(_ expr: Expr) throws(Diagnostic) -> Compiled {
        let c = try compile(expr)
        guard c.type == .boolean else {
            throw error("expected a condition such as achievement < 80%, found \(describe(expr)), which is \(article(c.type))", at: expr.token)
        }
        return c
    }

    mutating func comparison(_ op: String, _ l: Expr, _ r: Expr, _ token: Token) throws(Diagnostic) -> Compiled {
        var a = try compile(l), b = try compile(r)
        // A unit field against a name: compare by the unit matching rule, resolved once here.
        var literal = r
        if a.unitOf == nil, b.unitOf != nil { swap(&a, &b); literal = l }
        if let unitOf = a.unitOf, case .text(let name)? = b.constant, op == "=" || op == "!=" {
            let named = context.dataset.catalogue.organisation.units(named: name)
            let units = context.dataset.catalogue.organisation.units
            let ids = Set(named.filter { a.unitKinds?.contains(units[$0].kind) ?? true })
            if ids.isEmpty && !named.isEmpty, let field = a.fieldName {
                // The name is a unit, but never a value of this field: say which field would match.
                let unit = units[named[0]]
                let better = unit.kind.isBidangLevel ? "bidang" : (unit.kind == .seksi || unit.kind == .subBagian ? "seksi" : "unit")
                var w = Diagnostic.warning("\(unit.fullName) is a \(unit.kind.rawValue), never a \(field), so this comparison matches nothing",
                                           at: literal.token.location, notes: ["compare \(better) = \"\(unit.shortName)\" (or unit = ...) instead"])
                w.length = literal.token.length
                warnings.append(w)
            } else if ids.isEmpty {
                // Ranked by either name of a unit, each unit suggested once, by the name analysts type;
                // those that look like a typo of it, else the three nearest whatever the distance.
                let names = units.map(\.shortName) + units.map(\.fullName)
                let shortName = Dictionary(units.flatMap { [($0.shortName, $0.shortName), ($0.fullName, $0.shortName)] }, uniquingKeysWith: { a, _ in a })
                var close = Nearest.names(to: name, in: names, limit: names.count)
                if close.isEmpty { close = Nearest.names(to: name, in: names, limit: names.count, always: true) }
                var suggested = Set<String>()
                let near = close.compactMap { shortName[$0] }.filter { suggested.insert($0).inserted }.prefix(3)
                var w = Diagnostic.warning("no unit is named \"\(name)\", so this comparison matches nothing", at: literal.token.location,
                                           notes: near.isEmpty ? [] : ["nearest units: " + near.map { "\"\($0)\"" }.joined(separator: ", ")])
                w.length = literal.token.length
                warnings.append(w)
            }
            let equal = op == "="
            return Compiled(type: .boolean, eval: { row in
                guard let id = unitOf(row) else { return .bool(false) }
                return .bool(ids.contains(id) == equal)
            })
        }
        // A period against text or a year: read the text as a period.
        if a.type == .period, b.type != .period { b = try asPeriod(b, r) }
        if b.type == .period, a.type != .period { a = try asPeriod(a, l) }
        let compatible = (a.type.isNumeric && b.type.isNumeric) || (a.type.isTextual && b.type.isTextual)
            || (a.type == b.type)
        guard compatible else {
            throw error("cannot compare \(describe(l)) (\(a.type.rawValue)) with \(describe(r)) (\(b.type.rawValue))", at: token,
                        notes: a.type.isTextual || b.type.isTextual ? ["text compares with text: put the value in quotes, or compare a number field"] : [])
        }
        guard a.type != .boolean || op == "=" || op == "!=" else {
            throw error("conditions can only be compared with = or !=", at: token)
        }
        let ea = a.eval, eb = b.eval
        let test: (Value, Value) -> Bool
        switch op {
        case "=": test = { equal($0, $1) }
        case "!=": test = { !equal($0, $1) }
        default:
            let wanted: (Bool?, Bool) -> Bool = switch op {
            case "<": { before, _ in before == true }
            case "<=": { before, _ in before != false }
            case ">": { before, _ in before == false }
            default: { before, _ in before != true }
            }
            test = { x, y in wanted(orderedBefore(x, y), true) }
        }
        return Compiled(type: .boolean, eval: { row in
            let x = ea(row), y = eb(row)
            if x.isMissing || y.isMissing { return .bool(false) }
            return .bool(test(x, y))
        })
    }

    func asPeriod(_ c: Compiled, _ expr: Expr) throws(Diagnostic) -> Compiled {
        switch c.constant {
        case .text(let s)?:
            guard let p = Period(parsing: s) else {
                throw error("\"\(s)\" is not a period", at: expr.token, notes: ["periods are written " + Period.acceptedForms])
            }
            return constant(.period(p), .period)
        case .number(let n)? where n == n.rounded() && (1900...2999).contains(Int(n)):
            return constant(.period(.year(Int(n))), .period)
        default:
            throw error("cannot compare a period with \(describe(expr)) (\(c.type.rawValue))", at: expr.token)
        }
    }

    func constant(_ value: Value, _ type: ValueType) -> Compiled {
        Compiled(type: type, eval: { _ in value }, constant: value)
    }

    func requireNumeric(_ c: Compiled, _ expr: Expr, _ token: Token, _ what: String) throws(Diagnostic) {
        guard c.type.isNumeric else {
            throw error("\(what) needs numbers, but \(describe(expr)) is \(article(c.type))", at: expr.token)
        }
    }

    func unknownField(_ word: String, _ token: Token) -> Diagnostic {
        let names = Schema.fields(thing).map(\.name)
        // Aliases of this thing's fields are valid names too: `capian` is nearest to `capaian`.
        let aliases = Vocabulary.fieldAliases.filter { fields[$0.value] != nil }.keys.sorted()
        var near = Nearest.names(to: word, in: names + aliases)
        let keywordNear = Nearest.names(to: word, in: ["where", "for", "group", "order", "limit"], limit: 1)
        var notes: [String] = []
        if near.isEmpty { near = Nearest.names(to: word, in: names, limit: 3, always: true) }
        notes.append("did you mean " + near.joined(separator: ", ") + "?" + (keywordNear.isEmpty ? "" : " (or the keyword '\(keywordNear[0])')"))
        notes.append("fields of \(thing.rawValue): " + names.joined(separator: ", "))
        return error("unknown field '\(word)' for \(thing.rawValue)", at: token, notes: notes)
    }

    func describe(_ expr: Expr) -> String {
        switch expr {
        case .name(let w, _): return "'\(w)'"
        case .string(let s, _): return "\"\(s)\""
        case .number(let n, let p, _): return numberLiteral(n) + (p ? "%" : "")
        default: return "the expression at column \(expr.token.location.column)"
        }
    }

    func article(_ type: ValueType) -> String {
        switch type {
        case .text, .unit: return "text"
        case .number: return "a number"
        case .percent: return "a percentage"
        case .period: return "a period"
        case .boolean: return "a condition"
        }
    }

    func error(_ message: String, at token: Token, notes: [String] = []) -> Diagnostic {
        var d = Diagnostic.error(message, at: token.location, notes: notes)
        d.length = token.length
        return d
    }
}

/// Equality as analysts expect it: text case-insensitively, numbers exactly.
func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)): return x.caseInsensitiveCompare(y) == .orderedSame
    default: return a == b
    }
}

/// SQL LIKE, case-insensitive: `%` any run of characters, `_` one character.
func like(_ text: String, _ pattern: String) -> Bool {
    let t = Array(text.lowercased()), p = Array(pattern.lowercased())
    var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: p.count + 1), count: t.count + 1)
    func go(_ i: Int, _ j: Int) -> Bool {
        if let m = memo[i][j] { return m }
        let result: Bool
        if j == p.count { result = i == t.count }
        else if p[j] == "%" { result = go(i, j + 1) || (i < t.count && go(i + 1, j)) }
        else if i < t.count && (p[j] == "_" || p[j] == t[i]) { result = go(i + 1, j + 1) }
        else { result = false }
        memo[i][j] = result
        return result
    }
    return go(0, 0)
}
