import Catalogue
import Foundation
import Query
import Render
import Shell
import Testing

/// `export show ... to "file" [format x]` writes the whole result of a query to a file, atomically:
/// a temporary file beside the target, renamed over it only once complete.
@Suite("Export: whole results, formats, folders from parameters, atomic replacement")
struct ExportTests {
    static let query = "show indicators code, indicator, position, achievement for 2026-10"

    @Test("export writes the complete result: the CSV reads back with the project's reader, one row per indicator, the same values")
    func completeResult() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .table)
        #expect(shell.run("export \(Self.query) to \"\(folder.file("indicators.csv"))\""))
        // An export prints nothing: the result goes to the file only.
        #expect(shell.out == "")
        #expect(shell.err == "")
        #expect(try folder.read("indicators.csv") == (try rendered(Self.query, .csv)))

        let rows = try CSVReader.read(path: folder.file("indicators.csv")).map(\.fields)
        #expect(rows.first == ["code", "indicator", "position", "achievement"])
        let catalogue = Bundled.dataset.catalogue
        #expect(rows.count == catalogue.indicators.count + 1)
        for (row, (index, indicator)) in zip(rows.dropFirst(), catalogue.indicators.enumerated()) {
            #expect(row[0] == indicator.code)
            #expect(row[1] == indicator.name)
            #expect(row[2] == catalogue.positions[indicator.positionIndex].title)
            let achievement = Bundled.dataset.evaluate(index, in: .month(2026, 10)).achievement
            #expect(close(number(row[3]), achievement), "\(indicator.code): \(row[3]) vs \(String(describing: achievement))")
        }
        // Nothing but the export is left in the folder.
        #expect(try folder.listing() == ["indicators.csv"])
    }

    @Test("the format comes from the extension: .csv .tsv .json .md .txt, each exactly as that format renders the result",
          arguments: [("csv", OutputFormat.csv), ("tsv", .tsv), ("json", .json), ("md", .markdown), ("markdown", .markdown), ("txt", .table), ("CSV", .csv)])
    func formatFromExtension(_ ext: String, _ format: OutputFormat) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .csv)
        let query = "show units unit, kind, positions, achievement"
        #expect(shell.run("export \(query) to \"\(folder.file("units.\(ext)"))\""))
        #expect(shell.err == "")
        let written = try folder.read("units.\(ext)")
        #expect(written == (try rendered(query, format)))
        let first = written.split(separator: "\n").first.map(String.init)
        switch format {
        case .csv: #expect(first == "unit,kind,positions,achievement")
        case .tsv: #expect(first == "unit\tkind\tpositions\tachievement")
        case .json: #expect(first == "[")
        case .markdown: #expect(first == "| unit | kind | positions | achievement |")
        case .table, .auto, .record:
            #expect(first?.hasPrefix("unit ") == true)
            #expect(!written.contains("\u{1B}"), "no colour codes in a file")
        case .xlsx: Issue.record("xlsx is not a text format: see formatFromExtensionWorkbook")
        }
    }

    @Test("x.xlsx is written as a workbook (a zip, whole or not at all), the same bytes every time")
    func formatFromExtensionWorkbook() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(format: .csv)
        #expect(shell.run("export show units unit, kind, positions, achievement to \"\(folder.file("units.xlsx"))\""))
        #expect(shell.err == "")
        let written = try Data(contentsOf: URL(fileURLWithPath: folder.file("units.xlsx")))
        #expect(written.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(shell.run("export show units unit, kind, positions, achievement to \"\(folder.file("again.xlsx"))\""))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("again.xlsx"))) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["again.xlsx", "units.xlsx"])
    }

    @Test("an explicit format wins over the extension, and names a format for a file without a known one")
    func explicitFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell()
        let query = "show units unit, positions limit 2"
        #expect(shell.run("""
        export \(query) to "\(folder.file("units.csv"))" format json;
        export \(query) to "\(folder.file("units.dat"))" format tsv
        """))
        #expect(try folder.read("units.csv") == "[\n  {\"unit\": \"Sekretariat\", \"positions\": 18},\n  {\"unit\": \"Kelembagaan dan Pengawasan Koperasi\", \"positions\": 7}\n]\n")
        #expect(try folder.read("units.dat") == "unit\tpositions\nSekretariat\t18\nKelembagaan dan Pengawasan Koperasi\t7\n")
    }

    @Test("a file whose extension names no format is an error saying how to name one; no file is written")
    func unknownExtension() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("units.xls")
        let shell = Shell()
        let statement = "export show units to \"\(path)\""
        #expect(!shell.run(statement))
        #expect(shell.err == """
        <query>:1:22: error: cannot tell the format of '\(path)' from its extension; add 'format csv' (or tsv, json, markdown, table, xlsx)
        \(statement)
        \(caret(column: 22, length: path.count + 2))

        """)
        #expect(try folder.listing() == [])
    }

    @Test("$out in the file name is the parameter's text: a folder given from outside, created with its parents when missing")
    func folderFromParameter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("review/2026-10")
        let shell = Shell(parameters: ["out": .text(out), "month": .period(.month(2026, 10)), "file": .text(folder.file("whole.json"))])
        #expect(shell.run("""
        export show units unit limit 1 to "$out/units.csv";
        export show units unit limit 1 to "$out/units-$month.csv";
        export show units unit limit 1 to $file
        """))
        #expect(shell.err == "")
        #expect(try folder.listing("review/2026-10") == ["units-2026-10.csv", "units.csv"])
        #expect(try folder.read("review/2026-10/units.csv") == "unit\nSekretariat\n")
        #expect(try folder.read("whole.json") == "[\n  {\"unit\": \"Sekretariat\"}\n]\n")
    }

    @Test("a $name in the file name that no parameter gives is an error telling how to give it")
    func missingParameter() {
        let shell = Shell()
        #expect(!shell.run("export show units to \"$out/units.csv\""))
        #expect(shell.err == """
        <query>:1:22: error: no parameter $out is set for the file name '$out/units.csv'
        export show units to "$out/units.csv"
        \(caret(column: 22, length: 16))
            give it with --param out=VALUE

        """)
    }

    @Test("an export replaces an existing file by the whole new result, nothing of the old left over")
    func replacesWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("units.csv", String(repeating: "an old and much longer file\n", count: 500))
        let shell = Shell()
        #expect(shell.run("export show units unit limit 2 to \"\(folder.file("units.csv"))\""))
        #expect(try folder.read("units.csv") == "unit\nSekretariat\nKelembagaan dan Pengawasan Koperasi\n")
        #expect(try folder.listing() == ["units.csv"])
    }

    @Test("a failing query (unknown field) leaves the existing file byte for byte, and no temporary file in the folder")
    func failingQueryKeepsOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = "code,achievement\nSDIN-1,99\n"
        try folder.write("under-80.csv", old)
        let before = try #require(folder.bytes("under-80.csv"))
        let shell = Shell(keepGoing: true)
        let target = folder.file("under-80.csv")
        #expect(!shell.run("""
        export show indicators code, achievement where acheivement < 80% to "\(target)";
        export show indicators code, bogus(achievement) to "\(target)";
        export show indicators code group by bidang to "\(target)"
        """))
        #expect(shell.err.components(separatedBy: ": error: ").count == 4)
        #expect(shell.err.contains("<query>:1:48: error: unknown field 'acheivement' for indicators\n"))
        #expect(folder.bytes("under-80.csv") == before)
        #expect(try folder.listing() == ["under-80.csv"])
    }

    @Test("a failing query with no existing file creates none")
    func failingQueryCreatesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell()
        #expect(!shell.run("export show indicators where nosuchfield = 1 to \"\(folder.file("new/x.csv"))\""))
        #expect(try folder.listing() == [])
    }

    @Test("a write that cannot start (the target's parent is a regular file) is an error naming the path; that file is untouched")
    func parentIsAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("review", "a file, not a folder\n")
        let path = folder.file("review/units.csv")
        let shell = Shell()
        let statement = "export show units to \"\(path)\""
        #expect(!shell.run(statement))
        #expect(shell.err == """
        <query>:1:22: error: cannot write '\(path)': Not a directory
        \(statement)
        \(caret(column: 22, length: path.count + 2))

        """)
        #expect(try folder.read("review") == "a file, not a folder\n")
        #expect(try folder.listing() == ["review"])
    }

    @Test("a write that cannot complete (the target is an existing folder) is an error naming the path; the folder and the files beside it are untouched, no temporary file is left")
    func targetIsAFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("units.csv"), withIntermediateDirectories: false)
        try folder.write("units.csv/inside.txt", "kept\n")
        try folder.write("other.csv", "other\n")
        let path = folder.file("units.csv")
        let shell = Shell()
        let statement = "export show units to \"\(path)\""
        #expect(!shell.run(statement))
        #expect(shell.err == """
        <query>:1:22: error: cannot write '\(path)': Is a directory; any existing file is unchanged
        \(statement)
        \(caret(column: 22, length: path.count + 2))

        """)
        #expect(try folder.listing() == ["other.csv", "units.csv"])
        #expect(try folder.listing("units.csv") == ["inside.txt"])
        #expect(try folder.read("units.csv/inside.txt") == "kept\n")
        #expect(try folder.read("other.csv") == "other\n")
    }

    @Test("a write that fails halfway (the file size limit is hit, as on a full disk) leaves the old file intact and no temporary file")
    func writeFailsHalfway() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("realisations.csv", "the old export\n")
        // SIGXFSZ ignored: a write past the limit fails with EFBIG instead of killing the process.
        // The limit (2 blocks) is far below the export (hundreds of rows), far above the message.
        let result = try Iki.shell("""
        trap '' XFSZ; ulimit -f 2; exec "$IKI" -c 'export show realisations to "realisations.csv"'
        """, in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        <query>:1:29: error: cannot write 'realisations.csv': File too large; any existing file is unchanged
        export show realisations to "realisations.csv"
        \(caret(column: 29, length: 18))

        """)
        #expect(try folder.read("realisations.csv") == "the old export\n")
        #expect(try folder.listing() == ["realisations.csv"])
        // Without the limit the same export succeeds: the failure above was the write, not the query.
        let again = try Iki.run(["-c", "export show realisations to \"realisations.csv\""], in: folder)
        #expect(again.status == 0)
        #expect(try folder.read("realisations.csv") == (try rendered("show realisations", .csv)))
    }
}

