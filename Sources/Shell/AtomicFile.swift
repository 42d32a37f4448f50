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
        try write(text, to: path, at: nil)
    }

    static func diagnostic(_ message: Message, at token: Token?) -> Diagnostic {
        token.map { .error(message, at: $0) } ?? .error(message.text)
    }

    static func write(_ text: String, to path: String, at token: Token?) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        // The folder a script names by parameter may not exist yet.
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The handlers go in first, and the signals wait while the file is created and its name
        // recorded: a signal in between would leave the file behind.
        TemporaryCleanup.install()
        defer { TemporaryCleanup.forget() }
        let (fd, temporary) = try TemporaryCleanup.holdingSignals { () throws(Diagnostic) in
            let created = try create(beside: url, named: path, at: token)
            TemporaryCleanup.path = strdup(created.1)
            return created
        }
        var failure: Int32 = 0
        var text = text
        text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw diagnostic(.cannotWriteExport(path, String(cString: strerror(failure)), unchanged: true), at: token)
        }
        syncFolder(directory)
    }

    /// A new file beside `url`, `.NAME.iki-RANDOM.tmp`; another name is tried when one exists.
    static func create(beside url: URL, named path: String, at token: Token?) throws(Diagnostic) -> (Int32, String) {
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
        throw diagnostic(.cannotWriteExport(path, String(cString: strerror(lastError)), unchanged: false), at: token)
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

/// The temporary file being written, removed by SIGINT/SIGTERM before the process ends. The path
/// is kept as C bytes, so the handler only calls `unlink`, `signal` and `raise`, which are safe in
/// a signal handler.
enum TemporaryCleanup {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]

    static func install() {
        #if os(Linux)
        for sig in [SIGINT, SIGTERM] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            // Only where the signal would end the process: the REPL's SIGINT handler does not.
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if let path = TemporaryCleanup.path { unlink(path) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
            previous[sig] = current
        }
        #endif
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

    static func forget() {
        for (sig, var action) in previous { sigaction(sig, &action, nil) }
        previous = [:]
        let old = path
        path = nil
        free(old)
    }
}
