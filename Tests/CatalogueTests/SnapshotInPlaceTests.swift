import Foundation
import Testing
@testable import Catalogue

/// Rows and numbers read in place from the mapped snapshot (not copied out of it): the same data,
/// checked before use, alive as long as the dataset, copied on the first change.
@Suite("Snapshot rows in place")
struct SnapshotInPlaceTests {
    /// The snapshot's sections: where each starts and how long it is.
    static func sections(_ bytes: [UInt8]) -> [Range<Int>] {
        func u64(_ at: Int) -> Int { bytes[at..<at + 8].reversed().reduce(0) { $0 << 8 | Int($1) } }
        var at = 16 + 8 * SnapshotFormat.sectionCount
        return (0..<SnapshotFormat.sectionCount).map { k in
            let length = u64(16 + 8 * k)
            defer { at += length + SnapshotFormat.padding(length) }
            return at..<at + length
        }
    }

    /// `bytes` with `change` made and the checksum made to agree: a forged file, not a damaged one.
    static func forged(_ bytes: [UInt8], _ change: (inout [UInt8], [Range<Int>]) -> Void) -> [UInt8] {
        var bytes = bytes
        let sections = sections(bytes)
        change(&bytes, sections)
        var checksum = WordHash()
        for section in sections { bytes.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[section])) } }
        let at = sections.last!.upperBound + SnapshotFormat.padding(sections.last!.count)
        withUnsafeBytes(of: checksum.value.littleEndian) { bytes.replaceSubrange(at..<at + 8, with: $0) }
        return bytes
    }

    @Test("a warm load reads the rows and numbers in place; the same dataset as a fresh load, alive after the load returns")
    func inPlace() throws {
        let (folder, sources) = try SnapshotTests.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        let fresh = Dataset.load(sources)
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        let (warm, diagnostics, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        #expect(use.used)
        #expect(warm.realisations.stored.isMapped && warm.realisations.numbers.isMapped)
        #expect(!fresh.0.realisations.stored.isMapped)
        #expect(SnapshotTests.dump((warm, diagnostics)) == SnapshotTests.dump(fresh))
        // Rebuilt over (a rename): the dataset keeps the file it mapped.
        let path = folder.file("realisations-2026.csv")
        try (try folder.read("realisations-2026.csv") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(Dataset.load(sources, snapshot: SnapshotTests.policy(file)).snapshot.written)
        #expect(SnapshotTests.dump((warm, diagnostics)) == SnapshotTests.dump(fresh))
    }

    @Test("rows read in place are copied on the first change (a load statement's rows), as a fresh store takes them")
    func copiedOnChange() throws {
        let (folder, sources) = try SnapshotTests.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        var (warm, _, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        var (fresh, _) = Dataset.load(sources)
        #expect(use.used && warm.realisations.stored.isMapped)
        let code = warm.catalogue.indicators[0].code
        let csv = "code,period,value,target\n\(code),2031-01,12.5,80\n"
        let added = warm.realisations.load(text: csv, file: "more.csv", catalogue: &warm.catalogue)
        #expect(added == fresh.realisations.load(text: csv, file: "more.csv", catalogue: &fresh.catalogue))
        #expect(!warm.realisations.stored.isMapped && !warm.realisations.numbers.isMapped)
        #expect(SnapshotTests.dump(warm) == SnapshotTests.dump(fresh))
        #expect(warm.realisations.row(of: 0, period: try #require(Period(parsing: "2031-01")))?.value == 12.5)
    }

    /// Each forgery written over a good snapshot of the copied bundled data: refused with a
    /// warning before any use, the data loaded fresh instead, the snapshot rebuilt; the unforged
    /// file (checksum rewritten, nothing changed) reads, so the forgery is what is refused.
    static func refused(_ forgeries: [(String, (inout [UInt8], [Range<Int>]) -> Void)]) throws {
        let (folder, sources) = try SnapshotTests.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        let fresh = SnapshotTests.dump(Dataset.load(sources))
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        let good = [UInt8](try #require(FileManager.default.contents(atPath: file)))
        for (what, change) in forgeries {
            try Data(Self.forged(good, change)).write(to: URL(fileURLWithPath: file))
            let (dataset, diagnostics, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
            #expect(!use.used, "\(what)")
            #expect(use.warnings.map(\.id) == ["snapshot-damaged"], "\(what)")
            #expect(SnapshotTests.dump((dataset, diagnostics)) == fresh, "\(what)")
            #expect(Dataset.load(sources, snapshot: SnapshotTests.policy(file)).snapshot.used, "\(what): rebuilt")
        }
        try Data(Self.forged(good, { _, _ in })).write(to: URL(fileURLWithPath: file))
        #expect(Dataset.load(sources, snapshot: SnapshotTests.policy(file)).snapshot.used)
    }

    @Test("a forged row (checksum made to agree) is refused with a warning before any use, then rebuilt")
    func forgedRow() throws {
        let stride = MemoryLayout<StoredRow>.stride
        try Self.refused([
            ("an indicator past the last", { bytes, s in for b in 0..<4 { bytes[s[5].lowerBound + stride + b] = 0x7F } }),
            ("a previous row after itself", { bytes, s in for b in 0..<4 { bytes[s[5].lowerBound + 8 + b] = 0x10 } }),
            ("numbers past the pool", { bytes, s in for b in 0..<4 { bytes[s[5].upperBound - stride + 16 + b] = 0xFF } }),
        ])
    }

    @Test("a forged string that is not UTF-8 is refused, also one its repair would not lengthen")
    func forgedString() throws {
        /// The string table (section 1): a count, each string's end, then the strings' bytes; the
        /// first string of at least four bytes gets `forged` at its start.
        func firstLong(_ forged: [UInt8]) -> (inout [UInt8], [Range<Int>]) -> Void {
            { bytes, sections in
                func u64(_ at: Int) -> Int { bytes[at..<at + 8].reversed().reduce(0) { $0 << 8 | Int($1) } }
                let table = sections[1].lowerBound, n = u64(table), blob = table + 8 + 8 * n
                var start = 0
                for k in 0..<n {
                    let end = u64(table + 8 + 8 * k)
                    if end - start >= 4 { bytes.replaceSubrange(blob + start..<blob + start + forged.count, with: forged); return }
                    start = end
                }
            }
        }
        try Self.refused([
            ("a byte that is never UTF-8", firstLong([0xFF])),
            // Repaired as one U+FFFD, three bytes: the same length as the bytes it replaces.
            ("a four-byte sequence cut after three", firstLong([0xF0, 0x9F, 0x98])),
            ("a lead byte without its continuation", firstLong([0xC2, 0x41])),
        ])
        #expect(ByteReader.utf8String(UnsafeBufferPointer(start: nil, count: 0)) == "")
        let text = "Fasilitasi Pembiayaan, ünïcödé, 日本, 😀"
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteReader.utf8String($0) } == text)
    }
}

/// The code index is not in the snapshot: a warm catalogue builds it from its codes when a code is
/// first looked up, the same index a fresh load builds.
@Suite("Snapshot code index on use")
struct SnapshotCodeIndexTests {
    @Test("a warm open builds no code index; the first lookup builds the load's, copies and changes stay apart")
    func builtOnUse() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let province = try MultiOfficeTests.province()
        defer { try? FileManager.default.removeItem(atPath: province) }
        let sources = Dataset.Sources(catalogues: [province], realisations: [Bundled.realisationsPath])
        let file = folder.file("data.snapshot")
        let (fresh, _) = Dataset.load(sources)
        _ = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        let (warm, _, use) = Dataset.load(sources, snapshot: SnapshotTests.policy(file))
        #expect(use.used)
        #expect(fresh.catalogue.codes.isBuilt)
        #expect(!warm.catalogue.codes.isBuilt, "not built by the open")
        let code = fresh.catalogue.indicators[fresh.catalogue.indicators.count / 2].code
        #expect(warm.catalogue.indicatorIndex(code: code.lowercased()) == fresh.catalogue.indicatorIndex(code: code))
        #expect(warm.catalogue.codes.isBuilt)
        #expect(warm.catalogue.codeIndex == fresh.catalogue.codeIndex && !fresh.catalogue.codeIndex.isEmpty)
        // A copy changed in place leaves the original as it was.
        var copy = warm.catalogue
        copy.codeIndex["ZZ-1"] = 0
        #expect(copy.indicatorIndex(code: "zz-1") == 0 && warm.catalogue.indicatorIndex(code: "zz-1") == nil)
        // A catalogue made without an index (about to be merged) keeps none.
        #expect(Catalogue(file: "x", indicators: fresh.catalogue.indicators).codeIndex.isEmpty)
    }
}
