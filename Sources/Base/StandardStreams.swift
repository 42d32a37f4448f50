#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error with every failure handled: Foundation's
/// `FileHandle.write` traps on a failed write (a full disk, `> /dev/full`), and `print` loses the
/// error, so a command would exit 0 with its output lost.
///
/// - A closed pipe (EPIPE: `iki ... | head -1`) ends the program quietly, as SIGPIPE does when it
///   is not ignored.
/// - Any other failure of standard output prints one line on standard error and exits 1.
/// - A failure of standard error itself is ignored: there is nowhere left to say it.
public enum StandardStreams {
    public static func writeOutput(_ text: String) {
        if let failure = write(text, to: 1) { outputFailed(failure) }
    }

    public static func writeError(_ text: String) {
        _ = write(text, to: 2)
    }

    /// Writes all of `text` to `fd`; the errno of a failure, nil on success.
    public static func write(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var written = 0
            while written < bytes.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                #else
                let n = Darwin.write(fd, bytes.baseAddress! + written, bytes.count - written)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
    }

    /// What a failed write to standard output does: quiet for a closed pipe, one line and exit 1
    /// for anything else.
    public static func outputFailed(_ failure: Int32) -> Never {
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        writeError("iki: cannot write to standard output: \(String(cString: strerror(failure)))\n")
        exit(1)
    }
}
