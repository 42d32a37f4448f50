import Dispatch
import Foundation

/// What a snapshot stands for. `identity`: the inputs as named (files in order, options), which
/// names the snapshot's file, so loading the same files again finds it. `text`: the identity with
/// the iki build and each input's size and modification time (`stated`, what `stat` alone tells),
/// then each input's hash of its first and last 64 KB; stored in the snapshot and compared whole,
/// so a changed file or a new iki rebuilds it. A warm open compares `stated` at once and the
/// hashes once they are done (`started`): they are read on a thread of their own meanwhile.
struct SnapshotKey: Equatable {
    let identity: String
    let stated: String
    /// The key after `stated`: the inputs' hashes.
    let hashed: String
    var text: String { stated + hashed }

    /// How much of each end of a file is hashed: a change anywhere usually moves the size or the
    /// time; the ends catch a same-size rewrite within the same second of most files here.
    static let block = 64 << 10

    /// The key of loading `sources` in `language` (diagnostics are kept as text in it).
    init(_ sources: Dataset.Sources, language: Language) {
        let inputs = Inputs(sources, language: language)
        let hashes = inputs.few ? inputs.files.map { $0.hash() } : concurrentMap(inputs.files.indices) { inputs.files[$0].hash() }
        self.init(inputs, hashes: hashes)
    }

    private init(_ inputs: Inputs, hashes: [String]) {
        identity = inputs.identity
        stated = inputs.stated
        hashed = Self.hashes(hashes)
    }

    /// The key's end (after `stated`) from the inputs' hashes.
    private static func hashes(_ list: [String]) -> String { "hashes\n" + joinedText(list, separator: "\n") + "\n" }

    /// The key begun: its identity and `stated` at once; `finish` waits for the hashes (computed
    /// on a thread of their own, beside the snapshot's decoding) and gives the whole key.
    static func started(_ sources: Dataset.Sources, language: Language) -> (identity: String, stated: String, finish: () -> SnapshotKey) {
        let inputs = Inputs(sources, language: language)
        // Written by the thread, read after `done` is signalled (the semaphore orders the two).
        final class Hashes: @unchecked Sendable {
            var list: [String] = []
            let done = DispatchSemaphore(value: 0)
        }
        let hashes = Hashes()
        let hash: @Sendable () -> Void = {
            hashes.list = inputs.files.map { $0.hash() }
            hashes.done.signal()
        }
        if inputs.few { hash() } else { Thread(block: hash).start() }
        var key: SnapshotKey?
        return (inputs.identity, inputs.stated, {
            if let key { return key }
            hashes.done.wait()
            key = SnapshotKey(inputs, hashes: hashes.list)
            return key!
        })
    }

    /// The snapshot's file name: the identity's hash.
    var fileName: String { Self.fileName(identity) }
    static func fileName(_ identity: String) -> String { String(WordHash.of(identity), radix: 16) + SnapshotCache.fileExtension }

    /// The inputs as named and as `stat` finds them.
    private struct Inputs: Sendable {
        var identity: String
        var stated: String
        var files: [File]
        /// A few files (an office's four) are stated and hashed in less time than starting a
        /// thread takes: on the start of every query over one office.
        var few: Bool { files.count < 8 }

        init(_ sources: Dataset.Sources, language: Language) {
            var ignored: [Diagnostic] = []
            let catalogues = Dataset.expand(sources.catalogues, extensions: Dataset.catalogueExtensions, &ignored)
            let realisations = Dataset.expand(sources.realisations, extensions: Dataset.realisationExtensions, &ignored)
            var identity = "iki snapshot \(SnapshotFormat.version)\nlanguage \(language.rawValue)\n"
            identity += "decimal-comma \(sources.format.decimalComma)\n"
            // The same relative names in another folder are other files.
            if (sources.catalogues + sources.realisations + [sources.organisation ?? ""]).contains(where: { !$0.isEmpty && !$0.hasPrefix("/") }) {
                identity += "folder \(FileManager.default.currentDirectoryPath)\n"
            }
            var paths: [String] = []
            func add(_ role: String, _ path: String) {
                identity += "\(role) \(path)\n"
                paths.append(path)
            }
            // As `Catalogue.loadOffice` reads them: each catalogue and the organisation file it gets.
            for file in catalogues {
                add("catalogue", file)
                if catalogues.count > 1 || sources.organisation == nil {
                    add("beside", Text.deletingExtension(file) + ".organisation.csv")
                }
            }
            if let organisation = sources.organisation { add("organisation", organisation) }
            for file in realisations { add("realisations", file) }
            self.identity = identity
            let list = paths
            files = list.count < 8 ? list.map(File.init) : concurrentMap(list.indices) { File(list[$0]) }
            stated = identity + "build \(SnapshotKey.build)\n" + joinedText(files.map(\.stated), separator: "\n") + "\n"
        }
    }

    /// One input: its size and modification time (nanoseconds), or `missing`; then, read apart,
    /// the hash of its first and last blocks.
    private struct File: Sendable {
        let path: String
        let size: Int
        let stated: String
        /// A regular file, whose ends are hashed.
        let regular: Bool

        init(_ path: String) {
            self.path = path
            var info = stat()
            guard stat(path, &info) == 0 else {
                (size, stated, regular) = (0, "missing", false)
                return
            }
            size = Int(info.st_size)
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            regular = info.st_mode & S_IFMT == S_IFREG
            // A folder or a FIFO given as a file: its load says what is wrong, and is never kept
            // for the next run (a pipe's content is not the same twice).
            stated = regular ? "\(size) \(modified)" : "not a file \(UInt64.random(in: 0...UInt64.max))"
        }

        func hash() -> String {
            guard regular else { return "-" }
            var hash = WordHash()
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { return "unreadable" }
            defer { close(fd) }
            let block = SnapshotKey.block
            // Not zeroed first (a tenth of a warm open's instructions): only what pread filled is hashed.
            var buffer = [UInt8](unsafeUninitializedCapacity: min(size, 2 * block)) { _, count in count = min(size, 2 * block) }
            // Small files whole; else the first and the last block.
            let pieces = size <= 2 * block ? [(0, size)] : [(0, block), (size - block, block)]
            var at = 0
            for (offset, length) in pieces where length > 0 {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + at, length, off_t(offset)) }
                if n > 0 { at += n }
            }
            buffer.withUnsafeBytes { hash.add(UnsafeRawBufferPointer(rebasing: $0.prefix(at))) }
            return String(hash.value, radix: 16)
        }
    }

    /// This iki: its program file's size and time, so a rebuilt iki never reads an older one's
    /// snapshot (the raw rows' layout is the build's).
    static let build: String = {
        var info = stat()
        let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard stat(program, &info) == 0 else { return "unknown \(program)" }
        return "\(program) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) row \(MemoryLayout<StoredRow>.stride)"
    }()
}
