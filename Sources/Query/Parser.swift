import Catalogue

/// Recursive-descent parser: tokens -> statements. The grammar it implements is written out in
/// grammar/iki.ebnf; the comments on each function quote its rule.
public struct Parser {
    var tokens: [Token]
    var current = 0

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole input: statements separated by `;`.
    public static func parse(_ text: String, file: String = "<query>", line: Int = 1) throws(Diagnostic) -> [Statement] {
        var parser = Parser(tokens: try Lexer.tokenize(text, file: file, line: line))
        return try parser.statements()
    }

    // script = [ statement ] { ";" [ statement ] } ;
    mutating func statements() throws(Diagnostic) -> [Statement] {
        var result: [Statement] = []
        while peek.kind != .end {
            if peek.kind == .semicolon { advance(); continue }
            result.append(try statement())
            if peek.kind != .end && peek.kind != .semicolon {
                throw error("expected ';' or the end of the statement, found \(describe(peek))", at: peek)
            }
        }
        return result
    }

    static let statementWords = ["show", "describe", "explain", "export", "set", "load", "help", "quit"]

    // statement = show | describe | export | set | load | help | quit ;
    mutating func statement() throws(Diagnostic) -> Statement {
        let token = peek
        switch keyword(token) {
        case "show":
            advance()
            let statement = try show(token)
            if keyword(peek) == "to" {
                throw error("'to' belongs to export: write export show ... to \"file.csv\"", at: peek)
            }
            return .show(statement)
        case "describe": advance(); return try describeStatement(token)
        case "explain": advance(); return try explain(token)
        case "export": advance(); return try export(token)
        case "set": advance(); return try set(token)
        case "load": advance(); return try load(token)
        case "help":
            advance()
            if peek.kind == .identifier || peek.kind == .string {
                let topic = peek
                advance()
                return .help(topic.text, topic)
            }
            return .help(nil, token)
        case "quit", "exit": advance(); return .quit
        default:
            if token.kind == .identifier, ["select", "from"].contains(token.text.lowercased()) {
                throw error("expected a statement (\(Self.statementWords.joined(separator: ", "))), found \(describe(token))", at: token,
                            notes: ["SQL's select is show here: show indicators code, achievement where achievement < 80%"])
            }
            let near = token.kind == .identifier ? Nearest.names(to: token.text, in: Self.statementWords) : []
            throw error("expected a statement (\(Self.statementWords.joined(separator: ", "))), found \(describe(token))", at: token,
                        notes: near.isEmpty ? [] : ["did you mean \(near.joined(separator: ", "))?"])
        }
    }

    // show = "show" thing [ item { "," item } ] [ "where" expr ] [ "for" period ]
    //        [ "group" "by" item { "," item } ] [ "order" "by" order { "," order } ] [ "limit" NUMBER ] ;
    mutating func show(_ start: Token) throws(Diagnostic) -> ShowStatement {
        let thingToken = peek
        guard let thing = thing(thingToken) else {
            throw unknownThing(thingToken)
        }
        advance()
        var statement = ShowStatement(thing: thing, thingToken: thingToken)
        if !atClauseEnd {
            statement.columns = try items()
        }
        var seen: Set<String> = []
        while !(peek.kind == .end || peek.kind == .semicolon || keyword(peek) == "to") {
            let token = peek
            if let next = keyword(token), Self.statementWords.contains(next) {
                throw error("expected ';' before '\(token.text)': statements are separated by ';'", at: token)
            }
            guard let clause = keyword(token), ["where", "for", "group", "order", "limit"].contains(clause) else {
                // `show indicators wher achievement < 80%`: the typo was read as a column.
                if case .name(let word, let wordToken)? = statement.columns.last?.expr, statement.columns.last?.alias == nil,
                   let near = Nearest.names(to: word, in: ["where", "for", "group", "order", "limit"], limit: 1).first,
                   Nearest.distance(word.lowercased(), near) <= 2 {
                    throw error("expected where, for, group by, order by or limit after the columns, found \(describe(token))", at: wordToken,
                                notes: ["'\(word)' was read as a column; did you mean \(near)?"])
                }
                throw error("expected where, for, group by, order by or limit, found \(describe(token))", at: token)
            }
            guard seen.insert(clause).inserted else { throw error("'\(clause)' appears twice in this statement", at: token) }
            advance()
            switch clause {
            case "where":
                statement.filter = try expression()
            case "for":
                try period(into: &statement, after: token)
            case "group":
                try expectKeyword("by", after: token)
                statement.groupBy = try items(allowAlias: false)
            case "order":
                try expectKeyword("by", after: token)
                repeat {
                    let first = current
                    let expr = try expression()
                    let written = text(from: first, to: current)
                    var descending = false
                    if let k = keyword(peek), k == "asc" || k == "desc" { descending = k == "desc"; advance() }
                    statement.orderBy.append(OrderItem(expr: expr, text: written, descending: descending))
                } while match(",")
            default:
                let n = peek
                guard n.kind == .number, let value = Int(n.text), value >= 0 else {
                    throw error("expected a whole number after limit, found \(describe(n))", at: n)
                }
                advance()
                statement.limit = value
            }
        }
        return statement
    }

