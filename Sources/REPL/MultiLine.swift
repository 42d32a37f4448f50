import Query

/// When the REPL has a whole statement, and when it should ask for another line.
public enum MultiLine {
    /// Keywords after which a statement cannot end.
    static let needMore: Set<String> = [
        "where", "and", "or", "not", "by", "group", "order", "for", "in", "between", "like", "contains",
        "is", "as", "limit", "show", "describe", "explain", "export", "to", "set", "load",
    ]
    /// Symbols after which a statement cannot end.
    static let operators: Set<String> = [",", "=", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "("]

    /// Whether `text` is complete: not inside a string or parentheses, and not ending (comments and
    /// spaces aside) in an operator or a keyword that needs more. A final `;` always completes it.
    public static func isComplete(_ text: String) -> Bool {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(text, file: "<input>")
        } catch {
            // An open string waits for its end; any other mistake is the parser's to report.
            return !error.message.hasPrefix("unterminated string")
        }
        let significant = tokens.filter { $0.kind != .end }
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
        let first = statement.first?.word.flatMap(Words.keyword)
        // help takes one word, whatever it is (help show).
        if first == "help" { return true }
        // set NAME VALUE and load KIND "file" need their three words; export needs its `to`.
        if first == "set" || first == "load", statement.count < 3 { return false }
        if first == "export", !statement.contains(where: { $0.word.flatMap(Words.keyword) == "to" }) { return false }
        guard let word = last.word, let keyword = Words.keyword(word) else { return true }
        if keyword == "format" { return first != "export" }
        return !needMore.contains(keyword)
    }
}

/// The words completion offers and multi-line input watches for, on top of the `Vocabulary`.
enum Words {
    static let statements = ["show", "describe", "explain", "export", "set", "load", "help", "quit"]
    /// What `load` takes, with the spellings the parser also accepts.
    static let loadKinds = ["catalogue", "organisation", "realisations"]
    static let loadAliases = ["catalog", "katalog", "organization", "organisasi", "realizations", "realisasi", "targets"]

    /// The canonical keyword `word` stands for.
    static func keyword(_ word: String) -> String? {
        Vocabulary.keyword(word)
    }

    /// The aliases of a canonical keyword, sorted.
    static func aliases(of canonical: String) -> [String] {
        // `exit` is a keyword of its own that the parser takes for quit.
        (Vocabulary.keywordAliases.filter { $0.value == canonical }.map(\.key) + (canonical == "quit" ? ["exit"] : [])).sorted()
    }

    /// The canonical name of a setting (`atur periode` is `set period`).
    static func setting(_ word: String) -> String {
        let w = word.lowercased()
        return Vocabulary.settingAliases[w] ?? w
    }

    /// The tokens after the last `;`: the statement being written.
    static func currentStatement(_ tokens: [Token]) -> [Token] {
        guard let end = tokens.lastIndex(where: { $0.kind == .semicolon }) else { return tokens }
        return Array(tokens[(end + 1)...])
    }
}
