import Catalogue
import Testing
@testable import Query

/// Errors and warnings found while planning a statement: exact text, with the line and a caret
/// under the offending token, as `iki` prints them.
@Suite("Diagnostics of the resolver and interpreter")
struct QueryDiagnosticsTests {
    // MARK: Unit names

    @Test("unit names match by the unit rule: full name, short name, any case and spacing, without Bina", arguments: [
        #""Fasilitasi Pembiayaan""#, #""Bidang Bina Fasilitasi Pembiayaan""#, #""bidang bina fasilitasi pembiayaan""#,
        #""  FASILITASI   pembiayaan ""#, #""Bidang Fasilitasi Pembiayaan""#, #""BIDANG BINA FASILITASI PEMBIAYAAN""#,
    ])
    func unitMatching(name: String) throws {
        let result = try run("show indicators code where bidang = \(name)")
        #expect(result.warnings.isEmpty)
        #expect(result.rows.count == 12)
        #expect(try run("show indicators code where \(name) = bidang").rows == result.rows)
    }

    @Test("a seksi matches by its own names, and != keeps every other indicator that has a bidang")
    func unitMatchingSeksi() throws {
        let codes = ["KSPER-1", "PFPPER-1", "PFPPER-2"]
        #expect(firstColumn(try run(#"show indicators code where unit = "Seksi Permodalan""#)) == codes)
        #expect(firstColumn(try run(#"show indicators code where seksi = "permodalan""#)) == codes)
        let others = try run(#"show indicators code where bidang != "Fasilitasi Pembiayaan""#)
        let catalogue = Bundled.dataset.catalogue
        let expected = catalogue.indicators.filter {
            let bidang = catalogue.bidang(of: catalogue.positions[$0.positionIndex])
            return bidang != nil && bidang?.fullName != "Bidang Bina Fasilitasi Pembiayaan"
        }
        #expect(firstColumn(others) == expected.map(\.code))
    }

    @Test("a unit name that matches nothing: a warning with the nearest unit names, and no rows")
    func unitTypo() throws {
        let query = #"show indicators where bidang = "Fasilitasi Pembiayan" and achievement < 80%"#
        let result = try run(query)
        #expect(result.rows.isEmpty)
        #expect(result.warnings.map { $0.rendered(source: query) } == ["""
            <query>:1:32: warning: no unit is named "Fasilitasi Pembiayan", so this comparison matches nothing
            show indicators where bidang = "Fasilitasi Pembiayan" and achievement < 80%
                                           ^~~~~~~~~~~~~~~~~~~~~~
                nearest units: "Fasilitasi Pembiayaan"
            """])
    }

    @Test("a sum or average past the largest number shows as missing, never inf, with one warning per column naming how many rows")
    func overflowIsMissing() throws {
        let query = "show indicators kind, count(*), sum($p), avg($p), max($p) group by kind"
        let result = try run(query, parameters: ["p": .number(1e308)])
        #expect(result.rows.map { $0[2] } == [.missing, .missing])
        #expect(result.rows.map { $0[4] } == [.number(1e308), .number(1e308)])
        #expect(result.warnings.map { $0.rendered(source: query) } == ["""
            <query>:1:33: warning: sum($p) is too large to compute in 2 row(s) (beyond about 1.8e308): shown as missing
            show indicators kind, count(*), sum($p), avg($p), max($p) group by kind
                                            ^~~~~~~
            """, """
            <query>:1:42: warning: avg($p) is too large to compute in 2 row(s) (beyond about 1.8e308): shown as missing
            show indicators kind, count(*), sum($p), avg($p), max($p) group by kind
                                                     ^~~~~~~
            """])
    }

    @Test("the unit warning in Indonesian, in a list, reversed, and when nothing is near")
    func unitTypoVariants() throws {
        let indonesian = #"tampilkan indikator dimana bidang = "Sekretarit" dan capaian < 80%"#
        #expect(try run(indonesian).warnings.map { $0.rendered(source: indonesian) } == ["""
            <query>:1:37: warning: no unit is named "Sekretarit", so this comparison matches nothing
            tampilkan indikator dimana bidang = "Sekretarit" dan capaian < 80%
                                                ^~~~~~~~~~~~
                nearest units: "Sekretariat"
            """])

        let list = #"show indicators code where bidang in ("Fasilitasi Pembiayaan", "Keuangan")"#
        let listed = try run(list)
        #expect(listed.rows.count == 12)  // the name that matches still does
        #expect(listed.warnings.map { $0.rendered(source: list) } == ["""
            <query>:1:64: warning: no unit is named "Keuangan", so this comparison matches nothing
            show indicators code where bidang in ("Fasilitasi Pembiayaan", "Keuangan")
                                                                           ^~~~~~~~~~
                nearest units: "Keuangan dan Aset"
            """])

        let reversed = #"show indicators code where "Permodalam" = unit"#
        #expect(try run(reversed).warnings.map { $0.rendered(source: reversed) } == ["""
            <query>:1:28: warning: no unit is named "Permodalam", so this comparison matches nothing
            show indicators code where "Permodalam" = unit
                                       ^~~~~~~~~~~~
                nearest units: "Permodalan"
            """])

        // Nothing looks like a typo of it: the three nearest all the same.
        let far = #"show indicators code where unit = "xyz""#
        #expect(try run(far).warnings.map(\.notes) == [[#"nearest units: "Permodalan", "Tata Usaha", "Sekretariat""#]])
    }

    // MARK: Types

    @Test("comparing text with a number says so")
    func textVersusNumber() {
        #expect(failure("show indicators where indicator = 5") == """
            <query>:1:33: error: cannot compare 'indicator' (text) with 5 (number)
            show indicators where indicator = 5
                                            ^
                text compares with text: put the value in quotes, or compare a number field
            """)
        #expect(failure(#"show indicators where achievement < "80%""#) == """
            <query>:1:35: error: cannot compare 'achievement' (percent) with "80%" (text)
            show indicators where achievement < "80%"
                                              ^
                text compares with text: put the value in quotes, or compare a number field
            """)
        #expect(failure("tampilkan indikator dimana kode = 1") == """
            <query>:1:33: error: cannot compare 'kode' (text) with 1 (number)
            tampilkan indikator dimana kode = 1
                                            ^
                text compares with text: put the value in quotes, or compare a number field
            """)
    }

    @Test("arithmetic, contains and like need the right types")
    func otherTypeErrors() {
        #expect(failure("show indicators where code + 1 > 2") == """
            <query>:1:23: error: '+' needs numbers, but 'code' is text
            show indicators where code + 1 > 2
                                  ^~~~
            """)
        #expect(failure(#"show indicators where achievement like "8%""#) == """
            <query>:1:35: error: 'like' compares text, but 'achievement' is a percentage
            show indicators where achievement like "8%"
                                              ^~~~
            """)
        #expect(failure("show indicators where code contains 5") == """
            <query>:1:37: error: 'contains' needs text on its right, such as "koperasi"; found a number
            show indicators where code contains 5
                                                ^
            """)
        #expect(failure(#"show indicators where period = "soon""#) == """
            <query>:1:32: error: "soon" is not a period
            show indicators where period = "soon"
                                           ^~~~~~
                periods are written 2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026
            """)
        #expect(failure("show indicators where achievement") == """
            <query>:1:23: error: expected a condition such as achievement < 80%, found 'achievement', which is a percentage
            show indicators where achievement
                                  ^~~~~~~~~~~
            """)
    }

    // MARK: Names

    @Test("an unknown field: the nearest names, then every field of the thing")
    func unknownField() {
        #expect(failure("show indicators where acheivement < 80%") == """
            <query>:1:23: error: unknown field 'acheivement' for indicators
            show indicators where acheivement < 80%
                                  ^~~~~~~~~~~
                did you mean achievement?
                fields of indicators: code, indicator, position, unit, seksi, bidang, office, region, superior, subordinates, objective, kind, numerator, denominator, formula, source, target_unit, polarity, consolidation, period, target, target_source, realisation, achievement, category, state, score, rule, reports, previous_achievement, change
            """)
        #expect(failure("show positions code, unti") == """
            <query>:1:22: error: unknown field 'unti' for positions
            show positions code, unti
                                 ^~~~
                did you mean unit?
                fields of positions: code, position, unit, seksi, bidang, office, region, superior, subordinates, superior_named, tasks, functions, indicators, reported, not_reported, achievement, period
            """)
    }

    @Test("an unknown field written in Indonesian: the nearest Indonesian names too")
    func unknownIndonesianField() {
        #expect(failure("tampilkan indikator dimana capian < 80%") == """
            <query>:1:28: error: unknown field 'capian' for indicators
            tampilkan indikator dimana capian < 80%
                                       ^~~~~~
                did you mean capaian, satuan?
                fields of indicators: code, indicator, position, unit, seksi, bidang, office, region, superior, subordinates, objective, kind, numerator, denominator, formula, source, target_unit, polarity, consolidation, period, target, target_source, realisation, achievement, category, state, score, rule, reports, previous_achievement, change
            """)
    }

    @Test("a word that is no field of the thing, but near a keyword: both suggested")
    func unknownFieldNearKeyword() {
        #expect(failure("show units wher") == """
            <query>:1:12: error: unknown field 'wher' for units
            show units wher
                       ^~~~
                did you mean unit, name, kind? (or the keyword 'where')
                fields of units: unit, name, kind, parent, bidang, office, region, positions, indicators, achievement, period
            """)
    }

    // MARK: Aggregates

    @Test("aggregate mistakes: an ungrouped column, an aggregate in where, an unknown function, a bad order by")
    func aggregateErrors() {
        #expect(failure("show indicators code, count(*)") == """
            <query>:1:17: error: 'code' is neither grouped nor aggregated: add it to group by, or use it inside count, sum, avg, min or max
            show indicators code, count(*)
                            ^~~~
            """)
        #expect(failure("show indicators code where count(*) > 1") == """
            <query>:1:28: error: count(...) is an aggregate: use it in the columns of a show, e.g. show indicators bidang, count(achievement) group by bidang
            show indicators code where count(*) > 1
                                       ^~~~~
            """)
        #expect(failure("show indicators code, cnt(*)") == """
            <query>:1:23: error: unknown function 'cnt'
            show indicators code, cnt(*)
                                  ^~~
                functions are count, sum, avg, min, max; did you mean count?
            """)
        #expect(failure("show indicators sum(code)") == """
            <query>:1:21: error: sum(...) needs numbers, but 'code' is text
            show indicators sum(code)
                                ^~~~
            """)
        #expect(failure("show indicators avg(*)") == """
            <query>:1:17: error: avg(*) is not defined; give a field, as in avg(achievement)
            show indicators avg(*)
                            ^~~
            """)
        #expect(failure("show indicators bidang, count(*) group by bidang order by achievement") == """
            <query>:1:59: error: order by in a grouped query must name one of its columns: bidang, count(*)
            show indicators bidang, count(*) group by bidang order by achievement
                                                                      ^~~~~~~~~~~
            """)
    }

    @Test("a diagnostic on the second line of a query points into that line")
    func multiLine() {
        #expect(failure("show indicators code\n  where acheivement < 80%") == """
            <query>:2:9: error: unknown field 'acheivement' for indicators
              where acheivement < 80%
                    ^~~~~~~~~~~
                did you mean achievement?
                fields of indicators: code, indicator, position, unit, seksi, bidang, office, region, superior, subordinates, objective, kind, numerator, denominator, formula, source, target_unit, polarity, consolidation, period, target, target_source, realisation, achievement, category, state, score, rule, reports, previous_achievement, change
            """)
        // The same with Windows line ends.
        #expect(failure("show indicators code\r\n  where acheivement < 80%\r\n  limit 3")?.split(separator: "\n").prefix(3).joined(separator: "\n") == """
            <query>:2:9: error: unknown field 'acheivement' for indicators
              where acheivement < 80%
                    ^~~~~~~~~~~
            """)
    }

    @Test("a unit that exists but can never be a bidang: a warning that names the field to use")
    func unitOfTheWrongKind() throws {
        let result = try run("show indicators where bidang = \"Permodalan\"")
        #expect(result.rows.isEmpty)
        #expect(result.warnings.map { $0.rendered(source: "show indicators where bidang = \"Permodalan\"") } == ["""
            <query>:1:32: warning: Seksi Permodalan is a seksi, never a bidang, so this comparison matches nothing
            show indicators where bidang = "Permodalan"
                                           ^~~~~~~~~~~~
                compare seksi = "Permodalan" (or unit = ...) instead
            """])
        #expect(try run("show indicators where seksi = \"Permodalan\"").rows.count == 3)
    }

    @Test("a misspelt clause keyword read as a column is pointed at")
    func misspeltClause() {
        #expect(failure("show indicators wher achievement < 80%") == """
            <query>:1:17: error: expected where, for, group by, order by or limit after the columns, found 'achievement'
            show indicators wher achievement < 80%
                            ^~~~
                'wher' was read as a column; did you mean where?
            """)
    }
}
