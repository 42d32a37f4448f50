import Foundation
import Testing
@testable import Shell

/// `set output FILE` is whole or nothing, as `export` is.
@Suite("set output: whole or nothing")
struct OutputFileTests {
    @Test("the old file stays as it was until output goes elsewhere, then the results replace it at once")
    func wholeAtTheEnd() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("results.csv", "old\n")
        let shell = Shell()
        #expect(shell.run("set output \"\(file)\"; show units unit limit 1"))
        #expect(try folder.read("results.csv") == "old\n")
        // The results so far are in a hidden temporary file beside it.
        #expect(try folder.listing().count == 2)
        #expect(shell.session.finish())
        #expect(try folder.read("results.csv") == "unit\nSekretariat\n")
        #expect(try folder.listing() == ["results.csv"])
        #expect(shell.session.outputPath == nil)
    }

    @Test("a symlink at the name is replaced by the file, never written through")
    func symlinkNotFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = try folder.write("precious.txt", "keep me\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file("out.txt"), withDestinationPath: target)
        let shell = Shell()
        #expect(shell.run("set output \"\(folder.file("out.txt"))\"; show units unit limit 1; set output stdout"))
        #expect(try folder.read("precious.txt") == "keep me\n")
        #expect(try folder.read("out.txt") == "unit\nSekretariat\n")
        let kind = try FileManager.default.attributesOfItem(atPath: folder.file("out.txt"))[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
    }

    @Test("a full disk leaves the old file, removes the temporary one and reports at the set output")
    func fullDisk() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("results.txt", "old\n")
        let shell = Shell()
        #expect(shell.run("set output \"\(file)\""))
        // Every later write fails as on a full disk.
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        let output = try #require(shell.session.output)
        dup2(full, output.fd)
        close(full)
        #expect(!shell.run("show units unit limit 1"))
        #expect(shell.err == """
        <query>:1:1: error: cannot write '\(file)': No space left on device; any existing file is unchanged
        show units unit limit 1
        ^~~~~~~~~~~~~~~~~~~~~~~
            results go to standard output again until the next set output

        """)
        #expect(try folder.read("results.txt") == "old\n")
        #expect(try folder.listing() == ["results.txt"])
        #expect(shell.session.outputPath == nil)
        shell.clear()
        #expect(shell.run("show units unit limit 1"))
        #expect(shell.out == "unit\nSekretariat\n")
    }

    @Test("a session that ends with output to a file puts the file in place (iki -c)")
    func endOfRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.run(["-c", "set output \"out.txt\"; show units unit limit 1"], in: folder)
        #expect(result.status == 0)
        #expect(try folder.read("out.txt") == "unit\n-----------\nSekretariat\n(1 row)\n")
        #expect(try folder.listing() == ["out.txt"])
    }
}

@Suite("Ctrl-C while a long result is printed")
struct InterruptedPrintingTests {
    @Test("printing stops at the next piece with 'interrupted' at the statement; the session goes on")
    func printingStops() throws {
        let shell = Shell()
        var pieces = 0
        shell.session.isInterrupted = { pieces > 0 }
        // A result of well over one piece: every realisation row, many columns.
        let query = "show realisations code, indicator, position, objective, formula, source, note"
        #expect(shell.run(query))
        let whole = shell.out
        try #require(whole.utf8.count > 2 * Session.printChunk)
        shell.clear()
        let session = shell.session!
        let counting = Session(dataset: session.dataset, sources: session.sources, options: session.options,
                               standardOutput: { shell.out += $0; pieces += 1 }, standardError: { shell.err += $0 })
        counting.isInterrupted = { pieces > 0 }
        #expect(!counting.run(query, file: "<query>"))
        #expect(pieces == 1)
        #expect(whole.hasPrefix(shell.out) && shell.out.count < whole.count && shell.out.hasSuffix("\n"))
        #expect(shell.err.hasPrefix("<query>:1:1: error: interrupted\n"))
        // The next statement runs as usual once Ctrl-C has been dealt with.
        pieces = 0
        counting.isInterrupted = { false }
        shell.clear()
        #expect(counting.run("show units unit limit 1", file: "<query>"))
        #expect(shell.out == "unit\nSekretariat\n")
    }
}

@Suite("Ctrl-C during a load")
struct InterruptedLoadTests {
    @Test("the data loaded before stays in place")
    func previousDataKept() throws {
        let shell = Shell()
        let before = shell.session.dataset.realisations.rows.count
        // Asked before the statement (not yet), then by the load (Ctrl-C came).
        var asked = 0
        shell.session.isInterrupted = {
            asked += 1
            return asked > 1
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A file that loads: a month nobody reported yet.
        let file = try folder.write("more.csv", "code,period,value\nSDIN-1,2027-01,5\n")
        #expect(!shell.run("load realisations \"\(file)\""))
        #expect(shell.err.hasPrefix("<query>:1:19: error: interrupted\n"))
        #expect(shell.session.dataset.realisations.rows.count == before)
        #expect(asked >= 2)
        // Without Ctrl-C the same statement loads it.
        shell.session.isInterrupted = { false }
        #expect(shell.run("load realisations \"\(file)\""))
        #expect(shell.session.dataset.realisations.rows.count == before + 1)
    }
}