/// The export's temporary file: an unpredictable name created exclusively, never through a
/// symlink, and removed when the process is ended while writing it.
@Suite("Export: the temporary file")
struct ExportTemporaryFileTests {
    @Test("a symlink planted at the old predictable temporary name (and any name like it) does not redirect the write")
    func plantedSymlink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("victim.txt", "precious\n")
        // The name the export used to use (.NAME.iki-PID.tmp) for every pid a test could guess.
        let result = try Iki.shell("""
        for pid in $(seq 1 400); do ln -s victim.txt ".units.csv.iki-$pid.tmp"; done
        exec "$IKI" -c 'export show units to "units.csv"'
        """, in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try folder.read("victim.txt") == "precious\n")
        #expect(try folder.read("units.csv") == (try rendered("show units", .csv)))
        // Only the planted links, the victim and the export: no temporary file of iki's is left.
        #expect(try folder.listing().filter { !$0.hasPrefix(".units.csv.iki-") || !$0.hasSuffix(".tmp") || Int($0.dropFirst(15).dropLast(4)) == nil }
                == ["units.csv", "victim.txt"])
    }

    @Test("SIGTERM or SIGINT while the export is written removes the temporary file; no target file is created")
    func signalWhileWriting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Realisations for 40 years make an export of some MB: long enough to be caught writing.
        // A Python loop watches the folder and signals iki as soon as the temporary file appears.
        let result = try Iki.shell(#"""
        "$IKI" -c 'show indicators code' --format csv | tail -n +2 > codes.txt
        python3 - "$IKI" <<'PY'
        import os, signal, subprocess, sys, time
        codes = open("codes.txt").read().split()
        with open("big.csv", "w") as f:
            f.write("code,period,value\n")
            for year in range(2000, 2040):
                for code in codes:
                    for month in range(1, 13):
                        f.write(f"{code},{year}-{month:02d},{month}\n")
        outcomes = []
        for sig in (signal.SIGTERM, signal.SIGINT):
            # SIGINT at its default in iki whatever this test process had (a test running the pager
            # beside this one ignores SIGINT for a moment, and children inherit an ignored signal).
            p = subprocess.Popen([sys.argv[1], "--realisations", "big.csv", "-c", 'export show realisations to "out.csv"'],
                                 stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            caught = False
            while p.poll() is None:
                if any(n.startswith(".out.csv.iki-") for n in os.listdir(".")):
                    p.send_signal(sig)
                    caught = True
                    break
                time.sleep(0.0002)
            p.wait()
            left = sorted(n for n in os.listdir(".") if n not in ("big.csv", "codes.txt"))
            outcomes.append(f"{signal.Signals(sig).name}: caught={caught} status={p.returncode} left={left}")
        print("\n".join(outcomes))
        PY
        """#, in: folder)
        #expect(result.stderr == "")
        #expect(result.stdout == """
        SIGTERM: caught=True status=-15 left=[]
        SIGINT: caught=True status=-2 left=[]

        """)
    }
}
