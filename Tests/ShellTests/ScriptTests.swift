import Catalogue
import Foundation
import Query
import Render
import Testing

/// `iki SCRIPT... [-c QUERY]... [--param name=value]... [--keep-going]`, `iki -` and statements
/// piped to standard input, run as the real program in a temporary working folder.
@Suite("Scripts: comments, parameters, errors, --keep-going, -c, standard input, closed pipes")
struct ScriptTests {
    @Test("a script with -- comments, blank lines and several statements runs them in order")
    func commentsAndBlankLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("check.iki", """
        -- Units and a position, for a check.

        -- first: the units
        show units unit limit 2;


           -- then one position; a ';' in a comment ends nothing
        show positions code, position
          where code = "SDIN";  -- a trailing comment
        show indicators code limit 1  -- the last statement needs no ';'

        """)
        let result = try Iki.run(["check.iki", "--format", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
        unit
        Sekretariat
        Kelembagaan dan Pengawasan Koperasi
        code,position
        SDIN,SEKRETARIS DINAS
        code
        SDIN-1

        """)
    }

    @Test("a period parameter is a period: for $period evaluates that month or quarter")
    func periodParameter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("month.iki", "show indicators code, period, achievement where code = SDIN-1 for $period;\n")
        let sdin1 = Bundled.index("SDIN-1")
        for (given, period) in [("2026-03", Period.month(2026, 3)), ("2026-Q3", try #require(Period(parsing: "2026-Q3")))] {
            let result = try Iki.run(["month.iki", "--format", "csv", "--param", "period=\(given)"], in: folder)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            let rows = try csvRows(result.stdout)
            #expect(rows.count == 2)
            #expect(rows.first == ["code", "period", "achievement"])
            #expect(Array(rows[1].prefix(2)) == ["SDIN-1", given])
            #expect(close(number(rows[1][2]), Bundled.dataset.evaluate(sdin1, in: period).achievement))
        }
    }

    @Test("a text parameter is compared as a value: where code = $code matches that one indicator")
    func textParameter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("trend.iki", "show indicators code, position where code = $code;\n")
        let result = try Iki.run(["trend.iki", "--format", "csv", "--param", "code=KBBFPEM-1"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "code,position\nKBBFPEM-1,KEPALA BIDANG BINA FASILITASI PEMBIAYAAN\n")
    }

    @Test("a number parameter is a number: achievement < $low compares numbers")
    func numberParameter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("low.iki", "show indicators code where achievement < $low order by code;\n")
        let result = try Iki.run(["low.iki", "--format", "csv", "--param", "low=60"], in: folder)
        #expect(result.status == 0)
        let low = Bundled.dataset.catalogue.indicators.indices
            .filter { (Bundled.dataset.evaluate($0, in: Bundled.latest).achievement ?? .infinity) < 60 }
            .map { Bundled.dataset.catalogue.indicators[$0].code }
            .sorted { $0.compare($1, options: [.caseInsensitive, .numeric]) == .orderedAscending }
        #expect(!low.isEmpty)
        #expect(result.stdout == "code\n" + low.joined(separator: "\n") + "\n")
    }

    @Test("a parameter is never pasted into the query: a value with quotes and 'or 1=1 --' is just text and matches nothing",
          arguments: ["SDIN-1\" or 1=1 --", "SDIN-1' or '1'='1", "x\" or code like \"%"])
    func parameterIsNotPasted(_ value: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.iki", "show indicators code where code = $code;\nshow positions code where position = $code or code = $code;\n")
        let result = try Iki.run(["one.iki", "--format", "csv", "--param", "code=\(value)"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "code\ncode\n")
    }

    @Test("an error stops the script: file:line:column, the line and a caret on standard error, exit status 1, later statements not run")
    func errorStopsScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("review.iki", """
        -- A review with a typo on line 5.
        show units unit limit 1;

        show indicators code
          where acheivement < 80%;
        show positions code limit 1;
        export show units to "units.csv";

        """)
        let result = try Iki.run(["review.iki", "--format", "csv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "unit\nSekretariat\n")
        #expect(result.stderr.hasPrefix("""
        review.iki:5:9: error: unknown field 'acheivement' for indicators
          where acheivement < 80%;
                ^~~~~~~~~~~
            did you mean achievement?

        """))
        #expect(result.stderr.components(separatedBy: ": error: ").count == 2)
        #expect(try folder.listing() == ["review.iki"])
    }

    @Test("a syntax error stops the script at its statement: the statements before it have run, those after it do not")
    func syntaxErrorStopsScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("typo.iki", "show units unit limit 1;\nshow indicators wher achievement < 80%;\nshow positions code limit 1;\n")
        let result = try Iki.run(["typo.iki", "--format", "csv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "unit\nSekretariat\n")
        #expect(result.stderr == """
        typo.iki:2:17: error: expected where, for, group by, order by or limit after the columns, found 'achievement'
        show indicators wher achievement < 80%;
                        ^~~~
            'wher' was read as a column; did you mean where?

        """)
    }

    @Test("a script with CRLF line ends runs, and its errors are located as in an editor")
    func crlfScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("windows.iki", "-- saved on Windows\r\nshow units unit limit 1;\r\n\r\nshow indicators code where nope = 1;\r\nshow units unit limit 1;\r\n")
        let result = try Iki.run(["windows.iki", "--format", "csv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "unit\nSekretariat\n")
        #expect(result.stderr.hasPrefix("windows.iki:4:28: error: unknown field 'nope' for indicators\nshow indicators code where nope = 1;\n\(caret(column: 28, length: 4))\n"))
    }

    @Test("--keep-going reports every error (unknown field, syntax, unknown thing), runs every other statement and still exits 1")
    func keepGoing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("all.iki", """
        show units unit limit 1;
        show indicators where acheivement < 80%;
        show positions code limit 1;
        show indicators code limit 1 limit 2;
        show gizmos;
        show indicators code limit 1;

        """)
        let result = try Iki.run(["all.iki", "--format", "csv", "--keep-going"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "unit\nSekretariat\ncode\nSDIN\ncode\nSDIN-1\n")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "all.iki:2:23: error: unknown field 'acheivement' for indicators",
            "all.iki:4:30: error: 'limit' appears twice in this statement",
            "all.iki:5:6: error: expected what to show: indicators, positions, units, objectives, realisations; found 'gizmos'",
        ])
    }

    @Test("--keep-going goes on to the next script too; without it a failing script stops the rest")
    func keepGoingAcrossScripts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.iki", "show nothing;\n")
        try folder.write("good.iki", "show units unit limit 1;\n")
        let stopped = try Iki.run(["bad.iki", "good.iki", "--format", "csv"], in: folder)
        #expect(stopped.status == 1)
        #expect(stopped.stdout == "")
        #expect(stopped.stderr.hasPrefix("bad.iki:1:6: error: "))
        let going = try Iki.run(["bad.iki", "good.iki", "--format", "csv", "--keep-going"], in: folder)
        #expect(going.status == 1)
        #expect(going.stdout == "unit\nSekretariat\n")
        #expect(going.stderr == stopped.stderr)
    }

    @Test("-c queries and scripts combine: the -c queries run first, in order, then the scripts in order")
    func commandsAndScripts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.iki", "show units unit limit 1;\n")
        try folder.write("two.iki", "show indicators code limit 1;\n")
        let result = try Iki.run(["one.iki", "-c", "show positions code limit 1", "two.iki", "-c", "show units kind limit 1", "--format", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "code\nSDIN\nkind\nsekretariat\nunit\nSekretariat\ncode\nSDIN-1\n")

        // Settings carry from the -c queries into the scripts: one session.
        let set = try Iki.run(["-c", "set format json", "one.iki"], in: folder)
        #expect(set.stdout == "[\n  {\"unit\": \"Sekretariat\"}\n]\n")

        // quit in a -c query ends the run before the scripts, successfully.
        let quit = try Iki.run(["-c", "show units kind limit 1; quit", "one.iki", "--format", "csv"], in: folder)
        #expect(quit.status == 0)
        #expect(quit.stdout == "kind\nsekretariat\n")

        // A failing -c query stops before the scripts.
        let failed = try Iki.run(["-c", "show nothing", "one.iki", "--format", "csv"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        #expect(failed.stderr.hasPrefix("<query>:1:6: error: expected what to show"))
    }

    @Test("'-' reads the script from standard input; its errors are located in <stdin>")
    func scriptFromStandardInput() throws {
        let ok = try Iki.run(["-", "--format", "csv"], stdin: "-- from a pipe\nshow units unit limit 1;\nshow positions code limit 1\n")
        #expect(ok.status == 0)
        #expect(ok.stderr == "")
        #expect(ok.stdout == "unit\nSekretariat\ncode\nSDIN\n")

        let failed = try Iki.run(["-", "--format", "csv"], stdin: "show units unit limit 1;\nshow units wher;\n")
        #expect(failed.status == 1)
        #expect(failed.stdout == "unit\nSekretariat\n")
        #expect(failed.stderr.hasPrefix("<stdin>:2:12: error: "))
    }

    @Test("stdin mode: 'echo show units | iki --format csv' prints exactly what -c does, no prompt, no banner")
    func standardInputMode() throws {
        let piped = try Iki.run(["--format", "csv"], stdin: "show units\n")
        let direct = try Iki.run(["--format", "csv", "-c", "show units"])
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        #expect(piped.stdout == direct.stdout)
        #expect(piped.stdout.hasPrefix("unit,kind,bidang,positions,indicators,achievement\nSekretariat,sekretariat,Sekretariat,18,29,"))
        #expect(piped.stdout.split(separator: "\n").count == Bundled.dataset.catalogue.organisation.units.count + 1)
    }

    @Test("stdin mode with the table format: a plain table, no colour codes, no banner, no prompt")
    func standardInputTable() throws {
        let piped = try Iki.run([], stdin: "show units unit, positions limit 2;\nshow positions code limit 1\n")
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        #expect(piped.stdout == """
        unit                                 positions
        -----------------------------------  ---------
        Sekretariat                                 18
        Kelembagaan dan Pengawasan Koperasi          7
        (2 rows)

        code
        ----
        SDIN
        (1 row)

        """)
        #expect(!piped.stdout.contains("\u{1B}"))
    }

    @Test("empty standard input is an empty, successful run")
    func emptyStandardInput() throws {
        let result = try Iki.run([], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    @Test("a script that cannot be read: exit status 2, a message naming it, and nothing runs")
    func missingScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("good.iki", "show units unit limit 1;\n")
        let result = try Iki.run(["good.iki", "nope.iki", "--format", "csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "iki: cannot read script 'nope.iki'\n")
    }

    @Test("writing into a closed pipe (iki ... | head -1) ends quietly: status 0 or 141 (SIGPIPE), nothing on standard error",
          arguments: ["table", "csv"])
    func closedPipe(_ format: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Three times the realisations: far more than a pipe holds, so iki is still writing when head exits.
        let result = try Iki.shell("""
        { "$IKI" --format \(format) -c 'show realisations; show realisations; show realisations' 2>err.txt; echo $? >status.txt; } | head -1
        """, in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("code"))
        #expect(result.stdout.split(separator: "\n").count == 1)
        let status = try folder.read("status.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(["0", "141"].contains(status), "iki exited with \(status)")
        #expect(try folder.read("err.txt") == "")
    }
}
