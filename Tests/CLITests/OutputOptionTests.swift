import Foundation
import Testing

/// `-o FILE` on every subcommand that prints, and format options that contradict each other.
@Suite("-o on every subcommand; conflicting format flags")
struct OutputOptionTests {
    @Test("check, lint, organisation and template write to -o FILE what they print, and print nothing", arguments: [
        ["check"], ["lint"], ["organisation"], ["organisation", "--draft"], ["template", "--period", "2026-10"],
    ])
    func writesWhatItPrints(command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let printed = try Iki.run(command, in: folder)
        // No extension: the format is the command's own, as printed.
        let written = try Iki.run(command + ["-o", "report"], in: folder)
        #expect(written.status == printed.status, "\(written.stderr)")
        #expect(written.stdout == "")
        // The same text, with spreadsheet formulas guarded in the file as in every file for people.
        let file = try folder.read("report")
        #expect(!file.isEmpty)
        #expect(file.split(separator: "\n").count == printed.stdout.split(separator: "\n").count, "\(file)")
        #expect(try folder.listing() == ["report"], "no temporary file is left")
    }

    @Test("lint -o findings.csv takes its format from the extension; --format still wins")
    func formatFromExtension() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Iki.run(["lint", "-o", "findings.csv"], in: folder).status == 0)
        #expect(try folder.read("findings.csv").hasPrefix("location,level,rule,code,indicator,reason\n"))
        #expect(try Iki.run(["lint", "--format", "json", "-o", "findings.csv"], in: folder).status == 0)
        #expect(try folder.read("findings.csv").hasPrefix("["))
        #expect(try Iki.run(["organisation", "--output", "tree.md"], in: folder).status == 0)
        #expect(try folder.read("tree.md").hasPrefix("| depth | organisation |"))
    }

    @Test("a file that cannot be written is an error naming it (exit 1), and nothing is printed instead")
    func unwritable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("plain", "not a folder")
        let result = try Iki.run(["lint", "-o", "plain/findings.csv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("plain/findings.csv"), "\(result.stderr)")
    }

    @Test("in safe mode -o writes only inside --export-dir, for every command; outside it exits 2 and writes nothing", arguments: [
        ["lint"], ["check"], ["template", "--period", "2026-10"], ["-c", "show units"],
    ])
    func safeMode(command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["IKI_SAFE"] = "1"
        let noFolder = try Iki.run(executable: Iki.path(), command + ["-o", "x.csv"], in: folder, environment: environment)
        #expect(noFolder.status == 2, "\(noFolder.stderr)")
        #expect(noFolder.stderr.hasPrefix("Error: -o is not allowed in safe mode without a folder for it"), "\(noFolder.stderr)")
        for outside in ["x.csv", "out/../x.csv", folder.file("x.csv")] {
            let refused = try Iki.run(executable: Iki.path(), command + ["--export-dir", "out", "-o", outside], in: folder, environment: environment)
            #expect(refused.status == 2, "\(outside): \(refused.stderr)")
            #expect(refused.stderr.hasPrefix("Error: -o \(outside) is outside --export-dir out"), "\(refused.stderr)")
        }
        #expect(try folder.listing() == ["out"])
        let inside = try Iki.run(executable: Iki.path(), command + ["--export-dir", "out", "-o", "out/x.csv"], in: folder, environment: environment)
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(try folder.listing("out") == ["x.csv"])
    }

    @Test("two format shortcuts, or a shortcut and another --format, is a usage error naming both (exit 2)", arguments: [
        (["--csv", "--json"], "--csv and --json"),
        (["--json", "--markdown"], "--json and --markdown"),
        (["--markdown", "--format", "csv"], "--markdown and --format csv"),
        (["--format", "tsv", "--csv"], "--csv and --format tsv"),
    ])
    func conflictingFormats(flags: [String], named: String) throws {
        let result = try Iki.run(flags + ["-c", "show units"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: \(named) cannot be used together"), "\(result.stderr)")
    }

    @Test("a shortcut with the same --format is no conflict; the error is in Indonesian with --lang id")
    func agreeingFormats() throws {
        let same = try Iki.run(["--csv", "--format", "csv", "-c", "show units unit limit 1"])
        #expect(same.status == 0)
        #expect(same.stdout == "unit\nSekretariat\n")
        let indonesian = try Iki.run(["--lang", "id", "--csv", "--json", "-c", "show units"])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.hasPrefix("Galat: --csv dan --json tidak dapat dipakai bersamaan"), "\(indonesian.stderr)")
        #expect(indonesian.stderr.contains("\nPenggunaan: iki run [<options>] [<script> ...]\n  Lihat 'iki run --help' untuk keterangan lebih lanjut."), "\(indonesian.stderr)")
    }
}
