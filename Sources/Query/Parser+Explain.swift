import Catalogue

extension Parser {
    // explain = "explain" show ;
    mutating func explain(_ start: Token) throws(Diagnostic) -> Statement {
        let showToken = peek
        try expectKeyword("show", after: start)
        let statement = try show(showToken)
        if keyword(peek) == "to" {
            throw error("'to' belongs to export: write export show ... to \"file.csv\"", at: peek)
        }
        return .explain(statement, start)
    }
}
