import Catalogue

extension Parser {
    // explain = "explain" show ;
    mutating func explain(_ start: Token) throws(Diagnostic) -> Question {
        let showToken = peek
        try expectKeyword(.show, after: start)
        let statement = try show(showToken)
        if keyword(peek) == .to { throw error(.toWithoutExport, at: peek) }
        return .explain(statement, start)
    }
}
