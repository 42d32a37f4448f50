import Catalogue
import Query

/// When the REPL has a whole statement, and when it should ask for another line.
public enum MultiLine {
    /// Keywords after which a statement cannot end: those of conditions and clauses, and the
    /// statements that need more than their keyword.
    static let needMore: Set<Keyword> = {
        var words = Set(Vocabulary.conditionWords + [.as])
        for clause in Vocabulary.clauses {
            words.insert(clause.keyword)
            if let follower = clause.follower { words.insert(follower) }
        }
        for statement in Vocabulary.statements {
            switch statement.multiLine {
            case .always, .alone: break
            case .words, .needs, .unlessOpen: words.insert(statement.keyword)
            }
        }
        return words
    }()
    /// Symbols after which a statement cannot end.
    static let operators: Set<String> = [",", "=", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "("]

    /// Whether `text` is complete: not inside a string or parentheses, and not ending (comments and
    /// spaces aside) in an operator or a keyword that needs more. A final `;` always completes it.
    public static func isComplete(_ text: String) -> Bool {
        let scan = Lexer.scan(text, file: "<input>")
        // An open string waits for its end; any other mistake is the parser's to report.
        if let problem = scan.problem { return problem.id != Message.unterminatedString("\"").id }
        let significant = scan.tokens.filter { $0.kind != .end }
        guard let last = significant.last else { return true }
        if last.kind == .semicolon { return true }
        var depth = 0
        for token in significant {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth = max(0, depth - 1) }
        }
        if depth > 0 { return false }
        if last.kind == .symbol { return !operators.contains(last.text) }
        // The statement being written: after the last `;`.
        let statement = Words.currentStatement(significant)
        let first = Words.keyword(statement.first)
        switch Vocabulary.statement(first)?.multiLine {
        case .always: return true
        case .words(let count) where statement.count < count: return false
        case .needs(let keyword) where !statement.contains(where: { Words.keyword($0) == keyword }): return false
        default: break
        }
        guard let keyword = Words.keyword(last) else { return true }
        if keyword == .format { return first != .export }
        return !needMore.contains(keyword)
    }
}

/// What completion and multi-line input read from the tokens typed so far.
enum Words {
    /// The keyword a token spells.
    static func keyword(_ token: Token?) -> Keyword? {
        token?.word.flatMap { Keyword(word: $0) }
    }

    /// The other spellings of a keyword, sorted, the synonyms of its statement (`exit`) included.
    static func aliases(of keyword: Keyword) -> [String] {
        let synonyms = Vocabulary.statement(keyword).map { $0.keyword == keyword ? $0.synonyms.map(\.rawValue) : [] } ?? []
        return (keyword.aliases + synonyms).sorted()
    }

    /// The tokens after the last `;`: the statement being written.
    static func currentStatement(_ tokens: [Token]) -> [Token] {
        guard let end = tokens.lastIndex(where: { $0.kind == .semicolon }) else { return tokens }
        return Array(tokens[(end + 1)...])
    }
}
