import Catalogue
import Foundation
import Query
import Render
import Shell
import Testing

/// A session runs statements and settings the same way for the REPL, `-c` and scripts. These run
/// it in-process over the bundled data, capturing what it prints.
@Suite("Session: settings, help, quit, errors and loading")
struct SessionTests {
    // MARK: set format

    @Test("set format changes how every later result is printed: table, json, markdown, tsv, csv")
    func setFormat() {
        let shell = Shell(format: .table)
        let query = "show units unit, positions limit 2"
        #expect(shell.run(query))
        #expect(shell.out == """
        unit                                 positions
        -----------------------------------  ---------
        Sekretariat                                 18
        Kelembagaan dan Pengawasan Koperasi          7
        (2 rows)

        """)
        let expected: [(String, String)] = [
            ("json", "[\n  {\"unit\": \"Sekretariat\", \"positions\": 18},\n  {\"unit\": \"Kelembagaan dan Pengawasan Koperasi\", \"positions\": 7}\n]\n"),
            ("markdown", "| unit | positions |\n| --- | ---: |\n| Sekretariat | 18 |\n| Kelembagaan dan Pengawasan Koperasi | 7 |\n"),
            ("tsv", "unit\tpositions\nSekretariat\t18\nKelembagaan dan Pengawasan Koperasi\t7\n"),
            ("csv", "unit,positions\nSekretariat,18\nKelembagaan dan Pengawasan Koperasi,7\n"),
        ]
        for (format, output) in expected {
            shell.clear()
            #expect(shell.run("set format \(format); \(query)"))
            #expect(shell.out == output, "set format \(format)")
            #expect(shell.err == "")
        }
        #expect(shell.session.options.format == .csv)
    }

    @Test("set format with an unknown format is an error naming the formats, and the format stays")
    func setFormatUnknown() {
        let shell = Shell(format: .csv)
        #expect(!shell.run("set format xml"))
        #expect(shell.err == """
        <query>:1:12: error: expected a format (table, auto, record, csv, tsv, json, markdown, xlsx), found 'xml'
        set format xml
                   ^~~

        """)
        #expect(shell.session.options.format == .csv)
    }

    // MARK: set period

    @Test("set period changes the period of statements without 'for'; set period latest goes back to the latest month")
    func setPeriod() throws {
        let shell = Shell()
        let query = "show indicators code, period, achievement where code = SDIN-1"
        let sdin1 = Bundled.index("SDIN-1")
        func expected(_ period: Period) throws -> String {
            let achievement = try #require(Bundled.dataset.evaluate(sdin1, in: period).achievement)
            return "code,period,achievement\nSDIN-1,\(period),\(String(format: "%.6f", achievement))\n"
        }
        func printed() -> String {
            // Exports write at most six decimals without trailing zeros: pad back to six to compare.
            shell.out.split(separator: "\n").map { line in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if let last = cells.last, let n = Double(last) { cells[cells.count - 1] = String(format: "%.6f", n) }
                return cells.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }

        #expect(shell.session.period == nil)
        #expect(shell.run(query))
        #expect(printed() == (try expected(Bundled.latest)))

        shell.clear()
        #expect(shell.run("set period 2026-03; \(query)"))
        #expect(shell.session.period == .month(2026, 3))
        #expect(printed() == (try expected(.month(2026, 3))))

        shell.clear()
        #expect(shell.run("set period TW1 2026; \(query)"))
        #expect(shell.session.period == Period(parsing: "2026-Q1"))
        #expect(printed() == (try expected(try #require(Period(parsing: "2026-Q1")))))

        // 'for' still wins over the session's period.
        shell.clear()
        #expect(shell.run("\(query) for 2026-05"))
        #expect(printed() == (try expected(.month(2026, 5))))

        shell.clear()
        #expect(shell.run("set period latest; \(query)"))
        #expect(shell.session.period == nil)
        #expect(printed() == (try expected(Bundled.latest)))
        #expect(shell.err == "")
    }

    @Test("set period $p takes the period from a parameter: a period value, or text that reads as one")
    func setPeriodParameter() throws {
        let shell = Shell(parameters: ["p": .period(.month(2026, 4)), "q": .text("Triwulan II 2026"), "word": .text("hello")])
        #expect(shell.run("set period $p; show indicators code, period where code = SDIN-1"))
        #expect(shell.out == "code,period\nSDIN-1,2026-04\n")
        #expect(shell.session.period == .month(2026, 4))

        shell.clear()
        #expect(shell.run("set period $q; show indicators code, period where code = SDIN-1"))
        #expect(shell.out == "code,period\nSDIN-1,2026-Q2\n")

        // A parameter set inside the session works the same way.
        shell.clear()
        #expect(shell.run("set param m = 2026-07; set period $m; show indicators code, period where code = SDIN-1"))
        #expect(shell.out == "code,period\nSDIN-1,2026-07\n")

        shell.clear()
        #expect(!shell.run("set period $word"))
        #expect(shell.err == """
        <query>:1:12: error: parameter $word is not a period
        set period $word
                   ^~~~~
            periods are written \(Period.acceptedForms)

        """)
        #expect(shell.session.period == .month(2026, 7))

        shell.clear()
        #expect(!shell.run("set period $nothing"))
        #expect(shell.err == """
        <query>:1:12: error: no parameter $nothing is set
        set period $nothing
                   ^~~~~~~~
            give it with --param nothing=2026-10

        """)
    }

    // MARK: set timer

    @Test("set timer on prints 'time: N.NNN ms' on standard error after each statement until set timer off")
    func setTimer() throws {
        let shell = Shell()
        #expect(shell.run("set timer on; show units unit limit 1; show positions code limit 1; set timer off; show units unit limit 1"))
        #expect(shell.out == "unit\nSekretariat\ncode\nSDIN\nunit\nSekretariat\n")
        let lines = shell.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Two timed statements (the two shows run with the timer on), then the final empty piece.
        #expect(lines.count == 3)
        #expect(lines.last == "")
        let timed = try Regex("^time: [0-9]+\\.[0-9]{3} ms$")
        for line in lines.dropLast() { #expect(line.wholeMatch(of: timed) != nil, "\(line)") }
        #expect(shell.session.timer == false)
    }

    // MARK: set output

    @Test("set output \"f\" sends results to the file, started afresh, until set output stdout")
    func setOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("results.csv", "old contents that must go\n")
        let shell = Shell()
        #expect(shell.run("""
        set output "\(file)";
        show units unit limit 1;
        show positions code limit 2;
        set output stdout;
        show indicators code limit 1
        """))
        let written = try folder.read("results.csv")
        let positions = Bundled.dataset.catalogue.positions.prefix(2).map(\.code)
        #expect(written == "unit\nSekretariat\ncode\n" + positions.joined(separator: "\n") + "\n")
        #expect(shell.out == "code\nSDIN-1\n")
        #expect(shell.session.outputPath == nil)
        #expect(shell.err == "")

        // Results after switching back do not reach the file.
        #expect(try folder.read("results.csv") == written)
    }

    @Test("set output \"$dir/f\" takes the folder from a parameter; a file that cannot be created is an error")
    func setOutputParameter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(parameters: ["dir": .text(folder.path)])
        #expect(shell.run("set output \"$dir/units.txt\"; show units unit limit 1; set output stdout"))
        #expect(try folder.read("units.txt") == "unit\nSekretariat\n")

        shell.clear()
        let missing = folder.file("no-such-folder/units.txt")
        #expect(!shell.run("set output \"\(missing)\"; show units unit limit 1"))
        #expect(shell.err.hasPrefix("<query>:1:12: error: cannot write '\(missing)': No such file or directory\n"))
        #expect(shell.out == "")
        #expect(shell.session.outputPath == nil)
    }

    // MARK: set param

    @Test("set param gives typed parameters: text compared with =, numbers compared with <")
    func setParam() throws {
        let shell = Shell()
        #expect(shell.run("set param code = \"KBBFPEM-1\"; show indicators code where code = $code"))
        #expect(shell.out == "code\nKBBFPEM-1\n")
        #expect(shell.session.parameters["code"] == .text("KBBFPEM-1"))

        shell.clear()
        #expect(shell.run("set param low = 60; show indicators code where achievement < $low order by code"))
        let low = Bundled.dataset.catalogue.indicators.indices
            .filter { (Bundled.dataset.evaluate($0, in: Bundled.latest).achievement ?? .infinity) < 60 }
            .map { Bundled.dataset.catalogue.indicators[$0].code }
        #expect(!low.isEmpty)
        #expect(shell.out == "code\n" + low.sorted { $0.compare($1, options: [.caseInsensitive, .numeric]) == .orderedAscending }.joined(separator: "\n") + "\n")
        #expect(shell.session.parameters["low"] == .number(60))

        shell.clear()
        #expect(shell.run("set param p = 2026-Q2"))
        #expect(shell.session.parameters["p"] == .period(try #require(Period(parsing: "2026-Q2"))))

        shell.clear()
        #expect(!shell.run("set param x = foo"))
        #expect(shell.err == """
        <query>:1:15: error: a parameter's value is a number, text in quotes or a period, found 'foo'
        set param x = foo
                      ^~~

        """)
        #expect(shell.session.parameters["x"] == nil)
    }

    // MARK: help

    @Test("help prints the overview of every statement")
    func help() {
        let shell = Shell(format: .table)
        #expect(shell.run("help"))
        #expect(shell.out.hasPrefix("Statements end with ';'"))
        for line in [
            "  show THING [columns] [where COND] [for PERIOD] [group by ...] [order by ...] [limit N]",
            "  export show ... to \"file.csv\" [format csv]",
            "  load catalogue|organisation|realisations \"file\"",
            "  quit",
        ] {
            #expect(shell.out.contains(line + "\n"), "\(line)")
        }
        #expect(shell.err == "")
    }

    @Test("help show explains show; help periods lists the ways to write a period")
    func helpTopics() {
        let shell = Shell(format: .table)
        #expect(shell.run("help show"))
        #expect(shell.out.hasPrefix("show THING [item, ...] [where COND] [for PERIOD] [group by expr, ...] [order by expr [asc|desc], ...] [limit N]\n"))
        #expect(shell.out.contains("  show indicators where achievement < 80% order by achievement limit 10\n"))

        // In the table format a blank line separates one output from the one before.
        shell.clear()
        #expect(shell.run("help periods"))
        #expect(shell.out == """

        2026-10 (month)  2026-Q3, TW3 2026, Triwulan III 2026 (quarter)
        2026-S1, Semester I 2026 (semester)  2026 (year)  Oktober 2026

        """)
    }

    @Test("help fields lists every field of indicators with its meaning; help positions those of positions")
    func helpFields() {
        let shell = Shell(format: .table)
        #expect(shell.run("help fields"))
        var lines = shell.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Fields of indicators:")
        var fields = Schema.fields(.indicators)
        #expect(lines.count == fields.count + 1)
        for (line, field) in zip(lines.dropFirst(), fields) {
            let words = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(words == [field.name, field.meaning])
        }

        shell.clear()
        #expect(shell.run("help positions"))
        lines = shell.out.split(separator: "\n").map(String.init)
        fields = Schema.fields(.positions)
        #expect(lines.first == "Fields of positions:")
        #expect(lines.dropFirst().map { String($0.split(separator: " ")[0]) } == fields.map(\.name))
    }

    @Test("help on an unknown topic is an error listing the topics and the nearest one")
    func helpUnknown() {
        let shell = Shell(format: .table)
        #expect(!shell.run("help fiedls"))
        #expect(shell.out == "")
        #expect(shell.err == """
        <query>:1:6: error: no help on 'fiedls'
        help fiedls
             ^~~~~~
            topics: show, describe, explain, fields, operators, periods, set, export, load, aliases, report, or a thing (indicators, positions, units, objectives, realisations)
            did you mean fields?

        """)
    }

    // MARK: quit

    @Test("quit stops the statements after it; the session runs nothing more")
    func quit() {
        let shell = Shell()
        #expect(shell.run("show units unit limit 1; quit; show units unit limit 2"))
        #expect(shell.out == "unit\nSekretariat\n")
        #expect(shell.session.quitRequested)
        #expect(shell.run("show units unit limit 1"))
        #expect(shell.out == "unit\nSekretariat\n")
    }

    // MARK: errors

    @Test("an error stops the statements after it, reported with line, column, the line and a caret")
    func errorStops() {
        let shell = Shell()
        let ok = shell.run("show units unit limit 1;\nshow indicators where acheivement < 80%;\nshow positions code limit 1")
        #expect(!ok)
        #expect(shell.out == "unit\nSekretariat\n")
        #expect(shell.err.hasPrefix("""
        <query>:2:23: error: unknown field 'acheivement' for indicators
        show indicators where acheivement < 80%;
                              ^~~~~~~~~~~
            did you mean achievement?

        """))
        #expect(shell.err.components(separatedBy: ": error: ").count == 2)
    }

    @Test("with keepGoing an error is reported and the statements after it still run; the run still fails")
    func keepGoing() {
        let shell = Shell(keepGoing: true)
        let ok = shell.run("show units unit limit 1;\nshow indicators where acheivement < 80%;\nshow positions code limit 1;\nshow gizmos;\nshow units unit limit 1")
        #expect(!ok)
        #expect(shell.out == "unit\nSekretariat\ncode\nSDIN\nunit\nSekretariat\n")
        #expect(shell.err.contains("<query>:2:23: error: unknown field 'acheivement' for indicators\n"))
        #expect(shell.err.contains("<query>:4:6: error: expected what to show: indicators, positions, units, objectives, realisations; found 'gizmos'\nshow gizmos;\n     ^~~~~~\n"))
        #expect(shell.err.components(separatedBy: ": error: ").count == 3)
    }

    @Test("a ';' inside quotes or after -- does not end a statement")
    func semicolonsInStringsAndComments() {
        let shell = Shell()
        #expect(shell.run("show positions code where position = \"a;b\" or position = 'c;d'; -- x; y\nshow units unit limit 1 -- ;\n;"))
        #expect(shell.out == "code\nunit\nSekretariat\n")
        #expect(shell.err == "")
    }

    // MARK: load

    @Test("load realisations adds a file's rows to the data: a new month appears")
    func loadRealisations() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("november.csv", "code,period,value,numerator,denominator\nSDIN-1,2026-11,,80,100\nKSBUKEP-1,2026-11,4,,\n")
        let shell = Shell()
        let before = shell.session.dataset.realisations.rows.count
        #expect(shell.run("load realisations \"\(file)\"; show realisations code, period, realisation where period = 2026-11 order by code"))
        #expect(shell.session.dataset.realisations.rows.count == before + 2)
        #expect(shell.session.sources.realisations == Bundled.sources.realisations + [file])
        #expect(shell.out == "code,period,realisation\nKSBUKEP-1,2026-11,4\nSDIN-1,2026-11,80\n")
        #expect(shell.err == "loaded: 54 positions, 75 indicators, \(before + 2) realisation rows\n")

        // The latest period moves with the data.
        shell.clear()
        #expect(shell.run("show indicators code, period where code = SDIN-1"))
        #expect(shell.out == "code,period\nSDIN-1,2026-11\n")
    }

    @Test("evaluations kept between statements are dropped when load changes the data")
    func cacheFollowsLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("november.csv", "code,period,value,numerator,denominator\nSDIN-1,2026-11,,80,100\n")
        let shell = Shell()
        // November evaluated (nothing reported yet), and again: the second comes from the cache.
        #expect(shell.run("show indicators code, realisation where code = SDIN-1 for 2026-11; show indicators code, realisation where code = SDIN-1 for 2026-11"))
        #expect(shell.out == "code,realisation\nSDIN-1,\ncode,realisation\nSDIN-1,\n")
        shell.clear()
        #expect(shell.run("load realisations \"\(file)\"; show indicators code, realisation where code = SDIN-1 for 2026-11"))
        #expect(shell.out == "code,realisation\nSDIN-1,80\n")
    }

    @Test("load of a broken file loads its valid rows and reports every error as file:line:column")
    func loadBrokenKeepsValidRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("broken.csv", "code,period,value\nSDIN-1,2026-13,5\nNOPE-1,2026-11,1\nKSBUKEP-1,2026-11,7\n")
        let shell = Shell()
        let before = shell.session.dataset.realisations.rows.count
        #expect(shell.run("load realisations \"\(file)\";\nshow realisations code where period = 2026-11"))
        #expect(shell.session.dataset.realisations.rows.count == before + 1)
        #expect(shell.out == "code\nKSBUKEP-1\n")
        let errors = shell.err.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "\(file):2:8: error: malformed period '2026-13'",
            "\(file):3:1: error: unknown indicator code 'NOPE-1'",
        ])
        #expect(shell.err.contains("iki: the data has 2 error(s); the rows with errors were not loaded, everything else was (--strict stops instead)\n"))
    }

    @Test("with --strict, load of a broken file loads nothing, keeps the old data and reports every error as file:line:column")
    func loadBroken() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("broken.csv", "code,period,value\nSDIN-1,2026-13,5\nNOPE-1,2026-11,1\nKSBUKEP-1,2026-11,7\n")
        let shell = Shell()
        shell.session.strict = true
        let before = shell.session.dataset.realisations.rows.count
        #expect(!shell.run("-- the November file\nload realisations \"\(file)\";\nshow units unit limit 1"))
        #expect(shell.session.dataset.realisations.rows.count == before)
        #expect(shell.session.sources.realisations == Bundled.sources.realisations)
        #expect(shell.out == "")
        let errors = shell.err.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "\(file):2:8: error: malformed period '2026-13'",
            "\(file):3:1: error: unknown indicator code 'NOPE-1'",
        ])
        // The problem is in the CSV, so no line of the script is quoted under it.
        #expect(!shell.err.contains("load realisations"))
        #expect(shell.err.hasSuffix("    nothing was loaded; the session keeps its data\n"))

        // The good row of the broken file was not loaded either.
        shell.clear()
        #expect(shell.run("show realisations code where period = 2026-11"))
        #expect(shell.out == "code\n")
    }

    @Test("load of a file that cannot be read is an error at the statement, and the data stays")
    func loadMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("missing.csv")
        let shell = Shell()
        #expect(!shell.run("load realisations \"\(file)\""))
        #expect(shell.err == """
        <query>:1:19: error: cannot read '\(file)': no such file
        load realisations "\(file)"
                          ^\(String(repeating: "~", count: file.count + 1))
            nothing was loaded; the session keeps its data

        """)
        #expect(shell.session.dataset.realisations.rows.count == Bundled.dataset.realisations.rows.count)
    }
}
