import Catalogue
import Foundation

/// Comparisons: units by the unit matching rule, periods against text or a year, text with text,
/// numbers with numbers; and `contains` / `like`.
extension Resolver {
    mutating func comparison(_ op: String, _ l: Expr, _ r: Expr, _ token: Token) throws(Diagnostic) -> Compiled {
        var a = try compile(l), b = try compile(r)
        warnPlausiblyWrong(a, l, b, r)
        // A unit field against a name: compare by the unit matching rule, resolved once here.
        var literal = r
        if a.unitOf == nil, b.unitOf != nil { swap(&a, &b); literal = l }
        if let unitOf = a.unitOf, case .text(let name)? = b.constant, op == "=" || op == "!=" {
            let ids = unitIDs(named: name, field: a, literal: literal.token)
            let equal = op == "="
            return Compiled("\(op) by unit name (\(ids.count) unit\(ids.count == 1 ? "" : "s"))", .boolean, [a, b]) { row in
                guard let id = unitOf(row) else { return .bool(false) }
                return .bool(ids.contains(id) == equal)
            }
        }
        // A unit's kind against the words analysts use for it: `kind = "kasi"` is `kind = "seksi"`.
        if thing == .units, op == "=" || op == "!=" {
            if a.fieldName == "kind", case .text(let word)? = b.constant, let kind = Vocabulary.unitKindWords[word.lowercased()] {
                b = constant(.text(kind.rawValue), .text)
            } else if b.fieldName == "kind", case .text(let word)? = a.constant, let kind = Vocabulary.unitKindWords[word.lowercased()] {
                a = constant(.text(kind.rawValue), .text)
            }
        }
        // A state against its code or its words: `state = "tidak dapat dihitung"` is `state = "not-computable"`.
        if op == "=" || op == "!=", a.fieldName == "state" || b.fieldName == "state" {
            let fieldOnLeft = a.fieldName == "state"
            if case .text(let word)? = (fieldOnLeft ? b : a).constant {
                guard let state = ReportState(word: word) else {
                    throw .error(.unknownState(word), at: (fieldOnLeft ? r : l).token, notes: [.statesAre(ReportState.allCases.map(\.rawValue))])
                }
                if fieldOnLeft { b = constant(.text(state.rawValue), .text) } else { a = constant(.text(state.rawValue), .text) }
            }
        }
        // A period against text or a year: read the text as a period.
        if a.type == .period, b.type != .period { b = try asPeriod(b, r) }
        if b.type == .period, a.type != .period { a = try asPeriod(a, l) }
        let compatible = (a.type.isNumeric && b.type.isNumeric) || (a.type.isTextual && b.type.isTextual)
            || (a.type == b.type)
        guard compatible else {
            throw .error(.cannotCompare(describe(l), a.type.rawValue, describe(r), b.type.rawValue), at: token,
                         notes: [a.type.isTextual || b.type.isTextual ? .textComparesWithText : nil])
        }
        guard a.type != .boolean || op == "=" || op == "!=" else {
            throw .error(.conditionsCompareByEquality, at: token)
        }
        let ea = a.eval, eb = b.eval
        let test: (Value, Value) -> Bool
        switch op {
        case "=": test = { equal($0, $1) }
        case "!=": test = { !equal($0, $1) }
        default:
            let wanted: (Bool?) -> Bool = switch op {
            case "<": { $0 == true }
            case "<=": { $0 != false }
            case ">": { $0 == false }
            default: { $0 != true }
            }
            test = { x, y in wanted(orderedBefore(x, y)) }
        }
        return Compiled(op, .boolean, [a, b]) { row in
            let x = ea(row), y = eb(row)
            if x.isMissing || y.isMissing { return .bool(false) }
            return .bool(test(x, y))
        }
    }

    /// Warnings for comparisons that read well but probably mean something else; the
    /// comparison itself is compiled as written.
    mutating func warnPlausiblyWrong(_ a: Compiled, _ l: Expr, _ b: Compiled, _ r: Expr) {
        // `kind = bidang`: a bare word that is a field, and also a value of the other field's domain.
        for (field, fieldExpr, other) in [(a, l, r), (b, r, l)] {
            guard thing == .units, field.fieldName == "kind", case .name(let word, let token) = other,
                  case .name = fieldExpr, Vocabulary.unitKindWords[word.lowercased()] != nil else { continue }
            warnings.append(.warning(.bareWordIsField("kind", word: word), at: token.location, length: token.length,
                                     notes: [.quoteTheWord(fieldExpr.token.text, word: word)]))
        }
        // `capaian < 0.8`: a percentage field (0-100) against a number strictly between 0 and 1.
        for (field, other, literal) in [(a, b, r), (b, a, l)] {
            guard field.type == .percent, let name = field.fieldName, other.type == .number,
                  case .number(let n)? = other.constant, n > 0, n < 1 else { continue }
            let number = numberLiteral(n)
            warnings.append(.warning(.fractionForPercentage(name, number), at: literal.token.location, length: literal.token.length,
                                     notes: [.writePercent(numberLiteral(n * 100) + "%")]))
        }
    }

