import Foundation
import Testing
import TestSupport
@testable import Base

/// A file is read through a mapping whose pages the reader lets go behind it (so a big file is
/// not all resident while its rows are built): what it reads is the same as from memory.
@Suite("CSV files mapped, their read pages let go")
struct CSVMappingTests {
    /// Records of `path` read mapped, with pages let go every `step` bytes; and whether they were.
    private func mapped(_ path: String, step: Int) throws -> (records: [[String]], lines: [Int], released: Bool) {
        var records: [[String]] = [], lines: [Int] = []
        let released = try CSVReader.withMappedContents(ofFile: path) { bytes, releasing throws(Diagnostic) in
            try CSVReader.forEachRecord(in: bytes, file: path, delimiter: UInt8(ascii: ","), releasing: releasing.map { _ in step }) { record in
                records.append((0..<record.count).map(record.string))
                lines.append(record.line)
            }
            return releasing != nil
        }
        return (records, lines, released)
    }

    @Test("records of a file many pages long, its pages let go a page at a time, equal those of its text in memory")
    func sameRecords() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var text = "code,period,note\n"
        for k in 0..<20_000 { text += k % 7 == 0 ? "K-\(k),2026-01,\"two\nlines, \"\"quoted\"\"\"\n" : "K-\(k),2026-0\(k % 9 + 1),é\r\n" }
        let path = try folder.write("big.csv", text)
        let got = try mapped(path, step: CSVReader.pageSize)
        let expected = try CSVReader.parse(text, file: path, delimiter: UInt8(ascii: ","))
        #expect(got.released)
        #expect(got.records == expected.map(\.fields))
        #expect(got.lines == expected.map(\.line))
    }

    @Test("an error far into a file whose pages were let go names its line and column as from memory")
    func errorAfterRelease() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = String(repeating: "a,b,ééé\n", count: 5_000) + "x,\"open\" after,c\n"
        let path = try folder.write("bad.csv", text)
        var fromFile: String?, fromMemory: String?
        do { _ = try mapped(path, step: CSVReader.pageSize) } catch { fromFile = String(describing: error) }
        do { _ = try CSVReader.parse(text, file: path, delimiter: UInt8(ascii: ",")) } catch { fromMemory = String(describing: error) }
        #expect(fromFile != nil)
        #expect(fromFile == fromMemory)
    }

    @Test("an empty file and a missing one are read as before: nothing to let go, and the error names the cause")
    func emptyAndMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try mapped(try folder.write("empty.csv", ""), step: CSVReader.pageSize)
        #expect(empty.records.isEmpty && !empty.released)
        #expect(throws: Diagnostic.self) { try mapped(folder.file("missing.csv"), step: CSVReader.pageSize) }
        do { _ = try mapped(folder.file("missing.csv"), step: 1) } catch { #expect(String(describing: error).contains("no such file")) }
        do { _ = try mapped(folder.path, step: 1) } catch { #expect(String(describing: error).contains("it is a directory")) }
    }
}
