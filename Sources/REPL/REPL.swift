import Catalogue
import Foundation
import Query
import Shell

/// The interactive shell: reads lines into a `StatementBuffer`, which says when a statement is
/// whole, runs them in the session, keeps them in the history.
public enum REPL {
    public static let prompt = "iki> "

    public static func run(session: Session, editor: LineEditor) {
        write(session.banner() + "\n")
        // Ctrl-C while a statement runs asks the session to stop after the current one instead of
        // ending the program. (While a line is edited, Ctrl-C is a key: see LineEditor.)
        Interrupt.pending = false
        let previous = signal(SIGINT) { _ in Interrupt.pending = true }
        // A parent may have left SIGINT blocked (signal masks are inherited).
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        LineEditor.bracketedPaste(true)
        defer {
            LineEditor.bracketedPaste(false)
            signal(SIGINT, previous)
            editor.completer = nil
        }

        var buffer = StatementBuffer()
        // Completion sees the lines already given for this statement too.
        editor.completer = { before in
            Completion.candidates((buffer.lines + [before]).joined(separator: "\n"), dataset: session.dataset)
        }
        func run(_ text: String) {
            editor.remember(historyEntry(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
            Interrupt.pending = false
            // The session reports its own errors; nothing it does ends the shell but `quit`.
            _ = session.run(text, file: "<input>")
        }
        while !session.quitRequested {
            switch editor.readLine(prompt: buffer.isEmpty ? prompt : buffer.prompt) {
            case .eof:
                // libedit leaves the cursor after the prompt.
                write("\n")
                // As at the end of a script: what is pending runs (or says what it lacks).
                if !buffer.isEmpty { run(buffer.text) }
                return
            case .interrupt:
                buffer.clear()
            case .pasteEnded:
                // The paste ended with its last line: the empty prompt drawn after it goes.
                write("\r\u{1B}[K")
                if let text = buffer.endBatch() { run(text) }
            case .line(let line):
                // `.quit`, `\q`, `.mode csv`: habits from sqlite3 and psql, answered in iki's words.
                if buffer.isEmpty, let meta = MetaCommand.translate(line, format: session.options.format) {
                    StandardStreams.writeError(meta.note.text + "\n")
                    if let statement = meta.statement { run(statement) }
                    continue
                }
                buffer.add(line)
                // A paste arrives as lines already waiting: it runs once it is all read.
                if editor.moreInputWaiting { continue }
                if let text = buffer.endBatch() { run(text) }
            }
        }
    }

    /// A statement typed over several lines as one history line: comments ending a line are
    /// dropped, or they would swallow the lines joined after them.
    static func historyEntry(_ lines: [String]) -> String {
        lines.enumerated().map { index, line in
            var kept = Substring(line)
            if index < lines.count - 1, let comment = commentStart(line) { kept = line[..<comment] }
            return kept.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Where a `--` comment starts in `line`, outside strings.
    static func commentStart(_ line: String) -> String.Index? {
        Lexer.scan(line, file: "<input>").trailingComment
    }

    static func write(_ text: String) {
        StandardStreams.writeOutput(text)
    }
}
