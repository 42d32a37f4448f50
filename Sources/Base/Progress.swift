import Foundation

/// How far a long piece of work has come: files of a load (catalogues or realisations), or an
/// export. The loaders count; what is shown, and where, is the front end's (REPL/ProgressLine.swift),
/// so no loader knows about terminals.
public struct WorkProgress: Sendable, Equatable {
    public enum Work: Sendable, Equatable {
        case catalogues
        case realisations
        /// An export to the named file.
        case export(String)
    }

    public var work: Work
    public var filesDone = 0
    public var filesTotal: Int
    /// Rows read (indicators for catalogues), or rows exported.
    public var rows = 0
    public var bytesDone = 0
    /// The bytes of every file of the load; 0 when not known (an export).
    public var bytesTotal: Int

    public init(work: Work, filesTotal: Int, bytesTotal: Int) {
        self.work = work
        self.filesTotal = filesTotal
        self.bytesTotal = bytesTotal
    }
}

/// What receives the counts (a progress line on a terminal). Called from any thread.
public protocol ProgressObserver: AnyObject, Sendable {
    func started(_ progress: WorkProgress)
    func update(_ progress: WorkProgress)
    /// The work is over (done, failed or interrupted): whatever was shown goes.
    func finish()
}

/// The counter the loaders call as files finish, on several threads at once; it passes each new
/// count to its observer.
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var state: WorkProgress?
    private let observer: ProgressObserver

    public init(_ observer: ProgressObserver) {
        self.observer = observer
    }

    public func begin(_ work: WorkProgress.Work, files: Int, bytes: Int) {
        let progress = WorkProgress(work: work, filesTotal: files, bytesTotal: bytes)
        lock.withLock { state = progress }
        observer.started(progress)
    }

    /// One file (of the current work) done: its bytes and rows.
    public func fileDone(bytes: Int, rows: Int) {
        add(files: 1, bytes: bytes, rows: rows)
    }

    public func add(files: Int = 0, bytes: Int = 0, rows: Int = 0) {
        let progress: WorkProgress? = lock.withLock {
            state?.filesDone += files
            state?.bytesDone += bytes
            state?.rows += rows
            return state
        }
        if let progress { observer.update(progress) }
    }

    public func finish() {
        lock.withLock { state = nil }
        observer.finish()
    }

    /// The size of the file at `path` in bytes (a link's target's); 0 when it cannot be read.
    /// One `stat`: `FileManager.attributesOfItem` also looked up the owner's and group's names
    /// (reading /etc/passwd and /etc/group, asking nscd) and the extended attributes, for each
    /// of 3,600 files of a province on the loading thread.
    public static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// One file's share of a load's progress, told part way through (every few thousand records), so
/// that a single big file moves the line; `finish` tells the rest and counts the file done. What
/// was already told is remembered, so nothing is counted twice. Used by the one thread reading
/// the file.
public final class FileProgress: @unchecked Sendable {
    public let reporter: ProgressReporter
    private var toldBytes = 0
    private var toldRows = 0

    public init(_ reporter: ProgressReporter) {
        self.reporter = reporter
    }

    /// `bytes` of the file read so far, making `rows` rows.
    public func tell(bytes: Int, rows: Int) { tell(files: 0, bytes: bytes, rows: rows) }

    /// The file is done: its whole size and the rows it made.
    public func finish(bytes: Int, rows: Int) { tell(files: 1, bytes: bytes, rows: rows) }

    /// Only what is new since the last call goes to the reporter.
    private func tell(files: Int, bytes: Int, rows: Int) {
        reporter.add(files: files, bytes: bytes - toldBytes, rows: rows - toldRows)
        toldBytes = bytes
        toldRows = rows
    }
}
