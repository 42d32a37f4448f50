import Catalogue
import Foundation

/// Resolves names against a thing's fields, checks types and compiles expressions: the one
/// compiler of the language. The planner calls it for every expression of a statement, over rows
/// (`compile`) and over groups (`compileGrouped`), before any row is read.
struct Resolver {
    let thing: Thing
    let context: Context
    let fields: [String: Field]
    let parameters: [String: Value]
    var warnings: [Diagnostic] = []
    /// Where the compiled expressions count results past the largest Double.
    let overflow = OverflowTally()

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
                throw .error(.unknownParameter(name), at: token,
                             notes: [parameters.isEmpty ? .giveParameter(name, example: "VALUE") : .parametersSet(Array(parameters.keys))])
            }
            let type: ValueType = switch value {
            case .number: .number
            case .period: .period
            case .bool: .boolean
            default: .text
            }
            var c = constant(value, type)
            c.node.label = "$\(name) = " + c.node.label
            return c
        case .name(let word, let token):
            if let field = field(named: word) {
                let context = self.context
                let get = field.get
                var compiled = Compiled("field \(field.name)", field.type, eval: { get(context, $0) })
                if let unitOf = field.unitOf { compiled.unitOf = { unitOf(context, $0) } }
                compiled.unitKinds = field.unitKinds
                if let g = field.groupID { compiled.groupID = (g.count(context), g.column?(context), { g.id(context, $0) }) }
                compiled.fieldName = field.name
                // A state's code is shown in the current language's words on screen.
                if field.name == "state" || field.name == "category" { compiled.picture = .state }
                return compiled
            }
            if context.dataset.catalogue.indicator(code: word) != nil {
                return constant(.text(word.uppercased()), .text)
            }
            throw unknownField(word, token)
        case .negate(let inner, let token):
            let c = try compile(inner)
            try requireNumeric(c, inner, token, "'-'")
            return .negation(c)
        case .arithmetic(let op, let l, let r, let token):
            let a = try compile(l), b = try compile(r)
            try requireNumeric(a, l, token, "'\(op)'")
            try requireNumeric(b, r, token, "'\(op)'")
            return .arithmetic(op, a, b, site: arithmeticSite(op, token))
        case .compare(let op, let l, let r, let token):
            return try comparison(op, l, r, token)
        case .and(let l, let r):
            let a = try condition(l), b = try condition(r)
            let ea = a.eval, eb = b.eval
            return Compiled("and", .boolean, [a, b]) { ea($0) == .bool(true) && eb($0) == .bool(true) ? .bool(true) : .bool(false) }
        case .or(let l, let r):
            let a = try condition(l), b = try condition(r)
            let ea = a.eval, eb = b.eval
            return Compiled("or", .boolean, [a, b]) { ea($0) == .bool(true) || eb($0) == .bool(true) ? .bool(true) : .bool(false) }
        case .not(let inner, _):
            let c = try condition(inner)
            let e = c.eval
            return Compiled("not", .boolean, [c]) { e($0) == .bool(true) ? .bool(false) : .bool(true) }
        case .inList(let l, let list, let negated, let token):
            var tests: [Compiled] = []
            for item in list { tests.append(try comparison("=", l, item, token)) }
            let evals = tests.map(\.eval)
            let left = try compile(l)
            let eleft = left.eval
            var c = Compiled(negated ? "not in" : "in", .boolean, [left]) { row in
                if eleft(row).isMissing { return .bool(false) }
                let hit = evals.contains { $0(row) == .bool(true) }
                return .bool(hit != negated)
            }
            // The list, as each of its comparisons holds it.
            c.node.children += tests.map { $0.node.children.last ?? $0.node }
            return c
        case .between(let l, let low, let high, let negated, let token):
            let a = try comparison(">=", l, low, token), b = try comparison("<=", l, high, token)
            let ea = a.eval, eb = b.eval
            let left = try compile(l)
            let eleft = left.eval
            var c = Compiled(negated ? "not between" : "between", .boolean, [left]) { row in
                if eleft(row).isMissing { return .bool(false) }
                let inside = ea(row) == .bool(true) && eb(row) == .bool(true)
                return .bool(inside != negated)
            }
            c.node.children += [a, b].map { $0.node.children.last ?? $0.node }
            return c
        case .match(let op, let l, let r, let negated, let token):
            return try match(op, l, r, negated: negated, token)
        case .isMissing(let inner, let negated, _):
            let c = try compile(inner)
            let e = c.eval
            return Compiled(negated ? "is not missing" : "is missing", .boolean, [c]) { .bool(e($0).isMissing != negated) }
        case .call(let name, let argument, let token):
            if let picture = Vocabulary.pictureFunctions[name] { return try compilePicture(picture, argument, token) }
            if Vocabulary.aggregates[name] != nil {
                throw .error(.aggregateOutsideColumns(name), at: token)
            }
            let near = Message.didYouMean(name, among: Array(Set(Vocabulary.aggregates.values)).sorted() + ["bar", "trend"])
            throw .error(.unknownFunction(name), at: token, notes: [.functionsAre(near)])
        }
    }

    /// The overflow site of an operator: the caret under it.
    func arithmeticSite(_ op: String, _ token: Token) -> (tally: OverflowTally, index: Int) {
        (overflow, overflow.site({ .arithmeticOverflow(op, rows: $0) }, at: token.location, length: token.length))
    }

    /// An expression that must be a condition (where, and, or, not).
    mutating func condition(_ expr: Expr) throws(Diagnostic) -> Compiled {
        let c = try compile(expr)
        guard c.type == .boolean else {
            throw .error(.expectedCondition(describe(expr), article(c.type)), at: expr.token)
        }
        return c
    }

    func constant(_ value: Value, _ type: ValueType) -> Compiled {
        let label = switch value {
        case .text(let s): "\"\(s)\""
        case .number(let n): numberLiteral(n) + (type == .percent ? "%" : "")
        default: value.asText
        }
        var c = Compiled(label, type, eval: { _ in value })
        c.constant = value
        return c
    }

    func requireNumeric(_ c: Compiled, _ expr: Expr, _ token: Token, _ what: String) throws(Diagnostic) {
        guard c.type.isNumeric else {
            throw .error(.needsNumbers(what, describe(expr), article(c.type)), at: expr.token)
        }
    }

    func unknownField(_ word: String, _ token: Token) -> Diagnostic {
        let names = Schema.fields(thing).map(\.name)
        // Aliases of this thing's fields are valid names too: `capian` is nearest to `capaian`.
        let aliases = Vocabulary.fieldAliases.filter { fields[$0.value] != nil }.keys.sorted()
        var near = Nearest.names(to: word, in: names + aliases)
        let keywordNear = Nearest.names(to: word, in: ["where", "for", "group", "order", "limit"], limit: 1)
        if near.isEmpty { near = Nearest.names(to: word, in: names, limit: 3, always: true) }
        let suggestion = Message.didYouMean(near).map { s in keywordNear.first.map { Message.orKeyword(s, $0) } ?? s }
        // `kind = seksi`: a kind of unit written without quotes.
        let quoted: Message? = thing == .units && Vocabulary.unitKindWords[word.lowercased()] != nil ? .quoteTheWord("kind", word: word) : nil
        // `state = reported`: a state written without quotes.
        let state: Message? = fields["state"] != nil && ReportState(word: word) != nil ? .quoteTheWord("state", word: word) : nil
        return .error(.unknownField(word, thing: thing.rawValue), at: token, notes: [quoted ?? state ?? suggestion, .fieldsOf(thing.rawValue, names)])
    }

    /// An operand as messages name it: `'code'`, `"x"`, `80%`, or where it is.
    func describe(_ expr: Expr) -> String {
        switch expr {
        case .name(let w, _): return "'\(w)'"
        case .string(let s, _): return "\"\(s)\""
        case .number(let n, let p, _): return numberLiteral(n) + (p ? "%" : "")
        default: return Message.expressionAtColumn(expr.token.location.column).text
        }
    }

    /// A type as messages name it, with its article.
    func article(_ type: ValueType) -> String {
        switch type {
        case .text, .unit: return Message.kindText.text
        case .number: return Message.kindNumber.text
        case .percent: return Message.kindPercentage.text
        case .period: return Message.kindPeriod.text
        case .boolean: return Message.kindCondition.text
        }
    }
}
