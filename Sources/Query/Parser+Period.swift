import Catalogue

/// The period after `for` (and `set period`): one calendar period, or a range of months of one
/// year (`2026-01 to 2026-10`, `sampai`, `s.d.`; `2026 to date` up to the latest month reported;
/// `s.d. 2026-10`, "s.d. bulan ini": from the year's first month up to the one named).
extension Parser {
    // period = range_word ( one | PARAMETER ) | one [ range_word ( one | "date" ) ] ;
    // one = PERIOD | NUMBER | PARAMETER | STRING | word { word } NUMBER   (TW3 2026, Triwulan III 2026)
    // range_word = "to" | "sampai" | "s.d." | "sd" | "hingga" ;
    mutating func period(into statement: inout ShowStatement, after forToken: Token) throws(Diagnostic) {
        let first = peek
        if isRangeWord(first), peekAt(1).kind != .string {
            try yearToDate(into: &statement, after: first)
            return
        }
        if first.kind == .parameter {
            advance()
            statement.periodToken = first
            return
        }
        let start = try onePeriod()
        statement.period = start
        statement.periodToken = first
        // `export show ... to "file.csv"`: a `to` followed by text is export's.
        guard isRangeWord(peek), peekAt(1).kind != .string else { return }
        advance()
        if peek.kind == .identifier, Vocabulary.toDateWords.contains(peek.text.lowercased()) {
            advance()
            statement.periodToDate = true
            return
        }
        let endToken = peek
        let end = try onePeriod()
        guard end.year == start.year else { throw error(.rangeAcrossYears(start, end), at: endToken) }
        guard start.firstMonth <= end.lastMonth else { throw error(.rangeBackwards(start, end), at: endToken) }
        statement.period = .range(start.year, from: start.firstMonth, to: end.lastMonth)
    }

    /// `s.d. 2026-10`, `sampai $period`: January of that year up to the period's last month, the
    /// recap's "s.d. bulan ini" column, also when the month is a script's parameter.
    mutating func yearToDate(into statement: inout ShowStatement, after word: Token) throws(Diagnostic) {
        advance()
        let endToken = peek
        statement.periodToken = endToken
        statement.periodUpTo = true
        if endToken.kind == .parameter {
            advance()
            return
        }
        let end = try onePeriod()
        statement.period = end.yearToDate
    }

    func isRangeWord(_ token: Token) -> Bool {
        token.kind == .identifier && Vocabulary.rangeWords.contains(token.text.lowercased())
    }

    /// One calendar period, however written.
    mutating func onePeriod() throws(Diagnostic) -> Period {
        let first = peek
        var words: [String] = []
        if first.kind == .identifier {
            // TW3 2026, Triwulan III 2026, Semester I 2026, Oktober 2026: words, then the year.
            while peek.kind == .identifier && keyword(peek) == nil && !isRangeWord(peek) {
                words.append(peek.text)
                advance()
            }
            // The number, then the year: `TW 3 2026`, as Period(parsing:) reads it.
            for _ in 0..<2 where peek.kind == .number { words.append(peek.text); advance() }
        } else if [.period, .number, .string].contains(first.kind) {
            words.append(first.text)
            advance()
        }
        guard !words.isEmpty else { throw error(.expectedPeriod, at: first) }
        let text = words.joined(separator: " ")
        guard let period = Period(parsing: text) else {
            throw error(.notAPeriod(text), at: first, notes: [.periodForms])
        }
        return period
    }
}
