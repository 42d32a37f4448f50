import Foundation

/// Where snapshots are kept and how a load uses one: `Dataset.load(_:snapshot:)` maps the
/// snapshot of the same inputs when there is a valid one, else loads and writes it.
///
/// The cache folder is `$XDG_CACHE_HOME/iki` (else `~/.cache/iki`): one file per set of inputs,
/// named by the inputs' hash, at most `limit.count` files and `limit.bytes` in all (the least
/// recently used removed first). `--snapshot FILE` names one file instead.
public struct SnapshotPolicy: Sendable {
    public enum Place: Sendable, Equatable {
        /// The cache folder: the file named by the inputs.
        case cache(folder: String)
        /// A file the user named (`--snapshot FILE`).
        case file(String)
    }

    public var place: Place
    /// Writes a snapshot whole or not at all (the front end's `AtomicFile`): the path and the
    /// bytes, handed over a piece at a time. Nil: read only (`--safe`).
    public var save: Save?
    public var limit = SnapshotCache.Limit()
    public typealias Save = @Sendable (_ path: String, _ bytes: ((UnsafeRawBufferPointer) -> Void) -> Void) throws -> Void

    public init(place: Place, save: Save?) {
        self.place = place
        self.save = save
    }

    func path(for key: SnapshotKey) -> String { path(identity: key.identity) }

    func path(identity: String) -> String {
        switch place {
        case .cache(let folder): return (folder as NSString).appendingPathComponent(SnapshotKey.fileName(identity))
        case .file(let path): return path
        }
    }
}

public enum SnapshotCache {
    static let fileExtension = ".iki-snapshot"

    /// How much the cache folder keeps: a province's snapshot is about 150 MB.
    public struct Limit: Sendable {
        public var count = 8
        public var bytes = 2 << 30
        public init() {}
    }

    /// `IKI_NO_CACHE` set (and not empty or `0`): as `--no-cache` on every call, for a shell
    /// profile, a CI job or a benchmark that must read the files each time.
    public static func disabled(by environment: [String: String]) -> Bool {
        guard let value = environment["IKI_NO_CACHE"] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// `$XDG_CACHE_HOME/iki`, else `$HOME/.cache/iki`; nil without either.
    public static func folder(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/iki" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/iki"
    }

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var used: Date
    }

    /// The snapshots in `folder`, most recently used first.
    public static func entries(in folder: String) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(fileExtension) || isLeftover($0) }.compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return Entry(path: path, bytes: Int(info.st_size),
                         used: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9))
        }.sorted { ($0.used, $0.path) > ($1.used, $1.path) }
    }

    /// A temporary file of a write that did not finish (`AtomicFile`'s `.NAME.iki-RANDOM.tmp`).
    static func isLeftover(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(fileExtension + ".iki-") && name.hasSuffix(".tmp") }

    /// Removes every snapshot in `folder` (nothing else there); how many and their bytes.
    public static func clear(_ folder: String) -> (count: Int, bytes: Int) {
        var removed = (count: 0, bytes: 0)
        for entry in entries(in: folder) where unlink(entry.path) == 0 {
            removed.count += 1
            removed.bytes += entry.bytes
        }
        return removed
    }

    /// Removes the least recently used snapshots past the limit, never `keeping`.
    static func prune(_ folder: String, limit: Limit, keeping: String) {
        var count = 0, bytes = 0
        for entry in entries(in: folder) {
            count += 1
            bytes += entry.bytes
            if entry.path != keeping && (count > limit.count || bytes > limit.bytes) { unlink(entry.path) }
        }
    }
}