    /// The units a name stands for in a comparison with a unit field; a warning when there are
    /// none, as an empty result would look like an answer.
    mutating func unitIDs(named name: String, field a: Compiled, literal: Token) -> Set<Int> {
        let named = context.dataset.catalogue.organisation.units(named: name)
        let units = context.dataset.catalogue.organisation.units
        let ids = Set(named.filter { a.unitKinds?.contains(units[$0].kind) ?? true })
        if ids.isEmpty && !named.isEmpty, let field = a.fieldName {
            // The name is a unit, but never a value of this field: say which field would match.
            let unit = units[named[0]]
            let better = unit.kind.isBidangLevel ? "bidang" : (unit.kind == .seksi || unit.kind == .subBagian ? "seksi" : "unit")
            warnings.append(.warning(.unitNeverField(unit.fullName, kind: unit.kind.rawValue, field: field), at: literal.location,
                                     length: literal.length, notes: [.compareUnitInstead(better, unit.shortName)]))
        } else if ids.isEmpty {
            // Ranked by either name of a unit, each unit suggested once, by the name analysts type;
            // those that look like a typo of it, else the three nearest whatever the distance.
            let names = units.map(\.shortName) + units.map(\.fullName)
            let shortName = Dictionary(units.flatMap { [($0.shortName, $0.shortName), ($0.fullName, $0.shortName)] }, uniquingKeysWith: { a, _ in a })
            var close = Nearest.names(to: name, in: names, limit: names.count)
            if close.isEmpty { close = Nearest.names(to: name, in: names, limit: names.count, always: true) }
            var suggested = Set<String>()
            let near = close.compactMap { shortName[$0] }.filter { suggested.insert($0).inserted }.prefix(3)
            warnings.append(.warning(.noUnitNamed(name), at: literal.location, length: literal.length, notes: [.nearestUnits(Array(near))]))
        }
        return ids
    }

    /// Text or a year where a period is compared: the period it names. Never traps on a huge
    /// number (`period = 99999999999999999999`): it is simply not a year.
    func asPeriod(_ c: Compiled, _ expr: Expr) throws(Diagnostic) -> Compiled {
        if case .text(let s)? = c.constant {
            guard let p = Period(parsing: s) else {
                throw .error(.textNotAPeriod(s), at: expr.token, notes: [.periodForms])
            }
            return constant(.period(p), .period)
        }
        if case .number? = c.constant, let p = c.constant?.asPeriod, p.granularity == .year {
            return constant(.period(p), .period)
        }
        throw .error(.cannotCompareWithPeriod(describe(expr), c.type.rawValue), at: expr.token)
    }

    /// `contains` and `like`: text, or either name of a unit.
    mutating func match(_ op: String, _ l: Expr, _ r: Expr, negated: Bool, _ token: Token) throws(Diagnostic) -> Compiled {
        let a = try compile(l), b = try compile(r)
        guard a.type.isTextual else {
            throw .error(.matchNeedsText(op, describe(l), article(a.type)), at: token)
        }
        guard b.type.isTextual else {
            throw .error(.matchNeedsTextPattern(op, article(b.type)), at: r.token)
        }
        let ea = a.eval, eb = b.eval
        let unitNames: ((Int) -> [String])? = a.unitOf.map { unitOf in
            let units = context.dataset.catalogue.organisation.units
            return { row in unitOf(row).map { [units[$0].fullName, units[$0].shortName] } ?? [] }
        }
        let test: (String, String) -> Bool = op == "like" ? { likeMatches($0, $1) } : { $0.range(of: $1, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        return Compiled((negated ? "not " : "") + op, .boolean, [a, b]) { row in
            guard case .text(let pattern) = eb(row) else { return .bool(false) }
            let candidates: [String]
            if let unitNames { candidates = unitNames(row) } else if case .text(let s) = ea(row) { candidates = [s] } else { return .bool(false) }
            if candidates.isEmpty { return .bool(false) }
            return .bool(candidates.contains { test($0, pattern) } != negated)
        }
    }
}

/// Equality as analysts expect it: text case-insensitively, numbers exactly.
func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)): return x.caseInsensitiveCompare(y) == .orderedSame
    default: return a == b
    }
}
