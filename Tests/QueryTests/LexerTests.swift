import Catalogue
import Testing
@testable import Query

/// Each token as `kind text`, the `end` token included.
private func tokens(_ text: String) throws(Diagnostic) -> [String] {
    try Lexer.tokenize(text).map { "\($0.kind) \($0.text)" }
}

/// The error tokenising `text` gives, rendered with its caret line.
private func lexError(_ text: String) -> String? {
    do {
        _ = try Lexer.tokenize(text)
        return nil
    } catch {
        return error.rendered(source: text)
    }
}

@Suite("Lexer: query text to tokens")
struct LexerTests {
    @Test("whole and decimal numbers")
    func numbers() throws {
        #expect(try tokens("80 12.5 0 2026") == ["number 80", "number 12.5", "number 0", "number 2026", "end "])
    }

    @Test("a number directly followed by % is a percent literal; its text is the number")
    func percents() throws {
        #expect(try tokens("80% 12.5%") == ["percent 80", "percent 12.5", "end "])
        let percent = try Lexer.tokenize("achievement < 80%")[2]
        #expect(percent.kind == .percent)
        #expect(percent.length == 3)  // the caret covers the % too
    }

    @Test("strings in double or single quotes; a doubled quote stands for one")
    func strings() throws {
        #expect(try tokens(#""Fasilitasi Pembiayaan""#) == ["string Fasilitasi Pembiayaan", "end "])
        #expect(try tokens(#""He said ""hi""""#) == [#"string He said "hi""#, "end "])
        #expect(try tokens("'it''s' 'say \"x\"'") == ["string it's", "string say \"x\"", "end "])
        #expect(try tokens(#""""#) == ["string ", "end "])
        // The length is the text as written, quotes included, for the caret.
        #expect(try Lexer.tokenize(#""a""b""#)[0].length == 6)
    }

    @Test("periods written together are one token: month, quarter, semester")
    func periods() throws {
        #expect(try tokens("2026-10 2026-Q3 2026-S1 2026-q4 2026-01") ==
                ["period 2026-10", "period 2026-Q3", "period 2026-S1", "period 2026-q4", "period 2026-01", "end "])
    }

    @Test("what only looks like a period is arithmetic")
    func notPeriods() throws {
        #expect(try tokens("2026 - 10") == ["number 2026", "symbol -", "number 10", "end "])
        #expect(try tokens("2026-100") == ["number 2026", "symbol -", "number 100", "end "])
        #expect(try tokens("target-1") == ["identifier target", "symbol -", "number 1", "end "])
    }

    @Test("indicator codes (capitals, hyphen, digits) are one identifier")
    func codes() throws {
        #expect(try tokens("SDIN-1 KBBFPEM-12 sdin-1") ==
                ["identifier SDIN-1", "identifier KBBFPEM-12", "identifier sdin", "symbol -", "number 1", "end "])
    }

    @Test("TW3 and Triwulan are words; the parser reads them as a period after for")
    func periodWords() throws {
        #expect(try tokens("for TW3 2026") == ["identifier for", "identifier TW3", "number 2026", "end "])
        #expect(try tokens("Triwulan III 2026") == ["identifier Triwulan", "identifier III", "number 2026", "end "])
    }

    @Test("parameters: $ and a name; the token's text is the name")
    func parameters() throws {
        #expect(try tokens("for $period where bidang = $bidang_name") ==
                ["identifier for", "parameter period", "identifier where", "identifier bidang", "symbol =", "parameter bidang_name", "end "])
        #expect(try Lexer.tokenize("$period")[0].length == 7)
    }

    @Test("-- starts a comment that runs to the end of the line")
    func comments() throws {
        #expect(try tokens("show units -- every unit\n-- a whole line\nlimit 2 --") ==
                ["identifier show", "identifier units", "identifier limit", "number 2", "end "])
        // Inside a string it is text.
        #expect(try tokens(#""a -- b""#) == ["string a -- b", "end "])
    }

    @Test("operators and punctuation")
    func operators() throws {
        #expect(try tokens("= != <> < <= > >= + - * / ( ) , ;") == [
            "symbol =", "symbol !=", "symbol <>", "symbol <", "symbol <=", "symbol >", "symbol >=",
            "symbol +", "symbol -", "symbol *", "symbol /", "symbol (", "symbol )", "symbol ,", "semicolon ;", "end ",
        ])
        #expect(try tokens("a<=b") == ["identifier a", "symbol <=", "identifier b", "end "])
    }

    @Test("identifiers: letters, digits and _, any case, Indonesian words too")
    func identifiers() throws {
        #expect(try tokens("target_source Capaian rata_rata x1") ==
                ["identifier target_source", "identifier Capaian", "identifier rata_rata", "identifier x1", "end "])
    }

    @Test("locations: line and column in characters, across lines and CRLF")
    func locations() throws {
        let found = try Lexer.tokenize("show units\n  where x = \"é\"\r\nlimit 1").map { "\($0.location.line):\($0.location.column) \($0.text)" }
        #expect(found == ["1:1 show", "1:6 units", "2:3 where", "2:9 x", "2:11 =", "2:13 é", "3:1 limit", "3:7 1", "3:8 "])
    }

    @Test("error: an unterminated string, pointing at its opening quote")
    func unterminatedString() {
        #expect(lexError("show indicators where code = \"SDIN-1") == """
            <query>:1:30: error: unterminated string: no closing " before the end of the input
            show indicators where code = "SDIN-1
                                         ^
            """)
        #expect(lexError("show units where unit = 'Permodalan") == """
            <query>:1:25: error: unterminated string: no closing ' before the end of the input
            show units where unit = 'Permodalan
                                    ^
            """)
    }

    @Test("error: a character that is not part of the language")
    func badCharacter() {
        #expect(lexError("show indicators where code # 1") == """
            <query>:1:28: error: unexpected character '#'
            show indicators where code # 1
                                       ^
            """)
        #expect(lexError("show indicators\nwhere achievement ! 80") == """
            <query>:2:19: error: '!' must be followed by '=' (not equal); for negation write 'not'
            where achievement ! 80
                              ^
            """)
        #expect(lexError("show indicators for $ 2026") == """
            <query>:1:21: error: '$' must be followed by a parameter name, as in $period
            show indicators for $ 2026
                                ^
            """)
        #expect(lexError("show indicators limit 12abc") == """
            <query>:1:23: error: '12abc' is not a number; put text in quotes
            show indicators limit 12abc
                                  ^
            """)
    }

    @Test("error: digits other than 0-9 are bad characters, not numbers (no endless loop)", .timeLimit(.minutes(1)))
    func nonASCIIDigits() {
        #expect(lexError("achievement < ½") == """
            <query>:1:15: error: unexpected character '½'
            achievement < ½
                          ^
            """)
        #expect(lexError("limit ٣") == """
            <query>:1:7: error: unexpected character '٣'
            limit ٣
                  ^
            """)
    }

    @Test("an error on a line of a CRLF script shows that line")
    func crlfErrorLine() {
        #expect(lexError("show units\r\nwhere unit = #\r\nlimit 1") == """
            <query>:2:14: error: unexpected character '#'
            where unit = #
                         ^
            """)
    }
}