extension Dataset {
    /// `load(_:progress:cancellation:)` through a snapshot: the snapshot of these inputs when
    /// there is a valid one (its diagnostics are the load's, so they are reported as without
    /// it), else the load, written to the snapshot for next time. A damaged or foreign snapshot
    /// is said in a warning (`snapshot.warnings`, apart from the load's own diagnostics: the front
    /// end prints them as they are) and rebuilt; one of other inputs or another iki is rebuilt
    /// silently. Nothing about the snapshot goes to standard output.
    public static func load(_ sources: Sources, snapshot policy: SnapshotPolicy?, progress: ProgressReporter? = nil,
                            cancellation: LoadCancellation = .never) -> (Dataset, [Diagnostic], snapshot: SnapshotUse) {
        guard let policy else {
            let (dataset, diagnostics) = load(sources, progress: progress, cancellation: cancellation)
            return (dataset, diagnostics, SnapshotUse())
        }
        // The inputs' hashes are read beside the snapshot's decoding (both are most of a warm open).
        let started = SnapshotKey.started(sources, language: Language.current)
        let path = policy.path(identity: started.identity)
        var said: [Diagnostic] = []
        if let mapped = MappedFile(path: path) {
            do throws(SnapshotProblem) {
                var (dataset, diagnostics) = try SnapshotReader.read(mapped.bytes, key: started.stated, hashes: { started.finish().hashed },
                                                                     release: mapped.release, owner: mapped)
                dataset.scale = sources.scale
                // The decode's temporaries (the string table, the halves' arrays) freed: their pages
                // go back, so a query's evaluations take them again instead of pages of their own.
                trimMallocHeap()
                // Used now: the last to be removed from the cache.
                if case .cache = policy.place, policy.save != nil { utimes(path, nil) }
                return (dataset, diagnostics, SnapshotUse(used: true, path: path))
            } catch {
                switch error {
                case .stale: break
                case .foreign: said.append(.warning(.snapshotForeign, at: SourceLocation(file: path, place: "")))
                case .damaged: said.append(.warning(.snapshotDamaged(error.reason.text), at: SourceLocation(file: path, place: "")))
                }
            }
        }
        let key = started.finish()
        let (dataset, diagnostics) = load(sources, progress: progress, cancellation: cancellation)
        // A file changed while it was read: its snapshot would not match what was read.
        guard let save = policy.save, !cancellation.isCancelled(), SnapshotKey(sources, language: Language.current) == key else {
            return (dataset, diagnostics, SnapshotUse(path: path, warnings: said))
        }
        var use = SnapshotUse(path: path, warnings: said)
        do {
            try save(path) { emit in SnapshotWriter.write(dataset, diagnostics: diagnostics, key: key.text, to: emit) }
            use.written = true
            if case .cache(let folder) = policy.place { SnapshotCache.prune(folder, limit: policy.limit, keeping: path) }
        } catch {
            // The cache is only a saving: a folder that cannot be written is not worth a word. A
            // file the user named is.
            if case .file = policy.place { use.warnings.append(.warning(.snapshotNotWritten(Self.reason(error)), at: SourceLocation(file: path, place: ""))) }
        }
        return (dataset, diagnostics, use)
    }

    /// A write's failure as its message says it (a `Diagnostic`'s text, not its whole description).
    static func reason(_ error: any Error) -> String {
        (error as? Diagnostic)?.message ?? "\(error)"
    }
}

/// What a load did with its snapshot.
public struct SnapshotUse: Sendable {
    /// The data came from the snapshot.
    public var used = false
    public var path: String?
    /// A snapshot was written.
    public var written = false
    /// A damaged or foreign snapshot ignored, or one that could not be written.
    public var warnings: [Diagnostic] = []
}

/// A file mapped read-only for as long as this lives (a store reading its rows in place keeps it).
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Nil when the file is missing, empty or cannot be mapped (as if there were no snapshot).
    init?(path: String) {
        // Non-blocking: a FIFO named by --snapshot must not hang the open (it is then refused).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Lets the pages of `region` go (they are read again from the file if touched): what has
    /// been read and copied need not stay resident while the rest is.
    func release(_ region: UnsafeRawBufferPointer) {
        guard let start = region.baseAddress else { return }
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + region.count) / page * page
        guard end > first else { return }
        madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_DONTNEED)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}

/// glibc's `malloc_trim(0)`: freed memory's pages given back to the system, in every arena (not
/// only at the heap's top, which is all glibc does by itself). Nothing elsewhere.
func trimMallocHeap() {
    #if canImport(Glibc)
    _ = mallocTrim(0)
    #endif
}

#if canImport(Glibc)
/// Bound by the linker to glibc's (malloc.h is not in Swift's Glibc module; a lookup by name with
/// dlsym finds nothing in a static executable). Integer argument and result: the same registers
/// in Swift's convention as in C's.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
