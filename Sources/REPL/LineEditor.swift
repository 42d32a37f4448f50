import Catalogue
import CEditLine
import Foundation
import Query

/// Line editing on libedit's native API: a prompt, emacs key bindings, history kept in a file,
/// Tab completion through `completer`, and Ctrl-C that abandons the line.
///
/// Ctrl-C: left as a signal, SIGINT reaches libedit's handler (EL_SIGNAL), which puts the terminal
/// in cooked mode and sends the signal again to the whole process group; the terminal drops the
/// keys typed ahead, and the line is left half drawn. Instead ISIG is off while libedit edits (the
/// terminal gets its own settings back, signals included, when `el_gets` returns, so Ctrl-C still
/// interrupts a running statement) and Ctrl-C is a key bound to `interrupt`, which ends the line
/// and marks it abandoned. Ctrl-Z and Ctrl-\ do nothing at the prompt for the same reason.
public final class LineEditor {
    public enum Result: Equatable, Sendable {
        case line(String)
        case interrupt
        case eof
        /// A bracketed paste ended on an empty line (its last line had its newline): the lines
        /// it gave are all read.
        case pasteEnded
    }

    /// Given the text before the cursor, the candidate replacements for its last word (see
    /// `wordStart`). One candidate is inserted, followed by a space unless it ends in `/` or `(`;
    /// several insert their common prefix, and a second Tab lists them.
    public var completer: ((String) -> [String])?

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    /// The prompt libedit draws: it keeps the pointer between calls, so we own a C copy.
    private var prompt: UnsafeMutablePointer<CChar>
    private var interrupted = false
    /// Inside a bracketed paste: between the terminal's `ESC [200~` and `ESC [201~`.
    private var pasting = false
    private var pasteEnded = false
    /// The text before the cursor at the last Tab that could not complete further: a second Tab
    /// at the same place lists the candidates.
    private var stuckAt: String?

    public init(historyFile: String?, historyLimit: Int = 1000) {
        Self.useUTF8Locale()
        self.historyFile = historyFile
        prompt = strdup("")
        // libedit keeps the program name (it reads ~/.editrc sections by it): never freed.
        editLine = iki_el_init(strdup("iki"))
        history = history_init()
        iki_history_setsize(history, Int32(clamping: max(1, historyLimit)))
        iki_history_setunique(history, 1)
        if let historyFile, FileManager.default.fileExists(atPath: historyFile) {
            iki_history_load(history, historyFile)
        }
        iki_el_set_history(editLine, history)
        iki_el_set_editor(editLine, "emacs")
        // libedit's own handlers keep the screen right on SIGWINCH and SIGCONT.
        iki_el_set_signal(editLine, 1)
        iki_el_keys_not_signals(editLine)
        iki_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        iki_el_set_prompt(editLine) { el in
            LineEditor.owning(el)?.prompt
        }
        iki_el_add_function(editLine, "iki-complete", "complete the word before the cursor") { el, _ in
            LineEditor.owning(el)?.complete() ?? UInt8(CC_ERROR)
        }
        iki_el_add_function(editLine, "iki-interrupt", "abandon the line") { el, _ in
            LineEditor.owning(el)?.interrupt() ?? UInt8(CC_ERROR)
        }
        iki_el_add_function(editLine, "iki-paste-start", "a bracketed paste begins") { el, _ in
            LineEditor.owning(el)?.pasteStart() ?? UInt8(CC_ERROR)
        }
        iki_el_add_function(editLine, "iki-paste-end", "a bracketed paste ends") { el, _ in
            LineEditor.owning(el)?.pasteEnd() ?? UInt8(CC_ERROR)
        }
        iki_el_bind(editLine, "\\e[200~", "iki-paste-start")
        iki_el_bind(editLine, "\\e[201~", "iki-paste-end")
        iki_el_bind(editLine, "^I", "iki-complete")
        iki_el_bind(editLine, "^C", "iki-interrupt")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(prompt)
    }

    /// The editor an EditLine callback belongs to.
    private static func owning(_ el: OpaquePointer?) -> LineEditor? {
        guard let el, let data = iki_el_get_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// libedit decodes keys by the C locale: without a UTF-8 one (LANG unset, as under tmux
    /// or cron) anything beyond ASCII would be garbled.
    private static func useUTF8Locale() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    public func readLine(prompt text: String) -> Result {
        free(prompt)
        prompt = strdup(text)
        interrupted = false
        pasteEnded = false
        stuckAt = nil
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if interrupted { return .interrupt }
        if pasteEnded { return .pasteEnded }
        guard let line, count > 0 else {
            // A signal from outside (kill -INT) while editing: like Ctrl-C, not the end; the
            // cursor is still on the abandoned line.
            if count < 0 && errno == EINTR {
                fputs("\n", iki_stdout())
                fflush(iki_stdout())
                return .interrupt
            }
            return .eof
        }
        var result = String(cString: line)
        if result.hasSuffix("\n") { result.removeLast() }
        return .line(result)
    }

    /// Whether more input is already there: inside a bracketed paste, or lines waiting to be
    /// read (a paste in a terminal without bracketed paste, keys typed ahead).
    public var moreInputWaiting: Bool {
        if pasting { return true }
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) == 1 && fd.revents & Int16(POLLIN) != 0
    }

