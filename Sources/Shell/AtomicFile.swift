import Catalogue
import Foundation
import Query

/// Writes a file whole or not at all: a temporary file beside it, flushed to disk, then renamed
/// over the target. A failure (a full disk, say) removes the temporary file and leaves any
/// existing file as it was.
enum AtomicFile {
    static func write(_ text: String, to path: String, at token: Token) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        // The folder a script names by parameter may not exist yet.
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).iki-\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw .error(.cannotWriteExport(path, String(cString: strerror(errno)), unchanged: false), at: token)
        }
        var failure: Int32 = 0
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += n
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .error(.cannotWriteExport(path, String(cString: strerror(failure)), unchanged: true), at: token)
        }
    }
}
