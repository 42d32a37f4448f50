import Catalogue

/// Recursive-descent parser: tokens -> statements. The grammar it implements is written out in
/// grammar/iki.ebnf; the comments on each function quote its rule.
public struct Parser {
    var tokens: [Token]
    var current = 0
    /// How deep the parser itself is inside nested parentheses, calls, `not` and `-` (it recurses
    /// once per level), and the height of the tree the last expression function returned (chains
    /// of `or`/`and`/`+`/`*` make it taller without recursing). Past `maximumDepth` either way the
    /// statement is refused with a positioned error: every later stage walks the tree recursively
    /// and would run out of stack.
    var depth = 0
    var height = 0
    static let maximumDepth = 256
    /// The output formats `format NAME` may name; nil takes any name (the renderers are not
    /// this module's to know: the session passes their table).
    var formats: [String]?

    public init(tokens: [Token], formats: [String]? = nil) {
        self.tokens = tokens
        self.formats = formats
    }

    /// Every statement of a script, each with its diagnostic if it has one (`statements`, all
    /// at once: the REPL, tests).
    public static func script(_ text: String, file: String = "<query>", line: Int = 1, formats: [String]? = nil) -> [ParsedStatement] {
        Array(statements(text, file: file, line: line, formats: formats))
    }

    /// The statements of a script, read one at a time as they are asked for: a statement's tokens
    /// and tree live while it runs, so a 50 MB script costs its text and one statement, not a
    /// Token for every word of it. A statement with an error is skipped to its `;` (as jlox's
    /// `synchronize`), so the statements after it are still read.
    ///
    /// Each statement is parsed alone, ending where its `;` is, so what it says about its end
    /// ("found the end of the input", the place of the end) is what it would say alone.
    public static func statements(_ text: String, file: String = "<query>", line: Int = 1, formats: [String]? = nil) -> ScriptStatements {
        ScriptStatements(text: text, file: file, line: line, formats: formats)
    }

    /// Parses a whole input: statements separated by `;`; the first error is thrown.
    public static func parse(_ text: String, file: String = "<query>", line: Int = 1, formats: [String]? = nil) throws(Diagnostic) -> [Statement] {
        var statements: [Statement] = []
        for parsed in script(text, file: file, line: line, formats: formats) {
            statements.append(try parsed.result.get())
        }
        return statements
    }

    // script = [ statement ] { ";" [ statement ] } ;
    mutating func statementAlone() -> Result<Statement, Diagnostic> {
        do throws(Diagnostic) {
            let result = try statement()
            if peek.kind != .end {
                throw error(.expectedStatementEnd(found: describe(peek)), at: peek)
            }
            return .success(result)
        } catch {
            return .failure(error)
        }
    }

    /// The keywords that start a statement, as messages list them (`exit` is quit's synonym).
    static var statementWords: [String] { Vocabulary.statements.map(\.keyword.rawValue) }

    // statement = show | describe | export | set | load | help | quit | lint | report ;
    mutating func statement() throws(Diagnostic) -> Statement {
        let token = peek
        switch keyword(token) {
        case .show:
            advance()
            let statement = try show(token)
            if keyword(peek) == .to { throw error(.toWithoutExport, at: peek) }
            return .query(.show(statement))
        case .describe: advance(); return .query(try describeStatement(token))
        case .explain: advance(); return .query(try explain(token))
        case .export: advance(); return .command(try export(token))
        case .set: advance(); return .command(try set(token))
        case .load: advance(); return .command(try load(token))
        case .help:
            advance()
            if peek.kind == .identifier || peek.kind == .string {
                let topic = peek
                advance()
                return .command(.help(topic.text, topic))
            }
            return .command(.help(nil, token))
        case .quit, .exit: advance(); return .command(.quit)
        // lint = "lint" ;
        case .lint: advance(); return .query(.lint(token))
        case .report: advance(); return .command(try report(token))
        default:
            if token.kind == .identifier, ["select", "from"].contains(token.text.lowercased()) {
                throw error(.expectedStatement(Self.statementWords, found: describe(token)), at: token, notes: [.selectIsShow])
            }
            let near = token.kind == .identifier ? Nearest.names(to: token.text, in: Self.statementWords) : []
            throw error(.expectedStatement(Self.statementWords, found: describe(token)), at: token, notes: [.didYouMean(near)])
        }
    }

