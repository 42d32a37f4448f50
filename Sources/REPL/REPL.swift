import Catalogue
import Foundation
import Query
import Shell

/// The interactive shell: reads statements line by line (continuing while `MultiLine` says a
/// statement is unfinished), runs them in the session, keeps them in the history.
public enum REPL {
    public static let prompt = "iki> "
    public static let continuation = "  -> "

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
        defer {
            signal(SIGINT, previous)
            editor.completer = nil
        }

        var pending: [String] = []
        // Completion sees the lines already given for this statement too.
        editor.completer = { before in
            Completion.candidates((pending + [before]).joined(separator: "\n"), dataset: session.dataset)
        }
        while !session.quitRequested {
            switch editor.readLine(prompt: pending.isEmpty ? prompt : continuation) {
            case .eof:
                // libedit leaves the cursor after the prompt.
                write("\n")
                return
            case .interrupt:
                pending = []
            case .line(let line):
                if pending.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
                pending.append(line)
                let text = pending.joined(separator: "\n")
                guard MultiLine.isComplete(text) else { continue }
                editor.remember(historyEntry(pending))
                pending = []
                Interrupt.pending = false
                // The session reports its own errors; nothing it does ends the shell but `quit`.
                _ = session.run(text, file: "<input>")
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
