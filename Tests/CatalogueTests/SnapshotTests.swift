import Foundation
import Testing
@testable import Catalogue

/// The persisted snapshot: what it gives back equals a fresh load, field by field (a field added
/// to the model and not to the snapshot fails "round trip"); a changed input, another format or a
/// damaged file is never trusted.
@Suite("Snapshot")
struct SnapshotTests {
    /// Every stored property, recursively, dictionaries and sets in sorted order (their own order
    /// is the hash seed's): two datasets that dump the same are the same to every reader.
    static func dump(_ value: Any) -> String {
        // A snapshot's code index is built on first use: built here, it is compared as the load's.
        if let catalogue = value as? Catalogue { _ = catalogue.codeIndex }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            return "{" + mirror.children.map { dump($0.value) }.sorted().joined(separator: ", ") + "}"
        case .optional:
            return mirror.children.first.map { dump($0.value) } ?? "nil"
        case .struct, .class, .tuple, .enum, .collection:
            if mirror.children.isEmpty { return "\(value)" }
            return "\(mirror.subjectType)(" + mirror.children.map { "\($0.label ?? ""):\(dump($0.value))" }.joined(separator: ", ") + ")"
        default:
            // Doubles by their bits: NaN (a missing number) equals itself.
            if let d = value as? Double { return "\(d.bitPattern)" }
            return "\(value)"
        }
    }

    static func dump(_ loaded: (Dataset, [Diagnostic])) -> String {
        dump(loaded.0) + "\n" + loaded.1.map { dump($0) + " id:\($0.id ?? "-")" }.joined(separator: "\n")
    }

    /// A policy writing `file` with Foundation (the front ends write through `AtomicFile`).
    static func policy(_ file: String, writes: Bool = true) -> SnapshotPolicy {
        let save: SnapshotPolicy.Save = { (path: String, raw: ((UnsafeRawBufferPointer) -> Void) -> Void) throws in
            var data = Data()
            raw { data.append(contentsOf: $0) }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return SnapshotPolicy(place: .file(file), save: writes ? save : nil)
    }

    /// The bundled data copied into a folder of its own, so a test may change a file.
    static func copied() throws -> (TemporaryFolder, Dataset.Sources) {
        let folder = try TemporaryFolder()
        for name in ["catalogue.txt", "organisation.csv", "targets-2026.csv", "realisations-2026.csv"] {
            try FileManager.default.copyItem(atPath: Bundled.path(name), toPath: folder.file(name))
        }
        return (folder, Dataset.Sources(catalogue: folder.file("catalogue.txt"), organisation: folder.file("organisation.csv"),
                                        realisations: [folder.file("targets-2026.csv"), folder.file("realisations-2026.csv")]))
    }

    @Test("round trip: the bundled data, several offices and data with errors read back equal to a fresh load, diagnostics too")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let province = try MultiOfficeTests.province()
        defer { try? FileManager.default.removeItem(atPath: province) }
        try folder.write("bad.csv", "code,period,value\nPP-1,2026-01,12\nNOPE-9,2026-01,3\nPP-1,2026-01,4\nPP-2,2026-13,1\n")
        let cases = [
            Bundled.sources,
            Dataset.Sources(catalogue: Bundled.cataloguePath),
            Dataset.Sources(catalogues: [province], realisations: [Bundled.realisationsPath, folder.file("bad.csv")]),
            Dataset.Sources(catalogue: Bundled.cataloguePath, realisations: [folder.file("bad.csv"), folder.file("missing.csv")],
                            format: NumberFormat(decimalComma: true)),
        ]
        for (k, sources) in cases.enumerated() {
            let fresh = Dataset.load(sources)
            let file = folder.file("\(k).snapshot")
            let (_, first, written) = Dataset.load(sources, snapshot: Self.policy(file))
            #expect(!written.used && written.written)
            let (warm, diagnostics, used) = Dataset.load(sources, snapshot: Self.policy(file))
            #expect(used.used, "case \(k) read from its snapshot")
            #expect(used.warnings.isEmpty)
            #expect(first == fresh.1)
            #expect(Self.dump((warm, diagnostics)) == Self.dump(fresh), "case \(k)")
            #expect(diagnostics.map(\.description) == fresh.1.map(\.description))
        }
        #expect(!Dataset.load(cases[3]).1.filter { $0.severity == .error }.isEmpty, "one case has errors")
    }

    @Test("the dump sees a change anywhere in the model (so the round trip would catch a field left out)")
    func dumpSeesFields() {
        var dataset = Bundled.dataset
        let before = Self.dump(dataset)
        dataset.catalogue.indicators[3].formula.targetUnit = "x"
        #expect(Self.dump(dataset) != before)
        dataset = Bundled.dataset
        dataset.realisations.latestMonth = nil
        #expect(Self.dump(dataset) != before)
        dataset = Bundled.dataset
        dataset.catalogue.codeIndex["ZZ"] = 1
        #expect(Self.dump(dataset) != before)
    }

    @Test("a changed input (content of the same size, size, modification time, number format) rebuilds it")
    func invalidation() throws {
        let (folder, sources) = try Self.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        func load() -> (Dataset, [Diagnostic], snapshot: SnapshotUse) { Dataset.load(sources, snapshot: Self.policy(file)) }
        _ = load()
        #expect(load().snapshot.used)

        // The same size and the same time: only the content hash tells.
        let path = folder.file("realisations-2026.csv")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        var text = try folder.read("realisations-2026.csv")
        let target = try #require(text.range(of: "2026-01,"))
        text.replaceSubrange(target, with: "2026-02,")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: path)
        let changed = load()
        #expect(!changed.snapshot.used)
        #expect(Self.dump((changed.0, changed.1)) == Self.dump(Dataset.load(sources)))
        #expect(load().snapshot.used)

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: path)
        #expect(!load().snapshot.used, "a new modification time")
        #expect(load().snapshot.used)

        try (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(!load().snapshot.used, "a new size")

        // Another number format reads other numbers: its own snapshot.
        var comma = sources
        comma.format = NumberFormat(decimalComma: true)
        #expect(!Dataset.load(comma, snapshot: Self.policy(file)).snapshot.used)
    }

    @Test("a damaged, truncated or foreign snapshot is ignored with a warning naming it; the data is read again")
    func damaged() throws {
        let (folder, sources) = try Self.copied()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        let fresh = Self.dump(Dataset.load(sources))
        _ = Dataset.load(sources, snapshot: Self.policy(file))
        let good = try #require(FileManager.default.contents(atPath: file))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        let damages: [(String, String, Data)] = [
            ("snapshot-damaged", "checksum", flipped),
            ("snapshot-damaged", "length", good.prefix(good.count / 3)),
            ("snapshot-damaged", "length", good.prefix(good.count - 1)),
            ("snapshot-foreign", "not an iki snapshot", Data("code,period,value\n".utf8)),
            ("snapshot-foreign", "not an iki snapshot", Data(repeating: 0, count: 4096)),
        ]
        for (id, reason, bytes) in damages {
            try bytes.write(to: URL(fileURLWithPath: file))
            let (dataset, diagnostics, use) = Dataset.load(sources, snapshot: Self.policy(file))
            #expect(!use.used)
            #expect(use.warnings.map(\.id) == [id])
            #expect(use.warnings.first?.location?.file == file)
            #expect(use.warnings.first?.message.contains(reason) == true)
            #expect(Self.dump((dataset, diagnostics)) == fresh)
            // Rebuilt: the next load reads it.
            #expect(Dataset.load(sources, snapshot: Self.policy(file)).snapshot.used)
        }
    }

    @Test("every truncation and a flipped byte anywhere is refused, never a crash")
    func everyCut() throws {
        let sources = Dataset.Sources(catalogue: Bundled.cataloguePath)
        let key = SnapshotKey(sources, language: .english)
        let (dataset, diagnostics) = Dataset.load(sources)
        let bytes = SnapshotWriter.bytes(dataset, diagnostics: diagnostics, key: key.text)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            let problem = bytes.prefix(cut).withUnsafeBytes { raw in
                Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.text) }
            }
            guard case .failure = problem else { Issue.record("a snapshot cut at \(cut) was read"); continue }
        }
        for at in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 89)) {
            var damaged = bytes
            damaged[at] ^= 0x01
            let problem = damaged.withUnsafeBytes { raw in Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.text) } }
            guard case .failure = problem else { Issue.record("a snapshot with byte \(at) changed was read"); continue }
        }
        let whole = bytes.withUnsafeBytes { raw in Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.text) } }
        #expect((try? whole.get()) != nil)
    }

    @Test("a big snapshot is decoded on two threads (strings in halves, positions beside the rest): the same dataset as on one, and cuts still refused")
    func decodedInParallel() throws {
        let province = try MultiOfficeTests.province()
        defer { try? FileManager.default.removeItem(atPath: province) }
        let sources = Dataset.Sources(catalogues: [province], realisations: [Bundled.realisationsPath])
        let key = SnapshotKey(sources, language: .english)
        let (dataset, diagnostics) = Dataset.load(sources)
        let bytes = SnapshotWriter.bytes(dataset, diagnostics: diagnostics, key: key.text)
        func read(parallelFrom: Int) throws -> (Dataset, [Diagnostic]) {
            try bytes.withUnsafeBytes { raw in
                Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.text, parallelFrom: parallelFrom) }
            }.get()
        }
        let one = try read(parallelFrom: .max), two = try read(parallelFrom: 0)
        #expect(Self.dump(two) == Self.dump(one))
        #expect(Self.dump(two) == Self.dump((dataset, diagnostics)))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 53)) {
            let problem = bytes.prefix(cut).withUnsafeBytes { raw in
                Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.text, parallelFrom: 0) }
            }
            guard case .failure = problem else { Issue.record("a snapshot cut at \(cut) was read"); continue }
        }
    }

    @Test("another language's messages, or another format version, are another snapshot (rebuilt without a warning)")
    func stale() throws {
        let sources = Dataset.Sources(catalogue: Bundled.cataloguePath)
        let english = SnapshotKey(sources, language: .english), indonesian = SnapshotKey(sources, language: .indonesian)
        #expect(english.fileName != indonesian.fileName)
        let (dataset, diagnostics) = Dataset.load(sources)
        var bytes = SnapshotWriter.bytes(dataset, diagnostics: diagnostics, key: english.text)
        let other = bytes.withUnsafeBytes { raw in Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: indonesian.text) } }
        #expect(throws: SnapshotProblem.stale) { try other.get() }
        bytes[8] &+= 1
        let older = bytes.withUnsafeBytes { raw in Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: english.text) } }
        #expect(throws: SnapshotProblem.stale) { try older.get() }
    }

    @Test("the key begun (its stat part at once, the hashes on a thread of their own) is the key; a hash that differs is stale once decoded")
    func startedKey() throws {
        let (folder, sources) = try Self.copied()
        defer { folder.remove() }
        let started = SnapshotKey.started(sources, language: .english)
        let key = SnapshotKey(sources, language: .english)
        #expect(started.finish() == key && started.finish() == key)
        #expect(started.identity == key.identity && started.stated == key.stated && key.text.hasPrefix(key.stated))
        let (dataset, diagnostics) = Dataset.load(sources)
        let bytes = SnapshotWriter.bytes(dataset, diagnostics: diagnostics, key: key.text)
        func read(hashes: String) -> Result<(Dataset, [Diagnostic]), SnapshotProblem> {
            bytes.withUnsafeBytes { raw in Result { () throws(SnapshotProblem) in try SnapshotReader.read(raw, key: key.stated, hashes: { hashes }) } }
        }
        #expect((try? read(hashes: key.hashed).get()) != nil)
        #expect(throws: SnapshotProblem.stale) { try read(hashes: key.hashed.replacingOccurrences(of: "\n", with: "0\n")).get() }
        #expect(throws: SnapshotProblem.stale) { try read(hashes: "").get() }
    }

    @Test("read only (--safe) and an unwritable place: nothing written; only a file the user named is warned about")
    func readOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("data.snapshot")
        let sources = Dataset.Sources(catalogue: Bundled.cataloguePath)
        let (_, _, use) = Dataset.load(sources, snapshot: Self.policy(file, writes: false))
        #expect(!use.written && !FileManager.default.fileExists(atPath: file))
        _ = Dataset.load(sources, snapshot: Self.policy(file))
        #expect(Dataset.load(sources, snapshot: Self.policy(file, writes: false)).snapshot.used, "read only still reads")

        try folder.write("plain", "x")
        let under = folder.file("plain/data.snapshot")
        #expect(Dataset.load(sources, snapshot: Self.policy(under)).snapshot.warnings.map(\.id) == ["snapshot-not-written"])
        var cache = Self.policy(under)
        cache.place = .cache(folder: folder.file("plain"))
        #expect(Dataset.load(sources, snapshot: cache).snapshot.warnings.isEmpty)
    }

    @Test("the cache folder keeps at most its limit, the least recently used removed first")
    func bounded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var policy = Self.policy("")
        policy.place = .cache(folder: folder.path)
        policy.limit.count = 2
        let files = try (1...3).map { k in try folder.write("c\(k).txt", try Bundled.text().replacingOccurrences(of: "KABUPATEN MALANG", with: "KOTA \(k)")) }
        for (k, file) in files.enumerated() {
            _ = Dataset.load(Dataset.Sources(catalogue: file), snapshot: policy)
            // Used a second apart, so the order does not rest on the clock's resolution.
            for entry in SnapshotCache.entries(in: folder.path) where entry.path.hasSuffix(SnapshotCache.fileExtension) {
                let path = policy.path(for: SnapshotKey(Dataset.Sources(catalogue: file), language: .english))
                if entry.path == path {
                    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000 * Double(k + 1))],
                                                          ofItemAtPath: path)
                }
            }
        }
        let kept = SnapshotCache.entries(in: folder.path)
        #expect(kept.count == 2)
        #expect(kept.map(\.path) == [files[2], files[1]].map { policy.path(for: SnapshotKey(Dataset.Sources(catalogue: $0), language: .english)) })
        #expect(Dataset.load(Dataset.Sources(catalogue: files[2]), snapshot: policy).snapshot.used)
        #expect(!Dataset.load(Dataset.Sources(catalogue: files[0]), snapshot: policy).snapshot.used)
        #expect(SnapshotCache.clear(folder.path).count == 2)
        #expect(SnapshotCache.entries(in: folder.path).isEmpty)
        #expect(try folder.listing().filter { $0.hasSuffix(".txt") }.count == 3, "clear removes snapshots only")
    }
}
