import Catalogue

/// Turns query text into tokens. One pass, no backtracking beyond a character or two.
///
/// Besides the usual tokens it recognises two forms analysts write without quotes: periods
/// (`2026-10`, `2026-Q3`, `2026-S1`) and indicator codes (`SDIN-1`: capitals, a hyphen, digits).
/// `--` starts a comment that runs to the end of the line.
public struct Lexer {
    // The text is walked by String.Index, not copied into an array of Characters: a script of
    // comments costs its own size, not sixteen times it.
    let source: String
    let file: String
    var index: String.Index
    /// Characters read so far: token lengths, for the caret line.
    var position = 0
    var line: Int
    var column = 1
    /// Where a comment that runs to the end of the text starts.
    var trailingComment: String.Index?

    public init(_ text: String, file: String = "<query>", line: Int = 1) {
        self.source = text
        self.file = file
        self.index = text.startIndex
        self.line = line
    }

    /// The tokens of a text that may be unfinished or wrong, as the shell reads what is being
    /// typed and the parser reads a whole script: what cannot be read becomes an `.error` token
    /// (its `problem` says why) and reading goes on after it.
    public struct Scan: Sendable {
        /// Every token, the `.end` token last.
        public var tokens: [Token]
        /// Where a `--` comment running to the end of the text starts, if the text ends in one.
        public var trailingComment: String.Index?

        /// The first thing that could not be read (an unterminated string has the id `unterminated-string`).
        public var problem: Diagnostic? { tokens.first { $0.kind == .error }?.problem }
    }

    public static func scan(_ text: String, file: String = "<query>", line: Int = 1) -> Scan {
        var lexer = Lexer(text, file: file, line: line)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return Scan(tokens: tokens, trailingComment: lexer.trailingComment) }
        }
    }

    /// The tokens of `text`; the first thing that cannot be read is thrown.
    public static func tokenize(_ text: String, file: String = "<query>", line: Int = 1) throws(Diagnostic) -> [Token] {
        let scan = scan(text, file: file, line: line)
        if let problem = scan.problem { throw problem }
        return scan.tokens
    }

    private func peek(_ offset: Int = 0) -> Character? {
        var i = index
        for _ in 0..<offset {
            guard i < source.endIndex else { return nil }
            i = source.index(after: i)
        }
        return i < source.endIndex ? source[i] : nil
    }

    private mutating func advance() -> Character {
        let c = source[index]
        index = source.index(after: index)
        position += 1
        if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        return c
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func next() -> Token {
        skipSpaceAndComments()
        let start = here
        let startIndex = index
        let startPosition = position
        func token(_ kind: Token.Kind, _ text: String? = nil) -> Token {
            Token(kind: kind, text: text ?? String(source[startIndex..<index]), location: start,
                  length: max(1, position - startPosition), range: startIndex..<index)
        }
        func failure(_ message: Message) -> Token {
            var t = token(.error)
            t.problem = .error(message, at: start)
            return t
        }
        guard let c = peek() else { return token(.end, "") }

        if c == "\"" || c == "'" {
            _ = advance()
            var value = ""
            while true {
                guard let d = peek() else { return failure(.unterminatedString(c)) }
                _ = advance()
                if d == c {
                    if peek() == c { _ = advance(); value.append(c); continue }
                    break
                }
                value.append(d)
            }
            return token(.string, value)
        }
        // ASCII digits only: other characters Unicode calls numbers (½, ², ٣) are not numerals here,
        // and would otherwise make an empty token that never advances.
        if c.isASCII && c.isNumber {
            while let d = peek(), d.isASCII, d.isNumber { _ = advance() }
            // 2026-10, 2026-Q3, 2026-S1 written together are periods, not subtraction.
            if position - startPosition == 4, peek() == "-", let after = peek(1) {
                if after.isASCII && after.isNumber, let second = peek(2), second.isASCII, second.isNumber, !(peek(3)?.isNumber ?? false) {
                    _ = advance(); _ = advance(); _ = advance()
                    return token(.period)
                }
                if "QqSs".contains(after), let digit = peek(2), digit.isASCII, digit.isNumber, !(peek(3).map { $0.isLetter || $0.isNumber } ?? false) {
                    _ = advance(); _ = advance(); _ = advance()
                    return token(.period)
                }
            }
            if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
                _ = advance()
                while let d = peek(), d.isASCII, d.isNumber { _ = advance() }
            }
            if peek()?.isLetter == true {
                while let d = peek(), d.isLetter || d.isNumber { _ = advance() }
                return failure(.notANumber(String(source[startIndex..<index])))
            }
            if peek() == "%" {
                let number = String(source[startIndex..<index])
                _ = advance()
                return token(.percent, number)
            }
            return token(.number)
        }
        if c.isLetter || c == "_" {
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { _ = advance() }
            // `s.d.` ("sampai dengan") joins the ends of a period range: one word.
            if index < source.endIndex, source[startIndex..<index].lowercased() == "s", peek() == ".", peek(1) == "d" || peek(1) == "D" {
                _ = advance(); _ = advance()
                if peek() == "." { _ = advance() }
                return token(.identifier)
            }
            let word = String(source[startIndex..<index])
            // KMAL.DKUMIK.SDIN-1: the office's code in front, when several offices are loaded.
            if word.allSatisfy({ $0.isUppercase || $0.isNumber }), word.count >= 2, peek() == ".", peek(1)?.isUppercase == true {
                var probe = index
                while probe < source.endIndex, source[probe].isUppercase || source[probe].isNumber || source[probe] == "." {
                    probe = source.index(after: probe)
                }
                if probe < source.endIndex, source[probe] == "-" {
                    let after = source.index(after: probe)
                    if after < source.endIndex, source[after].isNumber {
                        while index < probe { _ = advance() }
                    }
                }
            }
            // SDIN-1, KBBFPEM-12: an indicator code, written without quotes.
            if String(source[startIndex..<index]).allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "." }), position - startPosition >= 2, peek() == "-", let d = peek(1), d.isNumber {
                _ = advance()
                while let d = peek(), d.isNumber { _ = advance() }
                return token(.identifier)
            }
            return token(.identifier)
        }
        if c == "$" {
            _ = advance()
            guard let d = peek(), d.isLetter || d == "_" else { return failure(.parameterNameMissing) }
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { _ = advance() }
            return token(.parameter, String(source[source.index(after: startIndex)..<index]))
        }
        _ = advance()
        switch c {
        case ";": return token(.semicolon)
        case "(", ")", ",", "+", "-", "*", "/", "=", "%": return token(.symbol)
        case "<":
            if peek() == "=" || peek() == ">" { _ = advance() }
            return token(.symbol)
        case ">":
            if peek() == "=" { _ = advance() }
            return token(.symbol)
        case "!":
            if peek() == "=" { _ = advance(); return token(.symbol) }
            return failure(.loneExclamation)
        default:
            return failure(.unexpectedCharacter(c))
        }
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c.isWhitespace {
                if c == "\n" || c == "\r\n" { trailingComment = nil }
                _ = advance()
                continue
            }
            if c == "-", peek(1) == "-" {
                trailingComment = index
                while let d = peek(), d != "\n", d != "\r\n" { _ = advance() }
                continue
            }
            break
        }
        // A comment that ended at a line break does not run to the end of the text.
        if index < source.endIndex { trailingComment = nil }
    }
}
