import Catalogue

/// Turns query text into tokens. One pass, no backtracking beyond a character or two.
///
/// Besides the usual tokens it recognises two forms analysts write without quotes: periods
/// (`2026-10`, `2026-Q3`, `2026-S1`) and indicator codes (`SDIN-1`: capitals, a hyphen, digits).
/// `--` starts a comment that runs to the end of the line.
public struct Lexer {
    let source: [Character]
    let file: String
    let firstLine: Int
    var index = 0
    var line: Int
    var column = 1

    public init(_ text: String, file: String = "<query>", line: Int = 1) {
        self.source = Array(text)
        self.file = file
        self.firstLine = line
        self.line = line
    }

    public static func tokenize(_ text: String, file: String = "<query>", line: Int = 1) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(text, file: file, line: line)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < source.count ? source[index + offset] : nil
    }

    private mutating func advance() -> Character {
        let c = source[index]
        index += 1
        if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
        return c
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func next() throws(Diagnostic) -> Token {
        skipSpaceAndComments()
        let start = here
        let startIndex = index
        guard let c = peek() else { return Token(kind: .end, text: "", location: start, length: 1) }
        func token(_ kind: Token.Kind, _ text: String? = nil) -> Token {
            Token(kind: kind, text: text ?? String(source[startIndex..<index]), location: start, length: max(1, index - startIndex))
        }

        if c == "\"" || c == "'" {
            _ = advance()
            var value = ""
            while true {
                guard let d = peek() else {
                    throw Diagnostic.error("unterminated string: no closing \(c) before the end of the input", at: start)
                }
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
            if index - startIndex == 4, peek() == "-", let after = peek(1) {
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
                throw Diagnostic.error("'\(String(source[startIndex..<index]))' is not a number; put text in quotes", at: start)
            }
            if peek() == "%" {
                let number = String(source[startIndex..<index])
                _ = advance()
                return Token(kind: .percent, text: number, location: start, length: index - startIndex)
            }
            return token(.number)
        }
        if c.isLetter || c == "_" {
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { _ = advance() }
            let word = String(source[startIndex..<index])
            // KMAL.DKUMIK.SDIN-1: the office's code in front, when several offices are loaded.
            if word.allSatisfy({ $0.isUppercase || $0.isNumber }), word.count >= 2, peek() == ".", peek(1)?.isUppercase == true {
                var probe = index
                while probe < source.count, source[probe].isUppercase || source[probe].isNumber || source[probe] == "." { probe += 1 }
                if probe + 1 < source.count, source[probe] == "-", source[probe + 1].isNumber {
                    while index < probe { _ = advance() }
                }
            }
            // SDIN-1, KBBFPEM-12: an indicator code, written without quotes.
            if String(source[startIndex..<index]).allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "." }), index - startIndex >= 2, peek() == "-", let d = peek(1), d.isNumber {
                _ = advance()
                while let d = peek(), d.isNumber { _ = advance() }
                return token(.identifier)
            }
            return token(.identifier)
        }
        if c == "$" {
            _ = advance()
            guard let d = peek(), d.isLetter || d == "_" else {
                throw Diagnostic.error("'$' must be followed by a parameter name, as in $period", at: start)
            }
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { _ = advance() }
            return token(.parameter, String(source[(startIndex + 1)..<index]))
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
            throw Diagnostic.error("'!' must be followed by '=' (not equal); for negation write 'not'", at: start)
        default:
            throw Diagnostic.error("unexpected character '\(c)'", at: start)
        }
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c.isWhitespace { _ = advance(); continue }
            if c == "-", peek(1) == "-" {
                while let d = peek(), d != "\n", d != "\r\n" { _ = advance() }
                continue
            }
            break
        }
    }
}