    // show = "show" thing [ item { "," item } ] [ "where" expr ] [ "for" period ]
    //        [ "group" "by" item { "," item } ] [ "order" "by" order { "," order } ] [ "limit" NUMBER ] ;
    mutating func show(_ start: Token) throws(Diagnostic) -> ShowStatement {
        let thingToken = peek
        guard let thing = thing(thingToken) else { throw unknownThing(thingToken) }
        advance()
        var statement = ShowStatement(thing: thing, thingToken: thingToken)
        if !atClauseEnd {
            statement.columns = try items()
        }
        var seen: Set<Keyword> = []
        let clauses = Vocabulary.showClauses
        let clauseWords = clauses.map(\.keyword.rawValue)
        let clauseList = Vocabulary.choices(clauses.map(\.written))
        while !(peek.kind == .end || peek.kind == .semicolon || keyword(peek) == .to) {
            let token = peek
            if token.kind == .identifier, Vocabulary.pivotWords.contains(token.text.lowercased()) {
                // pivot = "pivot" NAME ;  (a crosstab: the field's values become columns)
                advance()
                guard peek.kind == .identifier, statement.pivot == nil else { throw error(.expectedPivotField(found: describe(peek)), at: peek) }
                statement.pivot = peek
                advance()
                continue
            }
            if isStatementKeyword(token) {
                throw error(.semicolonBefore(token.text), at: token)
            }
            guard let clause = clauses.first(where: { $0.keyword == keyword(token) }) else {
                // `tampilkan indikator periode 2026-10`: `periode` is the field; the clause is `untuk`.
                if case .name(let word, let wordToken)? = statement.columns.last?.expr, statement.columns.last?.alias == nil,
                   Vocabulary.fieldAliases[word.lowercased()] == "period", [.period, .number, .parameter, .string].contains(token.kind) {
                    let period = token.kind == .parameter ? "$" + token.text : token.text
                    throw error(.expectedClause(clauseList, afterColumns: true, found: describe(token)), at: wordToken,
                                notes: [.periodeIsTheField(word, period: period)])
                }
                let next = peekAt(1)
                if let word = token.word, Vocabulary.fieldAliases[word] == "period", [.period, .number, .parameter, .string].contains(next.kind) {
                    let period = next.kind == .parameter ? "$" + next.text : next.text
                    throw error(.expectedClause(clauseList, afterColumns: false, found: describe(token)), at: token,
                                notes: [.periodeIsTheField(token.text, period: period)])
                }
                // `show indicators wher achievement < 80%`: the typo was read as a column.
                if case .name(let word, let wordToken)? = statement.columns.last?.expr, statement.columns.last?.alias == nil,
                   let near = Nearest.names(to: word, in: clauseWords, limit: 1).first,
                   Nearest.distance(word.lowercased(), near) <= 2 {
                    throw error(.expectedClause(clauseList, afterColumns: true, found: describe(token)), at: wordToken,
                                notes: [.readAsColumn(word, near)])
                }
                throw error(.expectedClause(clauseList, afterColumns: false, found: describe(token)), at: token)
            }
            guard seen.insert(clause.keyword).inserted else { throw error(.clauseTwice(clause.keyword.rawValue), at: token) }
            advance()
            if let follower = clause.follower { try expectKeyword(follower, after: token) }
            switch clause.keyword {
            case .where:
                statement.filter = try expression()
            case .for:
                try period(into: &statement, after: token)
            case .group:
                statement.groupBy = try items(allowAlias: false)
            case .order:
                repeat {
                    let first = current
                    let expr = try expression()
                    let written = text(from: first, to: current)
                    var descending = false
                    if let k = keyword(peek), k == .asc || k == .desc { descending = k == .desc; advance() }
                    statement.orderBy.append(OrderItem(expr: expr, text: written, descending: descending))
                } while match(",")
            default:
                let n = peek
                guard n.kind == .number, let value = Int(n.text), value >= 0 else {
                    throw error(.expectedLimit(found: describe(n)), at: n)
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
            if allowAlias, keyword(peek) == .as {
                advance()
                guard peek.kind == .identifier || peek.kind == .string else {
                    throw error(.expectedAlias(found: describe(peek)), at: peek)
                }
                alias = peek.text
                advance()
            }
            result.append(SelectItem(expr: expr, alias: alias, text: text))
        } while match(",")
        return result
    }

    // describe = "describe" thing [ NAME | STRING ] ;
    mutating func describeStatement(_ start: Token) throws(Diagnostic) -> Question {
        let thingToken = peek
        guard let thing = thing(thingToken) else { throw unknownThing(thingToken) }
        advance()
        if peek.kind == .identifier || peek.kind == .string {
            let name = peek
            advance()
            guard thing == .indicators || thing == .positions else {
                throw error(.describeTakesOne(thing.rawValue), at: thingToken)
            }
            return .describeOne(thing, name.text, name)
        }
        return .describeThing(thing, thingToken)
    }
}