    // item = expr [ "as" ( NAME | STRING ) ] ;
    mutating func items(allowAlias: Bool = true) throws(Diagnostic) -> [SelectItem] {
        var result: [SelectItem] = []
        repeat {
            let first = current
            let expr = try expression()
            let text = text(from: first, to: current)
            var alias: String?
            if allowAlias, keyword(peek) == "as" {
                advance()
                guard peek.kind == .identifier || peek.kind == .string else {
                    throw error("expected a column name after 'as', found \(describe(peek))", at: peek)
                }
                alias = peek.text
                advance()
            }
            result.append(SelectItem(expr: expr, alias: alias, text: text))
        } while match(",")
        return result
    }

    // period = PERIOD | NUMBER | PARAMETER | STRING | word { word } NUMBER   (TW3 2026, Triwulan III 2026)
    mutating func period(into statement: inout ShowStatement, after forToken: Token) throws(Diagnostic) {
        let first = peek
        if first.kind == .parameter {
            advance()
            statement.periodToken = first
            return
        }
        var words: [String] = []
        if first.kind == .identifier {
            // TW3 2026, Triwulan III 2026, Semester I 2026, Oktober 2026: words, then the year.
            while peek.kind == .identifier && keyword(peek) == nil {
                words.append(peek.text)
                advance()
            }
            // The number, then the year: `TW 3 2026`, as Period(parsing:) reads it.
            for _ in 0..<2 where peek.kind == .number { words.append(peek.text); advance() }
        } else if [.period, .number, .string].contains(first.kind) {
            words.append(first.text)
            advance()
        }
        guard !words.isEmpty else { throw error("expected a period after 'for', such as 2026-10", at: first) }
        let text = words.joined(separator: " ")
        guard let period = Period(parsing: text) else {
            throw error("'\(text)' is not a period", at: first, notes: ["periods are written " + Period.acceptedForms])
        }
        statement.period = period
        statement.periodToken = first
    }

    // describe = "describe" thing [ NAME | STRING ] ;
    mutating func describeStatement(_ start: Token) throws(Diagnostic) -> Statement {
        let thingToken = peek
        guard let thing = thing(thingToken) else { throw unknownThing(thingToken) }
        advance()
        if peek.kind == .identifier || peek.kind == .string {
            let name = peek
            advance()
            guard thing == .indicators || thing == .positions else {
                throw error("describe takes one indicator or position; for \(thing.rawValue) use show \(thing.rawValue) where ...", at: thingToken)
            }
            return .describeOne(thing, name.text, name)
        }
        return .describeThing(thing, thingToken)
    }

    // MARK: Expressions

    // expr = or ;  or = and { "or" and } ;
    mutating func expression() throws(Diagnostic) -> Expr {
        var left = try conjunction()
        while keyword(peek) == "or" {
            advance()
            left = .or(left, try conjunction())
        }
        return left
    }

    // and = not { "and" not } ;
    mutating func conjunction() throws(Diagnostic) -> Expr {
        var left = try negation()
        while keyword(peek) == "and" {
            advance()
            left = .and(left, try negation())
        }
        return left
    }

