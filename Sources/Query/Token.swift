import Catalogue

/// A token of the query language, with where it starts (for diagnostics).
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier      // field, thing, keyword or code: keywords are recognised by the parser
        case number          // 80, 12.5
        case percent         // 80%
        case string          // "Fasilitasi Pembiayaan" or 'x'
        case period          // 2026-10, 2026-Q3, 2026-S1
        case parameter       // $period
        case symbol          // = != <> < <= > >= + - * / ( ) ,
        case semicolon
        case end
        /// Text the lexer could not read (a tolerant scan only): `problem` says why.
        case error
    }

    public var kind: Kind
    /// The text as written (for strings: the value, quotes removed and doubled quotes undone).
    public var text: String
    public var location: SourceLocation
    /// Length in characters in the source, for the caret line.
    public var length: Int
    /// Where the token is in the text it was read from.
    public var range: Range<String.Index>? = nil
    /// Why an `.error` token could not be read.
    public var problem: Diagnostic? = nil

    /// The word, lower-cased, when the token is an identifier.
    public var word: String? { kind == .identifier ? text.lowercased() : nil }

    public func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}
