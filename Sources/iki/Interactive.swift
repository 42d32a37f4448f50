import Shell

/// Without the REPL module, a terminal gets the same plain reading of standard input as a pipe.
func runInteractive(_ session: Session) {
    var text = ""
    while let line = readLine(strippingNewline: false) { text += line }
    session.run(text, file: "<stdin>")
}