    // not = "not" not | comparison ;
    mutating func negation() throws(Diagnostic) -> Expr {
        if keyword(peek) == "not" {
            let token = peek
            advance()
            return .not(try negation(), token)
        }
        return try comparison()
    }

    // comparison = sum [ op sum | [ "not" ] "in" "(" expr { "," expr } ")"
    //              | [ "not" ] "between" sum "and" sum | [ "not" ] ( "contains" | "like" ) sum
    //              | "is" [ "not" ] "missing" ] ;
    mutating func comparison() throws(Diagnostic) -> Expr {
        let left = try sum()
        let token = peek
        if token.kind == .symbol, ["=", "!=", "<>", "<", "<=", ">", ">="].contains(token.text) {
            advance()
            return .compare(token.text == "<>" ? "!=" : token.text, left, try sum(), token)
        }
        var negated = false
        if keyword(token) == "not", let next = keyword(peekAt(1)), ["in", "between", "contains", "like"].contains(next) {
            negated = true
            advance()
        }
        let op = peek
        switch keyword(op) {
        case "in":
            advance()
            try expect("(", after: op)
            var list: [Expr] = []
            repeat { list.append(try sum()) } while match(",")
            try expect(")", after: op)
            return .inList(left, list, negated: negated, op)
        case "between":
            advance()
            let low = try sum()
            try expectKeyword("and", after: op)
            return .between(left, low, try sum(), negated: negated, op)
        case "contains", "like":
            advance()
            return .match(keyword(op)!, left, try sum(), negated: negated, op)
        case "is" where !negated:
            advance()
            var isNot = false
            if keyword(peek) == "not" { isNot = true; advance() }
            guard keyword(peek) == "missing" else {
                throw error("expected 'missing' after 'is\(isNot ? " not" : "")', found \(describe(peek))", at: peek)
            }
            advance()
            return .isMissing(left, negated: isNot, op)
        default:
            return left
        }
    }

    // sum = product { ( "+" | "-" ) product } ;
    mutating func sum() throws(Diagnostic) -> Expr {
        var left = try product()
        while peek.isSymbol("+") || peek.isSymbol("-") {
            let op = peek
            advance()
            left = .arithmetic(op.text, left, try product(), op)
        }
        return left
    }

    // product = unary { ( "*" | "/" ) unary } ;
    mutating func product() throws(Diagnostic) -> Expr {
        var left = try unary()
        while peek.isSymbol("*") || peek.isSymbol("/") {
            let op = peek
            advance()
            left = .arithmetic(op.text, left, try unary(), op)
        }
        return left
    }

    // unary = "-" unary | primary ;
    mutating func unary() throws(Diagnostic) -> Expr {
        if peek.isSymbol("-") {
            let op = peek
            advance()
            return .negate(try unary(), op)
        }
        return try primary()
    }

    // primary = NUMBER | PERCENT | STRING | PERIOD | PARAMETER | NAME | NAME "(" ( "*" | expr ) ")" | "(" expr ")" ;
    mutating func primary() throws(Diagnostic) -> Expr {
        let token = peek
        switch token.kind {
        case .number, .percent:
            advance()
            return .number(Double(token.text) ?? 0, percent: token.kind == .percent, token)
        case .string:
            advance()
            return .string(token.text, token)
        case .period:
            advance()
            guard let p = Period(parsing: token.text) else {
                throw error("'\(token.text)' is not a period", at: token, notes: ["periods are written " + Period.acceptedForms])
            }
            return .period(p, token)
        case .parameter:
            advance()
            return .parameter(token.text, token)
        case .identifier:
            if let k = Vocabulary.keyword(token.text), Vocabulary.fieldAliases[token.text.lowercased()] == nil {
                throw error("expected a field or value, found the keyword '\(k)'", at: token)
            }
            advance()
            if peek.isSymbol("(") {
                let open = peek
                advance()
                var argument: Expr?
                if peek.isSymbol("*") { advance() } else { argument = try expression() }
                try expect(")", after: open)
                return .call(token.text.lowercased(), argument, token)
            }
            return .name(token.text, token)
        case .symbol where token.text == "(":
            advance()
            let inner = try expression()
            try expect(")", after: token)
            return inner
        default:
            throw error("expected a field or value, found \(describe(token))", at: token)
        }
    }
}

import Foundation
