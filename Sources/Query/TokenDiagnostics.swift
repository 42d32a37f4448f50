import Catalogue

extension Diagnostic {
    /// An error about one token: the caret spans the whole token, so `^~~~` underlines what is wrong.
    public static func error(_ message: Message, at token: Token, notes: [Message?] = []) -> Diagnostic {
        .error(message, at: token.location, length: token.length, notes: notes)
    }
}
