import Dispatch
import Foundation

/// What a snapshot stands for. `identity`: the inputs as named (files in order, options), which
/// names the snapshot's file, so loading the same files again finds it. `text`: the identity with
/// the iki build and each input's size, modification time and a hash of its first and last
/// 64 KB; stored in the snapshot and compared whole, so a changed file or a new iki rebuilds it.
struct SnapshotKey: Equatable {
    let identity: String
    let text: String

    /// How much of each end of a file is hashed: a change anywhere usually moves the size or the
    /// time; the ends catch a same-size rewrite within the same second of most files here.
    static let block = 64 << 10

    /// The key of loading `sources` in `language` (diagnostics are kept as text in it).
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
        var files: [String] = []
        func add(_ role: String, _ path: String) {
            identity += "\(role) \(path)\n"
            files.append(path)
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
        let paths = files
        // A few files (an office's four) are stamped in less time than starting the worker threads takes.
        let stamps = paths.count < 8 ? paths.map(Self.stamp) : concurrentMap(paths.indices) { Self.stamp(paths[$0]) }
        text = identity + "build \(Self.build)\n" + stamps.joined(separator: "\n") + "\n"
    }

    /// The snapshot's file name: the identity's hash.
    var fileName: String { String(WordHash.of(identity), radix: 16) + SnapshotCache.fileExtension }

    /// Size, modification time (nanoseconds) and the hash of the first and last blocks; a file
    /// that is not there is `missing` (its appearing changes the key).
    static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        let size = Int(info.st_size)
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        // A folder or a FIFO given as a file: its load says what is wrong, and is never kept
        // for the next run (a pipe's content is not the same twice).
        guard info.st_mode & S_IFMT == S_IFREG else { return "not a file \(UInt64.random(in: 0...UInt64.max))" }
        var hash = WordHash()
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd >= 0 {
            defer { close(fd) }
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
        } else {
            return "unreadable \(size) \(modified)"
        }
        return "\(size) \(modified) \(String(hash.value, radix: 16))"
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
