import Catalogue
import Foundation
import Query

/// The file `set output` sends results to, written whole or not at all as an export is: results
/// go to a temporary file beside it (random name, `O_EXCL | O_NOFOLLOW`), which replaces the file
/// when output goes elsewhere or the session ends. A symlink at the file's name is replaced, never
/// followed, so nothing is truncated through it; a failed write (a full disk) removes the
/// temporary file and leaves the old file as it was, with an error at the `set output`.
final class OutputFile {
    let path: String
    /// The file name in the `set output` statement, where errors point.
    let token: Token
    /// Open while results are written; replaced by a test to make writes fail.
    var fd: Int32
    let temporary: String
    private var slot: Int?
    private var open = true

    init(path: String, at token: Token) throws(Diagnostic) {
        self.path = path
        self.token = token
        TemporaryCleanup.install()
        var slot: Int?
        do {
            (fd, temporary) = try TemporaryCleanup.holdingSignals { () throws(Diagnostic) in
                let created = try AtomicFile.create(beside: URL(fileURLWithPath: path), named: path, at: token)
                slot = TemporaryCleanup.register(created.1)
                return created
            }
        } catch {
            TemporaryCleanup.forget(slot)
            throw error
        }
        self.slot = slot
    }

    /// Appends a result; on failure the file is abandoned (the old one stays) and the error, with
    /// no place of its own, is put at the statement whose result it was.
    func append(_ text: String) throws(Diagnostic) {
        let failure = AtomicFile.writeAll(fd, text)
        if failure != 0 {
            var error = abandon(failure)
            error.location = nil
            throw error
        }
    }

    /// Flushes the results and puts them in place of the file.
    func commit() throws(Diagnostic) {
        guard open else { return }
        var failure: Int32 = 0
        if fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        fd = -1
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 { throw abandon(failure) }
        open = false
        TemporaryCleanup.forget(slot)
        AtomicFile.syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Removes the temporary file; the error to report for `failure`.
    @discardableResult
    func abandon(_ failure: Int32 = 0) -> Diagnostic {
        if open {
            if fd >= 0 { close(fd) }
            unlink(temporary)
            open = false
            TemporaryCleanup.forget(slot)
        }
        return .error(.cannotWriteExport(path, String(cString: strerror(failure)), unchanged: true), at: token,
                      notes: [.outputBackToStandardOutput])
    }

    deinit { if open { abandon() } }
}
