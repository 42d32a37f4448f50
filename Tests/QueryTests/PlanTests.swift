import Catalogue
import Foundation
import Testing
@testable import Query

/// Plans as `explain` prints them: built from the schema alone, so exact text and no row read.
@Suite("Plans: what the planner builds, as explain prints it")
struct PlanTests {
    /// The plan of `query` (a show, or explain show) over the bundled data, as text.
    func plan(_ query: String, period: Period? = nil, parameters: [String: Value] = [:]) throws -> String {
        let statements = try Parser.parse(query)
        try #require(statements.count == 1)
        let interpreter = Interpreter(dataset: Bundled.dataset, period: period, parameters: parameters)
        switch statements[0] {
        case .query(.show(let show)), .query(.explain(let show, _)): return try interpreter.plan(show).text
        default: Issue.record("not a show: \(query)"); return ""
        }
    }

    @Test("a plain show: the default columns, each a field, over rows")
    func plain() throws {
        #expect(try plan("show units") == """
            show units
              period: 2026-10 (the latest with realisations)
              filter: none
              outputs, per row:
                unit: text
                  field unit: unit
                kind: text
                  field kind: text
                bidang: text
                  field bidang: unit
                positions: number
                  field positions: number
                indicators: number
                  field indicators: number
                achievement: percent
                  field achievement: percent
              order: none
              limit: none

            """)
    }

    @Test("where with and, or and not: the filter as a tree, the unit name resolved by the unit rule")
    func filter() throws {
        #expect(try plan(#"show indicators code where bidang = "Fasilitasi Pembiayaan" and (achievement < 80% or not kind = "count")"#) == """
            show indicators
              period: 2026-10 (the latest with realisations)
              filter:
                and: condition
                  = by unit name (1 unit): condition
                    field bidang: unit
                    "Fasilitasi Pembiayaan": text
                  or: condition
                    <: condition
                      field achievement: percent
                      80%: percent
                    not: condition
                      =: condition
                        field kind: text
                        "count": text
              outputs, per row:
                code: text
                  field code: text
              order: none
              limit: none

            """)
    }

    @Test("in, between, contains and is missing show their operands")
    func conditions() throws {
        #expect(try plan(#"show positions code where code between "A" and "M" and superior not in ("x", "y") or position contains "kepala" and achievement is missing"#) == """
            show positions
              period: 2026-10 (the latest with realisations)
              filter:
                or: condition
                  and: condition
                    between: condition
                      field code: text
                      "A": text
                      "M": text
                    not in: condition
                      field superior: text
                      "x": text
                      "y": text
                  and: condition
                    contains: condition
                      field position: text
                      "kepala": text
                    is missing: condition
                      field achievement: percent
              outputs, per row:
                code: text
                  field code: text
              order: none
              limit: none

            """)
    }

    @Test("group by with aggregates and arithmetic over them: keys over rows, outputs over groups, one typing rule")
    func grouped() throws {
        #expect(try plan("show indicators bidang, avg(achievement) - 80 as gap, count(*), sum(target) * 2 group by bidang") == """
            show indicators
              period: 2026-10 (the latest with realisations)
              filter: none
              group by:
                key 1:
                  field bidang: unit
              outputs, per group:
                bidang: text
                  key 1: unit
                    field bidang: unit
                gap: percent
                  -: percent
                    avg: percent
                      field achievement: percent
                    80: number
                count(*): number
                  count(*): number
                sum(target) * 2: number
                  *: number
                    sum: number
                      field target: number
                    2: number
              order: by the keys
              limit: none

            """)
    }

    @Test("aggregates without group by: one group of every row; group by alone counts")
    func oneGroup() throws {
        #expect(try plan("show indicators count(*), max(achievement) where achievement is not missing") == """
            show indicators
              period: 2026-10 (the latest with realisations)
              filter:
                is not missing: condition
                  field achievement: percent
              group by: none (one group of every row)
              outputs, per group:
                count(*): number
                  count(*): number
                max(achievement): percent
                  max: percent
                    field achievement: percent
              order: none
              limit: none

            """)
        #expect(try plan("show realisations group by period for 2026-S1 order by count desc limit 3") == """
            show realisations
              period: 2026-S1
              filter: none
              group by:
                key 1:
                  field period: period
              outputs, per group:
                period: period
                  key 1: period
                    field period: period
                count: number
                  count(*): number
              order:
                column 2 (count) desc
              limit: 3

            """)
    }

    @Test("order by a column or an expression over the row, and limit")
    func orderAndLimit() throws {
        #expect(try plan("show indicators code, achievement order by achievement desc, realisation - target limit 10") == """
            show indicators
              period: 2026-10 (the latest with realisations)
              filter: none
              outputs, per row:
                code: text
                  field code: text
                achievement: percent
                  field achievement: percent
              order:
                column 2 (achievement) desc
                realisation - target asc
                  -: number
                    field realisation: number
                    field target: number
              limit: 10

            """)
    }

    @Test("the period: for, a parameter, set period, every period for realisations; text read as a period once")
    func periods() throws {
        #expect(try plan(#"show realisations code where period >= "TW3 2026" for 2026"#) == """
            show realisations
              period: 2026
              filter:
                >=: condition
                  field period: period
                  2026-Q3: period
              outputs, per row:
                code: text
                  field code: text
              order: none
              limit: none

            """)
        #expect(try plan("show realisations code").contains("  period: every period\n"))
        #expect(try plan("show indicators code for $p", parameters: ["p": .text("TW3 2026")]).contains("  period: 2026-Q3\n"))
        #expect(try plan("show indicators code", period: .month(2026, 9)).contains("  period: 2026-09 (set period)\n"))
        #expect(try plan("show indicators code where achievement < $low", parameters: ["low": .number(60)])
            .contains("      $low = 60: number\n"))
    }

    @Test("planning reads no row: no indicator is evaluated")
    func noRows() throws {
        let interpreter = Interpreter(dataset: Bundled.dataset)
        guard case .query(.explain(let show, _)) = try Parser.parse("explain show indicators bidang, avg(achievement) group by bidang order by bidang")[0] else {
            Issue.record("not an explain")
            return
        }
        let plan = try interpreter.plan(show)
        #expect(plan.columns == [Column(name: "bidang", type: .text), Column(name: "avg(achievement)", type: .percent)])
        #expect(interpreter.cache.evaluations.isEmpty)
        _ = try interpreter.run(.query(.show(show)))
        #expect(!interpreter.cache.evaluations.isEmpty)
    }

    @Test("a statement that cannot be planned fails explain as it fails show: the same diagnostic")
    func errors() throws {
        for query in ["show indicators code, count(*)", "show indicators where acheivement < 80%", "show indicators bidang, count(*) group by bidang order by achievement",
                      "show indicators avg(code) group by bidang", "show realisations where period = 99999999999999999999"] {
            let failed = try #require(failure(query), "\(query) should fail")
            #expect(failure("explain " + query) == failed.replacingOccurrences(of: "\n" + query + "\n", with: "\nexplain " + query + "\n").shiftedBy(8), "\(query)")
        }
    }

    @Test("explain and its alias rencana parse to the plan of the show; explain needs show")
    func parsing() throws {
        #expect(summaries("explain show indicators code limit 2; rencana tampilkan unit") == [
            "explain show indicators [code {code}] limit 2", "explain show units",
        ])
        #expect(parseFailure("explain describe units") == """
            <query>:1:9: error: expected 'show' after 'explain', found 'describe'
            explain describe units
                    ^~~~~~~~
            """)
        #expect(parseFailure(#"explain show units to "f.csv""#) != nil)
        #expect(parseFailure("explian show units")?.contains("did you mean explain?") == true)
        #expect(parseFailure("show units explain show units")?.contains("expected ';' before 'explain'") == true)
    }

    @Test("the example in grammar/README.md is what explain prints")
    func documented() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("grammar/README.md"), encoding: .utf8)
        let text = try plan("explain show indicators bidang, avg(achievement) - 80 as gap group by bidang order by gap desc")
        #expect(readme.contains("```\n" + text + "```\n"))
    }

    @Test("a huge number compared with a period is a positioned error, never a trap")
    func hugeNumber() {
        #expect(failure("show realisations where period = 99999999999999999999") == """
            <query>:1:34: error: cannot compare a period with 1e+20 (number)
            show realisations where period = 99999999999999999999
                                             ^~~~~~~~~~~~~~~~~~~~
            """)
        #expect(failure("show realisations where period = 2026") == nil)
    }
}

extension String {
    /// A rendered diagnostic's column and caret moved right by `n` characters.
    func shiftedBy(_ n: Int) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let colon = lines[0].range(of: #":1:(\d+):"#, options: .regularExpression) {
            let column = Int(lines[0][colon].dropFirst(3).dropLast())!
            lines[0].replaceSubrange(colon, with: ":1:\(column + n):")
        }
        if lines.count > 2 { lines[2] = String(repeating: " ", count: n) + lines[2] }
        return lines.joined(separator: "\n")
    }
}
