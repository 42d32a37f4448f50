import Catalogue
import Foundation

/// The progress of a long load or export, drawn on standard error as one line redrawn with `\r`
/// and cleared at the end: files done of all, rows, MB/s and the time left. Only when the work
/// has taken more than a second (quick loads show nothing), only on a terminal, never with
/// `--quiet` (`standardError` decides). A timer redraws it while no file finishes, so a single
/// big file still shows its time.
///
/// The clock and the writer are given, so the decisions and the line are tested without waiting.
public final class ProgressLine: ProgressObserver, @unchecked Sendable {
    /// Nothing is drawn before the work has taken this long.
    public static let delay = 1.0
    /// Redraws at most this often.
    static let interval = 0.25

    private let lock = NSLock()
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let columns: @Sendable () -> Int?
    private let language: Language
    private var started: Double?
    /// When the current work (catalogues, then realisations) began: its speed and time left are
    /// its own, not diluted by the work before it.
    private var workStarted: Double?
    private var latest: WorkProgress?
    private var drawnAt: Double?
    private var timer: DispatchSourceTimer?

    public init(language: Language, clock: @escaping @Sendable () -> Double, columns: @escaping @Sendable () -> Int? = { nil },
                write: @escaping @Sendable (String) -> Void) {
        self.language = language
        self.clock = clock
        self.columns = columns
        self.write = write
    }

    /// The line for standard error, or nil when it is not a terminal or `quiet` was asked for.
    public static func standardError(quiet: Bool, language: Language) -> ProgressLine? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ProgressLine(language: language, clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                                columns: { TerminalSize.of(STDERR_FILENO)?.columns }, write: { StandardStreams.writeError($0) })
        line.ticking = true
        return line
    }

    /// Whether a timer redraws the line (standard error's line; tests call `tick` themselves).
    private var ticking = false

    public func started(_ progress: WorkProgress) {
        lock.withLock {
            // A load goes from catalogues to realisations: one line, timed from the first.
            let now = clock()
            if started == nil { started = now }
            workStarted = now
            latest = progress
        }
        if ticking { startTimer() }
    }

    public func update(_ progress: WorkProgress) {
        lock.withLock { latest = progress }
        tick()
    }

    /// Draws the line if it is due: the work has run past `delay` and the last drawing is at
    /// least `interval` old.
    public func tick() {
        let text: String? = lock.withLock {
            guard let started, let latest else { return nil }
            let now = clock()
            guard Self.due(elapsed: now - started, sinceDrawn: drawnAt.map { now - $0 }) else { return nil }
            drawnAt = now
            let elapsed = now - (workStarted ?? started)
            var line = Language.$current.withValue(language) { Self.render(latest, elapsed: elapsed) }
            // One line only: a line that wraps cannot be redrawn with \r.
            if let width = columns(), width > 1, line.count >= width { line = String(line.prefix(width - 1)) }
            return "\r" + line + "\u{1B}[K"
        }
        if let text { write(text) }
    }

    /// The decision, apart: draw once the work is past `delay`, then every `interval`.
    static func due(elapsed: Double, sinceDrawn: Double?) -> Bool {
        guard elapsed >= delay else { return false }
        return sinceDrawn.map { $0 >= interval } ?? true
    }

    public func finish() {
        timer?.cancel()
        timer = nil
        let shown: Bool = lock.withLock {
            defer { started = nil; workStarted = nil; latest = nil; drawnAt = nil }
            return drawnAt != nil
        }
        // The line goes; what follows starts at the left margin.
        if shown { write("\r\u{1B}[K") }
    }

    private func startTimer() {
        guard timer == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + Self.delay, repeating: Self.interval)
        timer.setEventHandler { [weak self] in self?.tick() }
        self.timer = timer
        timer.resume()
    }

    /// The line: what is done, the speed and the time left when they can be told.
    static func render(_ progress: WorkProgress, elapsed: Double) -> String {
        let count = { (n: Int) in grouped(n) }
        var parts: [String]
        switch progress.work {
        case .catalogues:
            parts = [Message.progressCatalogues(done: count(progress.filesDone), total: count(progress.filesTotal), indicators: count(progress.rows)).text]
        case .realisations:
            parts = [Message.progressRealisations(done: count(progress.filesDone), total: count(progress.filesTotal), rows: count(progress.rows)).text]
        case .export(let file):
            parts = [Message.progressExport(file, rows: count(progress.rows)).text]
        }
        if progress.bytesDone > 0 && elapsed > 0 {
            parts.append(Message.progressSpeed(decimal(Double(progress.bytesDone) / 1_000_000 / elapsed)).text)
        }
        if progress.bytesTotal > 0 && progress.bytesDone > 0 && progress.bytesDone < progress.bytesTotal {
            let left = elapsed * Double(progress.bytesTotal - progress.bytesDone) / Double(progress.bytesDone)
            parts.append(Message.progressTimeLeft(String(Int(left.rounded(.up)))).text)
        } else {
            parts.append(Message.progressElapsed(String(Int(elapsed))).text)
        }
        return parts.joined(separator: ", ")
    }

    /// 1,234,567 in English, 1.234.567 in Indonesian.
    static func grouped(_ n: Int) -> String {
        let separator: Character = Language.current == .indonesian ? "." : ","
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(separator, at: i)
            i -= 3
        }
        return String(digits)
    }

    /// One decimal: 45.2 in English, 45,2 in Indonesian.
    static func decimal(_ x: Double) -> String {
        let text = printfDecimals(x, 1)
        return Language.current == .indonesian ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
