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
