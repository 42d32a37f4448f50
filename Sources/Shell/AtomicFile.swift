import Catalogue
import Foundation
import Query

/// Writes a file whole or not at all: a temporary file beside it, flushed to disk, then renamed
/// over the target, and the folder flushed so the rename survives a crash. A failure (a full
/// disk, say) removes the temporary file and leaves any existing file as it was.
///
/// The temporary file has an unpredictable name and is created with `O_EXCL | O_NOFOLLOW`: a
/// symlink planted where it will be cannot redirect the write to another file. SIGINT or SIGTERM
/// while it is written removes it before the process ends (unless someone else, the REPL, handles
/// the signal: then the write finishes or fails normally and cleans up itself).
public enum AtomicFile {
    /// `-o FILE`: the whole output of a run, or nothing; an error names the file, not a statement.
    public static func write(_ text: String, to path: String) throws(Diagnostic) {
        try write(to: path, at: nil, length: 1) { sink in sink.write(text) }
    }

    static func write(_ text: String, to path: String, at token: Token) throws(Diagnostic) {
        // The text's own bytes, not a copy made before the file exists.
        try write(to: path, at: token.location, length: token.length) { sink in sink.write(text) }
    }

    /// The same for bytes (a workbook); `iki template --output` has no token: its errors name the path.
    public static func write(_ data: Data, to path: String) throws(Diagnostic) {
        try write(to: path, at: nil, length: 1) { sink in data.withUnsafeBytes(sink.write) }
    }

    /// Bytes handed over a piece at a time (a snapshot: its rows written from where they are
    /// kept, not copied into one buffer first).
    public static func write(to path: String, raw: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(Diagnostic) {
        try write(to: path, at: nil, length: 1) { sink in raw(sink.write) }
    }

    static func write(_ data: Data, to path: String, at token: Token) throws(Diagnostic) {
        try write(to: path, at: token.location, length: token.length) { sink in data.withUnsafeBytes(sink.write) }
    }

    /// A result streamed into the file a piece at a time (`Renderer.pieces`); `pieces` may throw
    /// (Ctrl-C) to abandon the file, which is then removed and the old one left.
    static func write(to path: String, at token: Token, pieces: ((String) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void) throws(Diagnostic) {
        try write(to: path, at: token.location, length: token.length) { sink throws(Diagnostic) in
            try pieces { sink.write($0) }
        }
    }

    /// The temporary file being written: after a failed write the rest is not written.
    final class Sink {
        let fd: Int32
        /// The errno of the first failed write, else 0.
        var failure: Int32 = 0
        init(_ fd: Int32) { self.fd = fd }

        func write(_ raw: UnsafeRawBufferPointer) {
            if failure == 0 { failure = writeAll(fd, raw) }
        }

        func write(_ text: String) {
            if failure == 0 { failure = writeAll(fd, text) }
        }
    }

    /// `bytes` hands the content to the sink, in one or several pieces. It may throw to abandon
    /// the file.
    static func write(to path: String, at location: SourceLocation?, length: Int,
                      bytes: (Sink) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        // The folder a script names by parameter may not exist yet.
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The handlers go in first, and the signals wait while the file is created and its name
        // recorded: a signal in between would leave the file behind.
        TemporaryCleanup.install()
        var slot: Int?
        defer { TemporaryCleanup.forget(slot) }
        let (fd, temporary) = try TemporaryCleanup.holdingSignals { () throws(Diagnostic) in
            let created = try create(beside: url, named: path, at: location, length: length)
            slot = TemporaryCleanup.register(created.1)
            return created
        }
        let sink = Sink(fd)
        do {
            try bytes(sink)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        var failure = sink.failure
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .error(.cannotWriteExport(path, String(cString: strerror(failure)), unchanged: true), at: location, length: length)
        }
        syncFolder(directory)
    }

    /// Writes all of `text` to `fd`; the errno of a failure, else 0.
    static func writeAll(_ fd: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Int32 {
        let bytes = raw.bindMemory(to: UInt8.self)
        var written = 0
        while written < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return 0
    }

    static func create(beside url: URL, named path: String, at token: Token) throws(Diagnostic) -> (Int32, String) {
        try create(beside: url, named: path, at: token.location, length: token.length)
    }

    /// A new file beside `url`, `.NAME.iki-RANDOM.tmp`; another name is tried when one exists.
    static func create(beside url: URL, named path: String, at location: SourceLocation?, length: Int) throws(Diagnostic) -> (Int32, String) {
        let directory = url.deletingLastPathComponent().path
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).iki-\(random).tmp")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { return (fd, temporary) }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw .error(.cannotWriteExport(path, String(cString: strerror(lastError)), unchanged: false), at: location, length: length)
    }

    /// Flushes the folder's entry for the renamed file; a folder that cannot be opened (no read
    /// permission) keeps the rename the file system already made.
    static func syncFolder(_ directory: String) {
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// The temporary files being written (an export's, and the one `set output` fills), removed by
/// SIGINT/SIGTERM before the process ends. The paths are kept as C bytes in fixed slots, so the
/// handler only calls `unlink`, `signal` and `raise`, which are safe in a signal handler.
enum TemporaryCleanup {
    static let slotCount = 2
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
        slots.initialize(repeating: nil, count: slotCount)
        return slots
    }()
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]
    /// How many writers rely on the handlers: the first installs them, the last restores.
    nonisolated(unsafe) static var users = 0

    static func install() {
        users += 1
        guard users == 1 else { return }
        #if os(Linux)
        for sig in [SIGINT, SIGTERM] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            // Only where the signal would end the process: the REPL's SIGINT handler does not.
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                for slot in 0..<TemporaryCleanup.slotCount {
                    if let path = TemporaryCleanup.paths[slot] { unlink(path) }
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
            previous[sig] = current
        }
        #endif
    }

    /// Records a temporary file for the handler; call with the signals held. Nil when every slot
    /// is taken (then the file is not removed by a signal, but still by its writer).
    static func register(_ path: String) -> Int? {
        for slot in 0..<slotCount where paths[slot] == nil {
            paths[slot] = strdup(path)
            return slot
        }
        return nil
    }

    /// Runs `body` with SIGINT and SIGTERM held back; they are delivered when it returns.
    static func holdingSignals<T>(_ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        var held = sigset_t(), old = sigset_t()
        sigemptyset(&held)
        sigaddset(&held, SIGINT)
        sigaddset(&held, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &held, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }

    /// Forgets the file of `slot` (once it is renamed or removed), and the handlers when no
    /// writer needs them any more.
    static func forget(_ slot: Int?) {
        if let slot {
            let old = paths[slot]
            paths[slot] = nil
            free(old)
        }
        users -= 1
        guard users == 0 else { return }
        for (sig, var action) in previous { sigaction(sig, &action, nil) }
        previous = [:]
    }
}
