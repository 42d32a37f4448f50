import Foundation
import Testing
@testable import Shell

/// An export is written to its temporary file a slice of rows at a time, Ctrl-C asked between
/// slices; stopped, it leaves the old file and no temporary file.
@Suite("Exports streamed a slice of rows at a time")
struct StreamedExportTests {
    /// A shell with 10,000 more rows than the bundled data: one indicator, a month each.
    static func shell(in folder: TemporaryFolder) throws -> Shell {
        let csv = "code,period,value\n" + (0..<10_000).map { "SDIN-1,\(1900 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1)),\($0)\n" }.joined()
        let path = try folder.write("many.csv", csv)
        let shell = Shell()
        try #require(shell.run("load realisations \"\(path)\""))
        try FileManager.default.removeItem(atPath: path)
        return shell
    }

    @Test("the export's writer is asked once per 4096 rows; the file is whole")
    func inPieces() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = try Self.shell(in: folder)
        var asked = 0
        shell.session.isInterrupted = { asked += 1; return false }
        #expect(shell.run("export show realisations code, period, value to \"\(folder.file("all.csv"))\""))
        let text = try folder.read("all.csv")
        let rows = text.split(separator: "\n").count - 1
        #expect(rows > 10_000)
        // The same as printed whole.
        shell.session.isInterrupted = { false }
        shell.clear()
        #expect(shell.run("set format csv; show realisations code, period, value"))
        #expect(shell.out == text)
        // One question per piece (header, then the slices), besides the statement's own.
        #expect(asked >= 1 + (rows + 4095) / 4096)
    }

    @Test("Ctrl-C during the writing: the old file stays, the temporary file is removed")
    func interrupted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = try Self.shell(in: folder)
        try folder.write("all.csv", "old\n")
        var asked = 0
        // The statement is asked once before it runs; the third piece is refused.
        shell.session.isInterrupted = { asked += 1; return asked > 3 }
        #expect(!shell.run("export show realisations code, period, value to \"\(folder.file("all.csv"))\""))
        #expect(shell.err.contains("error: interrupted"))
        #expect(try folder.read("all.csv") == "old\n")
        #expect(try folder.listing() == ["all.csv"])
    }
}
