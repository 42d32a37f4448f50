import Catalogue
import Foundation

/// Token handling, errors and the source text of expressions, shared by the parsing functions.
extension Parser {

    var peek: Token { tokens[current] }
    func peekAt(_ offset: Int) -> Token { tokens[min(current + offset, tokens.count - 1)] }
    /// One level deeper into an expression (see `depth`).
    mutating func deeper(at token: Token) throws(Diagnostic) {
        depth += 1
        try checkDepth(depth, at: token)
    }

    /// The height of a node over children of these heights, refused past `maximumDepth`.
    func taller(_ child: Int, _ other: Int = 0, at token: Token) throws(Diagnostic) -> Int {
        let levels = max(child, other) + 1
        try checkDepth(levels, at: token)
        return levels
    }

    func checkDepth(_ levels: Int, at token: Token) throws(Diagnostic) {
        if levels > Self.maximumDepth { throw error(.expressionTooDeep(limit: Self.maximumDepth), at: token) }
    }

    mutating func advance() { if current < tokens.count - 1 { current += 1 } }

    func keyword(_ token: Token) -> Keyword? {
        token.kind == .identifier ? Keyword(word: token.text) : nil
    }

    /// Whether the token starts a statement (its own keyword: `exit` is not one here).
    func isStatementKeyword(_ token: Token) -> Bool {
        guard let k = keyword(token) else { return false }
        return Vocabulary.statements.contains { $0.keyword == k }
    }

    func thing(_ token: Token) -> Thing? {
        token.kind == .identifier ? Vocabulary.thingAliases[token.text.lowercased()] : nil
    }

    /// Whether the next token ends a clause: a clause keyword, `;` or the end.
    var atClauseEnd: Bool {
        if peek.kind == .end || peek.kind == .semicolon { return true }
        if let k = keyword(peek), Vocabulary.clauses.contains(where: { $0.keyword == k }) { return true }
        return isStatementKeyword(peek)
    }

    mutating func match(_ symbol: String) -> Bool {
        if peek.isSymbol(symbol) { advance(); return true }
        return false
    }

    mutating func expect(_ symbol: String, after: Token) throws(Diagnostic) {
        guard match(symbol) else { throw error(.expectedSymbol(symbol, found: describe(peek)), at: peek) }
    }

    mutating func expectKeyword(_ word: Keyword, after: Token) throws(Diagnostic) {
        guard keyword(peek) == word else { throw error(.expectedKeyword(word.rawValue, after: after.text, found: describe(peek)), at: peek) }
        advance()
    }

    /// The token as the messages' `found:` names it.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return Message.foundEnd.text
        case .semicolon: return "';'"
        case .string: return Message.foundText(token.text).text
        case .percent: return "'\(token.text)%'"
        case .parameter: return "'$\(token.text)'"
        default: return "'\(token.text)'"
        }
    }

    func unknownThing(_ token: Token) -> Diagnostic {
        let names = Thing.allCases.map(\.rawValue)
        let near = token.kind == .identifier ? Nearest.names(to: token.text, in: names) : []
        return error(.expectedThing(names, found: describe(token)), at: token, notes: [.didYouMean(near)])
    }

    func error(_ message: Message, at token: Token, notes: [Message?] = []) -> Diagnostic {
        .error(message, at: token, notes: notes)
    }

    /// A word as English column headers write it: Indonesian (and alternative) names of
    /// aggregates, fields and keywords replaced by the canonical ones (`rerata(capaian)` is
    /// headed `avg(achievement)`); other words as written.
    func canonical(_ token: Token, before next: Token?) -> String {
        let w = token.text.lowercased()
        if next?.isSymbol("(") == true, let aggregate = Vocabulary.aggregates[w] { return aggregate }
        if let field = Vocabulary.fieldAliases[w] { return field }
        if let keyword = Keyword(word: w), keyword.rawValue != w { return keyword.rawValue }
        return token.text
    }

    /// The tokens [from, to) as text, spaced the way people write them: `avg(achievement)`,
    /// `realisation - target`.
    func text(from: Int, to: Int) -> String {
        var out = ""
        for i in from..<to {
            let t = tokens[i]
            var piece = t.kind == .string ? "\"\(t.text.replacingOccurrences(of: "\"", with: "\"\""))\"" : t.text
            if t.kind == .identifier { piece = canonical(t, before: i + 1 < to ? tokens[i + 1] : nil) }
            if t.kind == .percent { piece += "%" }
            if t.kind == .parameter { piece = "$" + piece }
            let noSpaceBefore = out.isEmpty || out.hasSuffix("(") || t.isSymbol(")") || t.isSymbol(",") || t.isSymbol("(")
            out += (noSpaceBefore ? "" : " ") + piece
            if t.isSymbol(",") { out += " " }
        }
        return out.replacingOccurrences(of: ",  ", with: ", ")
    }
}
