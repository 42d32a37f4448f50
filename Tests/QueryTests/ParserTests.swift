import Catalogue
import Testing
@testable import Query

/// Statements are written here as one-line summaries (see `summary` in Support.swift): the thing,
/// the columns as S-expressions with their alias and `{header text}`, then each clause.
@Suite("Parser: statements and expressions")
struct ParserTests {
    // MARK: show

    @Test("show with nothing else")
    func bareShow() {
        #expect(summary("show indicators") == "show indicators")
        #expect(summary("SHOW Positions") == "show positions")
        for (word, thing) in [("units", "units"), ("objectives", "objectives"), ("realisations", "realisations"),
                              ("indicator", "indicators"), ("realizations", "realisations")] {
            #expect(summary("show \(word)") == "show \(thing)")
        }
    }

    @Test("columns, computed columns and aliases (a name or a quoted string)")
    func columns() {
        #expect(summary("show indicators code, achievement") ==
                "show indicators [code {code}, achievement {achievement}]")
        #expect(summary(#"show indicators code as kode, realisation - target as "the gap", avg(achievement), count(*)"#) ==
                "show indicators [code as kode {code}, (- realisation target) as the gap {realisation - target}, "
                + "avg(achievement) {avg(achievement)}, count(*) {count(*)}]")
    }

    @Test("where: the example query of the issue, verbatim")
    func missionQuery() {
        #expect(summary(#"show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%"#) ==
                #"show indicators where (and (= bidang "Fasilitasi Pembiayaan") (< achievement 80%))"#)
    }

    @Test("for, in every way a period is written", arguments: [
        ("2026-10", "2026-10"), ("2026-Q3", "2026-Q3"), ("2026-S1", "2026-S1"), ("2026", "2026"),
        ("TW3 2026", "2026-Q3"), ("TW 3 2026", "2026-Q3"), ("Triwulan III 2026", "2026-Q3"), ("triwulan 3 2026", "2026-Q3"),
        ("Semester I 2026", "2026-S1"), ("Oktober 2026", "2026-10"), (#""2026-Q3""#, "2026-Q3"), (#""TW3 2026""#, "2026-Q3"),
    ])
    func periods(written: String, period: String) {
        #expect(summary("show indicators for \(written)") == "show indicators for \(period)")
        #expect(summary("show indicators code for \(written) limit 3") == "show indicators [code {code}] for \(period) limit 3")
    }

    @Test("for a parameter")
    func periodParameter() {
        #expect(summary("show indicators for $period") == "show indicators for $period")
    }

    @Test("group by, order by several keys asc and desc, limit; clauses in any order")
    func clauses() {
        #expect(summary("show indicators bidang, avg(achievement) group by bidang order by avg(achievement) desc, bidang limit 3") ==
                "show indicators [bidang {bidang}, avg(achievement) {avg(achievement)}] group by [bidang] "
                + "order by [avg(achievement) desc, bidang asc] limit 3")
        #expect(summary("show indicators code order by achievement asc, realisation - target desc, code") ==
                "show indicators [code {code}] order by [achievement asc, (- realisation target) desc, code asc]")
        #expect(summary("show indicators limit 5 order by code for 2026-Q3 where kind = \"count\"") ==
                "show indicators where (= kind \"count\") for 2026-Q3 order by [code asc] limit 5")
        #expect(summary("show indicators group by kind, bidang") == "show indicators group by [kind, bidang]")
        #expect(summary("show indicators limit 0") == "show indicators limit 0")
    }

    // MARK: expressions

    @Test("every operator", arguments: [
        ("a = 1", "(= a 1)"), ("a != 1", "(!= a 1)"), ("a <> 1", "(!= a 1)"), ("a < 1", "(< a 1)"), ("a <= 1", "(<= a 1)"),
        ("a > 1", "(> a 1)"), ("a >= 1", "(>= a 1)"),
        (#"a in (1, "x", SDIN-1)"#, #"(in a [1 "x" SDIN-1])"#), ("a not in (1)", "(not-in a [1])"),
        ("a between 1 and 2", "(between a 1 2)"), ("a not between 1% and 2%", "(not-between a 1% 2%)"),
        (#"a contains "x""#, #"(contains a "x")"#), (#"a not contains "x""#, #"(not-contains a "x")"#),
        (#"a like "x%""#, #"(like a "x%")"#), (#"a not like "x%""#, #"(not-like a "x%")"#),
        ("a is missing", "(is-missing a)"), ("a is not missing", "(is-not-missing a)"),
        ("not a = 1", "(not (= a 1))"), ("a = 1 and b = 2", "(and (= a 1) (= b 2))"), ("a = 1 or b = 2", "(or (= a 1) (= b 2))"),
        ("a = 2026-10", "(= a period:2026-10)"), ("a = $x", "(= a $x)"),
    ])
    func operators(condition: String, tree: String) {
        #expect(summary("show indicators where \(condition)") == "show indicators where \(tree)")
    }

    @Test("precedence: not over and over or; * / over + -; unary minus; parentheses")
    func precedence() {
        #expect(summary("show indicators where a = 1 or b = 2 and not c = 3") ==
                "show indicators where (or (= a 1) (and (= b 2) (not (= c 3))))")
        #expect(summary("show indicators where (a = 1 or b = 2) and c = 3") ==
                "show indicators where (and (or (= a 1) (= b 2)) (= c 3))")
        #expect(summary("show indicators where a + b * c - d / 2 > -e") ==
                "show indicators where (> (- (+ a (* b c)) (/ d 2)) (- e))")
        #expect(summary("show indicators where (a + b) * c = 1") == "show indicators where (= (* (+ a b) c) 1)")
        #expect(summary("show indicators where a - b between 1 and 2 and c = 3") ==
                "show indicators where (and (between (- a b) 1 2) (= c 3))")
    }

    // MARK: describe

    @Test("describe a thing, an indicator by code, a position by title or code")
    func describe() {
        #expect(summary("describe indicators") == "describe indicators")
        #expect(summary("describe units") == "describe units")
        #expect(summary("describe indicator SDIN-1") == #"describe indicators "SDIN-1""#)
        #expect(summary(#"describe indicator "SDIN-1""#) == #"describe indicators "SDIN-1""#)
        #expect(summary(#"describe position "KEPALA SEKSI PERMODALAN""#) == #"describe positions "KEPALA SEKSI PERMODALAN""#)
        #expect(summary("describe position KSPER") == #"describe positions "KSPER""#)
    }

    // MARK: scripts

    @Test("statements separated by ;, empty statements and comments allowed")
    func multipleStatements() {
        #expect(summaries("show units; describe positions;; show indicators limit 1;") ==
                ["show units", "describe positions", "show indicators limit 1"])
        #expect(summaries("-- the units\nshow units;\n\n-- and one indicator\ndescribe indicator SDIN-1\n") ==
                ["show units", #"describe indicators "SDIN-1""#])
        #expect(summaries("") == [])
        #expect(summaries("-- nothing but a comment") == [])
    }

    // MARK: Bahasa Indonesia

    @Test("the Indonesian form of the example query means the same as the English one")
    func indonesianMission() {
        let english = summary(#"show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%"#)
        #expect(summary(#"tampilkan indikator dimana bidang = "Fasilitasi Pembiayaan" dan capaian < 80%"#) ==
                #"show indicators where (and (= bidang "Fasilitasi Pembiayaan") (< capaian 80%))"#)
        // The field alias stays as written in the tree; the resolver maps capaian to achievement.
        #expect(english.replacingOccurrences(of: "achievement", with: "capaian") ==
                summary(#"tampilkan indikator dimana bidang = "Fasilitasi Pembiayaan" dan capaian < 80%"#))
    }

    /// `periode` is the field period (`tampilkan realisasi periode, ...`), never the clause `for`.
    @Test("periode is the field; written for the clause, a note says untuk")
    func periodeIsTheField() throws {
        #expect(summary("tampilkan realisasi periode, rata_rata(capaian) kelompokkan berdasarkan periode") ==
                "show realisations [periode {period}, rata_rata(capaian) {avg(achievement)}] group by [periode]")
        do {
            _ = try Parser.parse("tampilkan indikator banyak(*) periode 2026-Q1")
            Issue.record("parsed")
        } catch {
            #expect(error.rendered(source: "tampilkan indikator banyak(*) periode 2026-Q1") == """
            <query>:1:31: error: expected where, for, group by, order by or limit, found 'periode'
            tampilkan indikator banyak(*) periode 2026-Q1
                                          ^~~~~~~
                'periode' is the field period; to choose the period, write 'for 2026-Q1' (or 'untuk 2026-Q1')
            """)
        }
    }

    @Test("Indonesian keywords for every clause and operator")
    func indonesianKeywords() {
        #expect(summary("tampilkan jabatan kode, jabatan sebagai nama yang bidang = \"Sekretariat\" urutkan berdasarkan kode turun batas 3") ==
                #"show positions [kode {code}, jabatan as nama {position}] where (= bidang "Sekretariat") order by [kode desc] limit 3"#)
        #expect(summary("tampilkan indikator bidang, rerata(capaian), banyak(*) kelompokkan berdasarkan bidang untuk TW3 2026") ==
                "show indicators [bidang {bidang}, rerata(capaian) {avg(achievement)}, banyak(*) {count(*)}] for 2026-Q3 group by [bidang]")
        #expect(summary("tampilkan indikator dimana capaian antara 50% dan 80% atau capaian adalah kosong") ==
                "show indicators where (or (between capaian 50% 80%) (is-missing capaian))")
        #expect(summary("tampilkan indikator dimana bukan capaian adalah tidak kosong dan kode tidak dalam (SDIN-1)") ==
                "show indicators where (and (not (is-not-missing capaian)) (not-in kode [SDIN-1]))")
        #expect(summary(#"tampilkan indikator dimana indikator memuat "laporan" atau indikator seperti "jumlah%""#) ==
                #"show indicators where (or (contains indikator "laporan") (like indikator "jumlah%"))"#)
        #expect(summary("tampilkan realisasi untuk 2026-Q3 urutkan berdasarkan periode naik") ==
                "show realisations for 2026-Q3 order by [periode asc]")
        #expect(summary("jelaskan indikator SDIN-1") == #"describe indicators "SDIN-1""#)
    }

    // MARK: diagnostics

    @Test("an unknown statement word, with the nearest statement")
    func unknownStatement() {
        #expect(parseFailure("shwo indicators") == """
            <query>:1:1: error: expected a statement (show, describe, explain, export, set, load, help, quit, lint, report), found 'shwo'
            shwo indicators
            ^~~~
                did you mean show?
            """)
        #expect(parseFailure("select * from indicators") == """
            <query>:1:1: error: expected a statement (show, describe, explain, export, set, load, help, quit, lint, report), found 'select'
            select * from indicators
            ^~~~~~
                SQL's select is show here: show indicators code, achievement where achievement < 80%
            """)
    }

    @Test("an unknown thing, with a suggestion")
    func unknownThing() {
        #expect(parseFailure("show indicatrs where achievement < 80%") == """
            <query>:1:6: error: expected what to show: indicators, positions, units, objectives, realisations; found 'indicatrs'
            show indicatrs where achievement < 80%
                 ^~~~~~~~~
                did you mean indicators?
            """)
        #expect(parseFailure("show") == """
            <query>:1:5: error: expected what to show: indicators, positions, units, objectives, realisations; found the end of the input
            show
                ^
            """)
    }

    @Test("group and order need by")
    func missingBy() {
        #expect(parseFailure("show indicators bidang, count(*) group bidang") == """
            <query>:1:40: error: expected 'by' after 'group', found 'bidang'
            show indicators bidang, count(*) group bidang
                                                   ^~~~~~
            """)
        #expect(parseFailure("show indicators order achievement desc") == """
            <query>:1:23: error: expected 'by' after 'order', found 'achievement'
            show indicators order achievement desc
                                  ^~~~~~~~~~~
            """)
        #expect(parseFailure("tampilkan indikator urutkan capaian") == """
            <query>:1:29: error: expected 'by' after 'urutkan', found 'capaian'
            tampilkan indikator urutkan capaian
                                        ^~~~~~~
            """)
    }

    @Test("limit takes a whole number")
    func badLimit() {
        #expect(parseFailure("show indicators limit ten") == """
            <query>:1:23: error: expected a whole number after limit, found 'ten'
            show indicators limit ten
                                  ^~~
            """)
        #expect(parseFailure("show indicators limit 2.5") == """
            <query>:1:23: error: expected a whole number after limit, found '2.5'
            show indicators limit 2.5
                                  ^~~
            """)
        #expect(parseFailure("show indicators limit -1") == """
            <query>:1:23: error: expected a whole number after limit, found '-'
            show indicators limit -1
                                  ^
            """)
        #expect(parseFailure("show indicators limit") == """
            <query>:1:22: error: expected a whole number after limit, found the end of the input
            show indicators limit
                                 ^
            """)
    }

    @Test("a clause given twice")
    func clauseTwice() {
        #expect(parseFailure(#"show indicators where kind = "count" limit 3 where achievement < 80%"#) == """
            <query>:1:46: error: 'where' appears twice in this statement
            show indicators where kind = "count" limit 3 where achievement < 80%
                                                         ^~~~~
            """)
        #expect(parseFailure("tampilkan indikator batas 3 limit 4") == """
            <query>:1:29: error: 'limit' appears twice in this statement
            tampilkan indikator batas 3 limit 4
                                        ^~~~~
            """)
    }

    @Test("other parse errors point at the offending token")
    func otherErrors() {
        #expect(parseFailure("show indicators for someday") == """
            <query>:1:21: error: 'someday' is not a period
            show indicators for someday
                                ^~~~~~~
                periods are written 2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026
            """)
        #expect(parseFailure("show indicators where achievement < 80% desc") == """
            <query>:1:41: error: expected where, for, group by, order by or limit, found 'desc'
            show indicators where achievement < 80% desc
                                                    ^~~~
            """)
        #expect(parseFailure("show indicators where achievement is 80%") == """
            <query>:1:38: error: expected 'missing' after 'is', found '80%'
            show indicators where achievement is 80%
                                                 ^~~
            """)
        #expect(parseFailure("show indicators where code in (SDIN-1") == """
            <query>:1:38: error: expected ')', found the end of the input
            show indicators where code in (SDIN-1
                                                 ^
            """)
        #expect(parseFailure("show indicators where and") == """
            <query>:1:23: error: expected a field or value, found the keyword 'and'
            show indicators where and
                                  ^~~
            """)
        #expect(parseFailure("show units\nshow indicators") == """
            <query>:2:1: error: expected ';' before 'show': statements are separated by ';'
            show indicators
            ^~~~
            """)
        #expect(parseFailure("show units\r\nwhere unit =\r\nlimit 1") == """
            <query>:3:1: error: expected a field or value, found the keyword 'limit'
            limit 1
            ^~~~~
            """)
    }
}
