import Foundation

/// The snapshot file's layout, its checksum and the bounds-checked byte reading and writing both
/// sides share.
///
///     "IKISNAP\0"  version u32  sections u32  length u64 per section
///     each section (key text, string table, three of records, then raw arrays), padded to 8 bytes
///     checksum u64 (of every section)  "IKIEND\0\0"
///
/// Numbers are little-endian as the machine holds them: a snapshot is only ever read by the build
/// that wrote it (the key names the build), so raw rows need no conversion.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("IKISNAP\0".utf8)
    static let endMagic: [UInt8] = Array("IKIEND\0\0".utf8)
    /// Raised whenever what is written changes, so an older layout is rebuilt, not misread.
    static let version: UInt32 = 7
    /// The key, the string table, the model's records (offices and units, positions, the rest),
    /// then the rows, their numbers and the two per-indicator arrays.
    static let sectionCount = 9

    static func padding(_ length: Int) -> Int { (8 - length % 8) % 8 }
    /// Below this many bytes a part is read on one thread (starting a second costs more).
    static let parallelFrom = 1 << 20
}

/// Runs `a` and `b` at once, on the two cores; both results, or the first's error, else the second's.
func both<A: Sendable, B: Sendable>(_ a: @Sendable () throws(SnapshotProblem) -> A,
                                    _ b: @Sendable () throws(SnapshotProblem) -> B) throws(SnapshotProblem) -> (A, B) {
    nonisolated(unsafe) var first: Result<A, SnapshotProblem>?
    nonisolated(unsafe) var second: Result<B, SnapshotProblem>?
    // Each iteration writes its own result and nothing else.
    DispatchQueue.concurrentPerform(iterations: 2) { k in
        if k == 0 {
            do throws(SnapshotProblem) { first = .success(try a()) } catch { first = .failure(error) }
        } else {
            do throws(SnapshotProblem) { second = .success(try b()) } catch { second = .failure(error) }
        }
    }
    switch (first!, second!) {
    case let (.success(x), .success(y)): return (x, y)
    case let (.failure(e), _), let (_, .failure(e)): throw e
    }
}

