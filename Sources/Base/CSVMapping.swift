import Foundation

// A CSV file's bytes, mapped: a regular file is mapped read-only and private, so the reader of
// a big file can let the pages it has read go (`forEachRecord(releasing:)`) and the process
// does not hold the whole file while it builds rows from it.

extension CSVReader {
    /// Calls `body` with a file's bytes; the error names the likely cause.
    public static func withContents<R>(
        ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(Diagnostic) -> R
    ) throws(Diagnostic) -> R {
        try withMappedContents(ofFile: path) { bytes, _ throws(Diagnostic) in try body(bytes) }
    }

    /// As `withContents`, and `releasing` is the step for `forEachRecord(releasing:)` when the
    /// bytes are a mapping it may let go, nil when they are not (a pipe, an empty file: read).
    public static func withMappedContents<R>(
        ofFile path: String, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ releasing: Int?) throws(Diagnostic) -> R
    ) throws(Diagnostic) -> R {
        let fd = open(path, O_RDONLY)
        var info = stat()
        if fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
           let map = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), map != UnsafeMutableRawPointer(bitPattern: -1) {
            close(fd)
            defer { munmap(map, Int(info.st_size)) }
            return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size)), releaseStep)
        }
        if fd >= 0 { close(fd) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic.error(.cannotReadFile(path, reason: unreadableReason(path)))
        }
        return try data.withUnsafeBytes { raw in
            Result { () throws(Diagnostic) in try body(raw.bindMemory(to: UInt8.self), nil) }
        }.get()
    }

    /// Pages are let go 8 MB at a time: few calls, and little of a file resident at once.
    static let releaseStep = 8 << 20
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Foundation's own messages differ between platforms and are long; say the likely cause.
    static func unreadableReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "read error"
    }
}