    /// Asks the terminal to mark pastes (`ESC [?2004h`), so a pasted block is known as one even
    /// when it arrives slowly; `false` asks it to stop, before the program ends.
    public static func bracketedPaste(_ on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", iki_stdout())
        fflush(iki_stdout())
    }

    /// Adds `entry` to the history (not twice in a row), and saves the history file.
    public func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        if let last = iki_history_first(history), String(cString: last) == entry { return }
        iki_history_enter(history, entry)
        guard let historyFile else { return }
        let folder = (historyFile as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        // A history that cannot be written is not worth an error in the middle of work.
        iki_history_save(history, historyFile)
    }

    /// Where the word Tab completes starts in `text`: at an unclosed quote (unit names and file
    /// names have spaces), else after the last space or punctuation; `-` stays in (codes).
    public static func wordStart(in text: String) -> String.Index {
        let tokens = Lexer.scan(text, file: "<input>").tokens
        // The lexer knows strings (doubled quotes, quotes in comments): an open one is the word.
        if let open = tokens.last(where: { $0.problem?.id == Message.unterminatedString("\"").id }), let range = open.range {
            return range.lowerBound
        }
        // Words are cut by characters, not tokens: `2026-1` and `SDIN-` are one word being typed.
        var start = tokens.last { $0.kind == .string }?.range?.upperBound ?? text.startIndex
        var i = start
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if c.isWhitespace || "(),=<>!;+*".contains(c) { start = i }
        }
        return start
    }

    // MARK: - Key functions (called by libedit while it edits)

    private func interrupt() -> UInt8 {
        interrupted = true
        // Show "^C" at the end of the line, then end it with a newline of libedit's own, so the
        // cursor is below what was typed whatever its position was.
        if let info = el_wline(editLine)?.pointee {
            _ = el_cursor(editLine, Int32(info.lastchar - info.cursor))
        }
        _ = el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    private func pasteStart() -> UInt8 {
        pasting = true
        return UInt8(CC_NORM)
    }

    /// The end of a paste: on an empty line (the paste's last line was ended) the paste is all
    /// read, so `el_gets` returns at once; on a line with text (the last line without its newline)
    /// the user finishes it and presses Enter.
    private func pasteEnd() -> UInt8 {
        pasting = false
        if let info = el_wline(editLine)?.pointee, info.lastchar == info.buffer {
            pasteEnded = true
            return UInt8(CC_NEWLINE)
        }
        return UInt8(CC_NORM)
    }

    private func complete() -> UInt8 {
        guard let completer, let info = el_wline(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let before = String(String.UnicodeScalarView(
            UnsafeBufferPointer(start: buffer, count: cursor - buffer).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        let word = before[Self.wordStart(in: before)...]
        let candidates = completer(before)
        guard let first = candidates.first else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            let ending = first.hasSuffix("/") || first.hasSuffix("(") ? "" : " "
            replace(word, with: first + ending)
            return UInt8(CC_REFRESH)
        }
        let prefix = Self.commonPrefix(candidates)
        if prefix.count > word.count || (prefix.count == word.count && prefix != word && !prefix.isEmpty) {
            replace(word, with: prefix)
            stuckAt = String(before.dropLast(word.count)) + prefix
            return UInt8(CC_REFRESH)
        }
        if stuckAt != before {
            stuckAt = before
            return UInt8(CC_REFRESH_BEEP)
        }
        list(candidates)
        return UInt8(CC_REDISPLAY)
    }

    private func replace(_ word: Substring, with text: String) {
        el_deletestr(editLine, Int32(word.unicodeScalars.count))
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        _ = el_winsertstr(editLine, &wide)
    }

    /// The longest prefix common to all, compared case-insensitively, spelled as the first one.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let w = Array(word)
            var n = 0
            while n < min(prefix.count, w.count), prefix[n].lowercased() == w[n].lowercased() { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    /// Prints the candidates in columns under the line; libedit then redraws prompt and line.
    private func list(_ candidates: [String]) {
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / cell)
        let rows = (candidates.count + columns - 1) / columns
        let candidates = candidates.sorted { $0.lowercased() < $1.lowercased() }
        var text = "\n"
        for row in 0..<rows {
            var line = ""
            // Down the columns first, as ls does.
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let item = candidates[index]
                line += index + rows < candidates.count ? item.padding(toLength: cell, withPad: " ", startingAt: 0) : item
            }
            text += line + "\n"
        }
        fputs(text, iki_stdout())
        fflush(iki_stdout())
    }
}