/// A 64-bit hash of bytes, FNV-1a's multiply and xor taken a word at a time in four lanes, so it
/// runs near memory speed (byte-wise FNV-1a is about 4 cycles a byte: 0.6 s for a province's
/// files). It detects damage; it is not meant to resist someone forging a file.
struct WordHash {
    static let prime: UInt64 = 0x0000_0100_0000_01B3
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x8422_2325_CBF2_9CE4, 0x9CE4_8422_2325_CBF2, 0x2325_CBF2_9CE4_8422)
    private var length: UInt64 = 0

    init() {}

    /// Hashes `bytes` as one piece: the same bytes cut differently hash differently, so writer and
    /// reader hash the same pieces (whole sections). `done` is told of each 8 MB read, so a reader
    /// of a mapped file can let those pages go.
    mutating func add(_ bytes: UnsafeRawBufferPointer, done: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        let count = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            while i + 32 <= count {
                let start = i, end = min(i + Self.chunk, count - count % 32)
                while i < end {
                    lanes.0 = (lanes.0 ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* Self.prime
                    lanes.1 = (lanes.1 ^ base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* Self.prime
                    lanes.2 = (lanes.2 ^ base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* Self.prime
                    lanes.3 = (lanes.3 ^ base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* Self.prime
                    i += 32
                }
                done?(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            }
            while i < count {
                lanes.0 = (lanes.0 ^ UInt64(bytes[i])) &* Self.prime
                i += 1
            }
        }
        length &+= UInt64(count)
        lanes.1 = (lanes.1 ^ length) &* Self.prime
    }

    static let chunk = 8 << 20

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    var value: UInt64 {
        var h = lanes.0
        for lane in [lanes.1, lanes.2, lanes.3] { h = (h ^ (lane >> 29) ^ lane) &* Self.prime }
        return h ^ (h >> 32)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = WordHash()
        hash.add(bytes)
        return hash.value
    }

    static func of(_ text: String) -> UInt64 { of(Array(text.utf8)) }
}

/// Why a snapshot was not used. `stale` is expected (inputs or iki changed) and silent; the
/// others are a damaged or foreign file, said in a warning.
enum SnapshotProblem: Error, Equatable {
    case stale
    case foreign
    /// `detail` says where, for a developer; the warning says which of the kinds.
    case damaged(Damage, detail: String = "")

    enum Damage: Equatable {
        /// The file's length is not what its header says (cut short, or grown).
        case length
        case checksum
        /// A count, an index or a text that cannot be (a file forged with a valid checksum).
        case content
    }

    static func damaged(_ detail: String) -> SnapshotProblem { .damaged(.content, detail: detail) }

    /// The reason the warning gives.
    var reason: Message {
        switch self {
        case .damaged(.length, _): return .snapshotLength
        case .damaged(.checksum, _): return .snapshotChecksum
        default: return .snapshotContent
        }
    }
}

/// Appends values to a byte buffer: integers and doubles as their raw bytes, strings as their index
/// in the string table (each text stored once).
struct ByteWriter {
    var bytes: [UInt8] = []
    var strings: [String: UInt32] = [:]
    var table: [String] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func double(_ v: Double) { u64(v.bitPattern) }
    /// -1 for nil.
    mutating func int(_ v: Int?) { int(v ?? -1) }
    mutating func double(_ v: Double?) {
        bool(v != nil)
        if let v { double(v) }
    }

    mutating func string(_ s: String) { u32(intern(s)) }

    /// 0 for nil, else the string's index + 1.
    mutating func string(_ s: String?) { u32(s.map { intern($0) + 1 } ?? 0) }

    /// The text's index in the table, added the first time.
    private mutating func intern(_ s: String) -> UInt32 {
        if let id = strings[s] { return id }
        let id = UInt32(table.count)
        table.append(s)
        strings[s] = id
        return id
    }

    /// A case of an enum as its place in `allCases` (a byte: reading it back is an index, not a
    /// string comparison per case).
    mutating func ordinal<T: CaseIterable & Equatable>(_ v: T) { u8(UInt8(T.allCases.prefix { $0 != v }.count)) }
    mutating func optionalOrdinal<T: CaseIterable & Equatable>(_ v: T?) {
        bool(v != nil)
        if let v { ordinal(v) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    mutating func ints(_ list: [Int]) {
        int(list.count)
        for v in list { int(v) }
    }

    /// The string table: the count, each text's end offset, then the texts' bytes.
    func stringTable() -> [UInt8] {
        var out = ByteWriter()
        out.int(table.count)
        var end = 0
        var blob: [UInt8] = []
        for s in table {
            blob.append(contentsOf: s.utf8)
            end = blob.count
            out.u64(UInt64(end))
        }
        out.bytes += blob
        return out.bytes
    }
}

/// Reads what `ByteWriter` wrote from a region of the mapped file; every read is checked against
/// the region's end, and a count is checked against what is left before anything is allocated.
struct ByteReader {
    let base: UnsafeRawPointer
    let count: Int
    var offset = 0
    var table: [String] = []

    init(_ region: UnsafeRawBufferPointer) {
        // An empty region has no base address; any address will do, as nothing is read from it.
        base = UnsafeRawPointer(region.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!)
        count = region.count
    }

    mutating func take(_ n: Int) throws(SnapshotProblem) -> Int {
        guard n >= 0, n <= count - offset else { throw .damaged("read past the end at \(offset)") }
        defer { offset += n }
        return offset
    }

    mutating func u8() throws(SnapshotProblem) -> UInt8 { base.load(fromByteOffset: try take(1), as: UInt8.self) }
    mutating func bool() throws(SnapshotProblem) -> Bool { try u8() != 0 }
    mutating func u32() throws(SnapshotProblem) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self)) }
    mutating func u64() throws(SnapshotProblem) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self)) }
    mutating func int() throws(SnapshotProblem) -> Int { Int(Int64(bitPattern: try u64())) }
    mutating func double() throws(SnapshotProblem) -> Double { Double(bitPattern: try u64()) }

    mutating func optionalInt() throws(SnapshotProblem) -> Int? {
        let v = try int()
        return v < 0 ? nil : v
    }

    mutating func optionalDouble() throws(SnapshotProblem) -> Double? { try bool() ? try double() : nil }

    /// A count of items at least `size` bytes each: never more than the bytes left could hold.
    mutating func count(size: Int) throws(SnapshotProblem) -> Int {
        let n = try int()
        guard n >= 0, n <= (count - offset) / max(size, 1) else { throw .damaged("a count of \(n) at \(offset)") }
        return n
    }

    /// An index below `limit`.
    mutating func index(below limit: Int) throws(SnapshotProblem) -> Int {
        let v = try int()
        guard v >= 0, v < limit else { throw .damaged("an index \(v) out of 0..<\(limit)") }
        return v
    }

    mutating func optionalIndex(below limit: Int) throws(SnapshotProblem) -> Int? {
        let v = try int()
        if v == -1 { return nil }
        guard v >= 0, v < limit else { throw .damaged("an index \(v) out of 0..<\(limit)") }
        return v
    }

    mutating func string() throws(SnapshotProblem) -> String {
        let id = Int(try u32())
        guard id < table.count else { throw .damaged("a string \(id) of \(table.count)") }
        return table[id]
    }

    mutating func optionalString() throws(SnapshotProblem) -> String? {
        let id = Int(try u32())
        if id == 0 { return nil }
        guard id - 1 < table.count else { throw .damaged("a string \(id - 1) of \(table.count)") }
        return table[id - 1]
    }

    /// A case written by `ByteWriter.ordinal`: `all` is the type's `allCases`, taken once by the caller.
    mutating func ordinal<T>(_ all: [T]) throws(SnapshotProblem) -> T {
        let k = Int(try u8())
        guard k < all.count else { throw .damaged("case \(k) of a \(T.self)") }
        return all[k]
    }

    mutating func optionalOrdinal<T>(_ all: [T]) throws(SnapshotProblem) -> T? { try bool() ? try ordinal(all) : nil }

    mutating func strings() throws(SnapshotProblem) -> [String] {
        let n = try count(size: 4)
        var list: [String] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try string()) }
        return list
    }

    mutating func indices(below limit: Int) throws(SnapshotProblem) -> [Int] {
        let n = try count(size: 8)
        var list: [Int] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try index(below: limit)) }
        return list
    }

    /// Reads the string table `ByteWriter.stringTable` wrote; every text is checked as UTF-8. A
    /// big table is read in two halves at once (making Strings was a sixth of a warm open).
    mutating func readStringTable(parallelFrom: Int = SnapshotFormat.parallelFrom) throws(SnapshotProblem) {
        let n = try count(size: 8)
        let ends = try take(n * 8)
        let blobStart = offset, blobCount = count - offset
        nonisolated(unsafe) let base = self.base
        @Sendable func end(_ k: Int) -> Int {
            k < 0 ? 0 : Int(truncatingIfNeeded: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: ends + 8 * k, as: UInt64.self)))
        }
        /// Strings `range`; each end is checked against the one before and the blob's length.
        @Sendable func strings(_ range: Range<Int>) throws(SnapshotProblem) -> [String] {
            var start = end(range.lowerBound - 1)
            guard start >= 0, start <= blobCount else { throw .damaged("a string ending at \(start)") }
            var list: [String] = []
            list.reserveCapacity(range.count)
            for k in range {
                let end = end(k)
                guard end >= start, end <= blobCount else { throw .damaged("a string ending at \(end)") }
                let bytes = UnsafeRawBufferPointer(start: base + blobStart + start, count: end - start).bindMemory(to: UInt8.self)
                guard let text = Self.utf8String(bytes) else { throw .damaged("a string that is not UTF-8") }
                list.append(text)
                start = end
            }
            return list
        }
        if blobCount < parallelFrom {
            table = try strings(0..<n)
        } else {
            let (first, second) = try both({ () throws(SnapshotProblem) in try strings(0..<n / 2) },
                                           { () throws(SnapshotProblem) in try strings(n / 2..<n) })
            table = first + second
        }
        _ = try take(end(n - 1))
    }

    /// `bytes` as a String when they are UTF-8, else nil. `String(decoding:)` (specialised for a
    /// buffer of bytes) and a comparison, since a repaired text differs from its bytes: the generic
    /// `String(validating:as:)` built type metadata for each string (~0.8 k instructions a string,
    /// 0.6 M of the bundled query's start).
    @inline(__always)
    static func utf8String(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        guard let start = bytes.baseAddress else { return text }
        return text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, start, bytes.count) == 0 } ? text : nil
    }

    /// `n` values of a trivial type in place, valid while `owner` (the mapping) lives; the
    /// region must be aligned for them (sections are, at 8 bytes, in a page-aligned mapping).
    mutating func view<T: BitwiseCopyable>(_ type: T.Type, count n: Int, owner: AnyObject) throws(SnapshotProblem) -> MappedArray<T> {
        let size = MemoryLayout<T>.stride
        guard n >= 0, n <= (count - offset) / size else { throw .damaged("\(n) rows at \(offset)") }
        let from = try take(n * size)
        guard Int(bitPattern: base + from) % MemoryLayout<T>.alignment == 0 else { throw .damaged("rows not aligned") }
        return MappedArray(mapping: UnsafeBufferPointer(start: (base + from).bindMemory(to: T.self, capacity: n), count: n), owner: owner)
    }

    /// `n` values of a trivial type copied from the bytes as they are, 8 MB at a time; `done` is
    /// told of each piece copied.
    mutating func raw<T: BitwiseCopyable>(_ type: T.Type, count n: Int,
                                          done: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(SnapshotProblem) -> [T] {
        let size = MemoryLayout<T>.stride
        guard n >= 0, n <= (count - offset) / size else { throw .damaged("\(n) rows at \(offset)") }
        let from = try take(n * size)
        let base = self.base
        return [T](unsafeUninitializedCapacity: n) { buffer, initialised in
            let to = UnsafeMutableRawPointer(buffer.baseAddress)
            var copied = 0
            while copied < n * size, let to {
                let piece = min(WordHash.chunk, n * size - copied)
                to.advanced(by: copied).copyMemory(from: base + from + copied, byteCount: piece)
                done?(UnsafeRawBufferPointer(start: base + from + copied, count: piece))
                copied += piece
            }
            initialised = n
        }
    }
}
