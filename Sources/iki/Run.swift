import ArgumentParser
import Catalogue
import Foundation
import Query
import Render
import Shell

extension OutputFormat: ExpressibleByArgument {}

/// `iki [-c QUERY]... [SCRIPT]...`: run queries and scripts over the data.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run queries (-c) and scripts; with neither, read statements from standard input.",
        discussion: """
        Example: iki -c 'show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%'
        Exit status: 0 on success, 1 when a statement fails, 2 for bad invocation or unreadable input.
        """
    )

    @Option(name: .short, help: ArgumentHelp("A query to run; statements separated by ';'. Repeatable.", valueName: "query"))
    var command: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: \(Vocabulary.choices(OutputFormat.names))."))
    var format: OutputFormat = .auto

    @Option(name: .long, help: ArgumentHelp("Fit tables to this many columns (text wrapped, never cut); 0 for no limit. Default: the terminal's width on a terminal, no limit in a pipe.", valueName: "columns"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("A typed parameter for $name in queries, e.g. --param period=2026-10. Repeatable.", valueName: "name=value"))
    var param: [String] = []

    @Flag(name: .long, help: "After a failing statement, report it and go on; the exit status is still 1.")
    var keepGoing = false

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("Scripts to run after the -c queries; '-' reads standard input.", valueName: "script"))
    var scripts: [String] = []

    func run() throws {
        var parameters: [String: Value] = [:]
        for p in param {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError(Message.parameterNotNameValue(p).text)
            }
            parameters[String(p[..<eq])] = typedParameter(String(p[p.index(after: eq)...]))
        }
        if let width, width < 0 || width > 10_000 { throw ValidationError(Message.expectedWidthOption(width).text) }
        let sources = try data.sources()
        let (dataset, diagnostics) = Dataset.load(sources)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            report(errors)
            printError(Message.dataHasErrors(errors.count).text)
            throw ExitCode(2)
        }
        if !diagnostics.isEmpty {
            printError(Message.dataHasWarnings(diagnostics.count).text)
        }
        var inputs: [(text: String, file: String)] = command.map { ($0, "<query>") }
        for script in scripts {
            if script == "-" {
                inputs.append((readAll(FileHandle.standardInput), "<stdin>"))
            } else {
                guard let data = FileManager.default.contents(atPath: script), let text = String(data: data, encoding: .utf8) else {
                    printError(Message.cannotReadScript(script).text)
                    throw ExitCode(2)
                }
                inputs.append((text, script))
            }
        }
        let interactive = inputs.isEmpty && isatty(STDIN_FILENO) == 1
        let colour = format.row.forPeople && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let options = RenderOptions(format: format, decimalComma: data.decimalComma, colour: colour)
        let session = Session(dataset: dataset, sources: sources, options: options, parameters: parameters, keepGoing: keepGoing)
        session.width = width.flatMap { $0 == 0 ? nil : $0 }
        session.followsTerminal = width == nil && isatty(STDOUT_FILENO) == 1
        if interactive {
            runInteractive(session)
            return
        }
        if inputs.isEmpty { inputs.append((readAll(FileHandle.standardInput), "<stdin>")) }
        var failed = false
        for input in inputs {
            if !session.run(input.text, file: input.file) {
                failed = true
                if !keepGoing { break }
            }
            if session.quitRequested { break }
        }
        if failed { throw ExitCode(1) }
    }

    func readAll(_ handle: FileHandle) -> String {
        String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// `--param` values are typed: a period (2026-10), a number (80), else text. Never pasted into the query.
func typedParameter(_ text: String) -> Value {
    if text.contains("-") || text.lowercased().hasPrefix("tw") || text.lowercased().hasPrefix("semester") || text.lowercased().hasPrefix("triwulan"),
       let p = Period(parsing: text) { return .period(p) }
    if let n = NumberFormat().parse(text) { return .number(n) }
    return .text(text)
}

func printError(_ text: String) {
    StandardStreams.writeError(text + "\n")
}
