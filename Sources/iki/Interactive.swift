import REPL
import Shell

/// A terminal with no queries or scripts given: the interactive shell.
func runInteractive(_ session: Session) {
    REPL.run(session: session, editor: LineEditor(historyFile: HistoryLocation.file(environment: Iki.environment)))
}
