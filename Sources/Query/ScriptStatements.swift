import Catalogue

/// A script's statements, lexed and parsed one at a time (see `Parser.statements`). Each gets
/// the tokens up to its `;` and the text's end token, as if parsed alone.
public struct ScriptStatements: Sequence, IteratorProtocol {
    private var lexer: Lexer
    private let text: String
    private let formats: [String]?
    private let file: String
    private let line: Int
    /// Where the text ends, as the lexer's last token: made once, when a statement first needs it.
    private var end: Token?

    init(text: String, file: String, line: Int, formats: [String]?) {
        lexer = Lexer(text, file: file, line: line)
        self.text = text
        self.file = file
        self.line = line
        self.formats = formats
    }

    public mutating func next() -> ParsedStatement? {
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            if token.kind == .end {
                end = token
                if tokens.isEmpty { return nil }
                break
            }
            if token.kind == .semicolon {
                if tokens.isEmpty { continue }
                break
            }
            tokens.append(token)
        }
        let range = tokens[0].range!.lowerBound..<tokens[tokens.count - 1].range!.upperBound
        if let unreadable = tokens.first(where: { $0.kind == .error }), let problem = unreadable.problem {
            return ParsedStatement(result: .failure(problem), range: range)
        }
        var parser = Parser(tokens: tokens + [endToken()], formats: formats)
        return ParsedStatement(result: parser.statementAlone(), range: range)
    }

    /// The `.end` token a scan of the whole text ends with, without scanning it: its line counts
    /// the line breaks (each LF byte is one, alone or in CRLF), its column the characters after
    /// the last.
    private mutating func endToken() -> Token {
        if let end { return end }
        let utf8 = text.utf8
        var breaks = 0
        var lastBreak: String.Index?
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") { breaks += 1; lastBreak = i }
            i = utf8.index(after: i)
        }
        let lineStart = lastBreak.map { utf8.index(after: $0) } ?? text.startIndex
        let token = Token(kind: .end, text: "", location: SourceLocation(file: file, line: line + breaks, column: text[lineStart...].count + 1),
                          length: 1, range: text.endIndex..<text.endIndex)
        end = token
        return token
    }
}
