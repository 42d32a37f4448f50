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

    @Flag(name: .long, help: "Shortcut for --format csv.") var csv = false
    @Flag(name: .long, help: "Shortcut for --format json.") var json = false
    @Flag(name: .long, help: "Shortcut for --format markdown.") var markdown = false

    @Option(name: .customShort("f"), help: ArgumentHelp("A script to run (as psql and DuckDB); repeatable, before the script arguments.", valueName: "file"))
    var file: [String] = []

    @Option(name: .customShort("o"), help: ArgumentHelp("Write the results to this file, whole or not at all (nothing when a statement fails).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A typed parameter for $name in queries, e.g. --param period=2026-10. Repeatable.", valueName: "name=value"))
    var param: [String] = []

    @Flag(name: .long, help: "After a failing statement, report it and go on; the exit status is still 1.")
    var keepGoing = false

    @Option(name: .long, help: ArgumentHelp(Message.languageOptionHelp.english, valueName: "id|en"))
    var lang: String?
    @Flag(name: .long, help: "Stop before running anything when the data has errors (exit 2); by default the rows with errors are listed and left out.")
    var strict = false

    @Flag(name: .long, help: "Safe mode, for scripts you did not write (as sqlite3's -safe; also IKI_SAFE=1): load and set output to a file are refused, export writes only into --export-dir.")
    var safe = false

    @Option(name: .long, help: ArgumentHelp("In safe mode, the folder exports go into; their names must stay inside it.", valueName: "dir"))
    var exportDir: String?

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("Scripts to run after the -c queries; '-' reads standard input.", valueName: "script"))
    var scripts: [String] = []

    /// Everything runs in the chosen language: `--lang`, else the locale's.
    func run() throws {
        let config = try data.config()
        let language = try chosenLanguage(config)
        try Language.$current.withValue(language) { try run(in: language, config: config) }
    }

    /// `--lang`, else the configuration file's, else the locale's.
    func chosenLanguage(_ config: ConfigFile? = nil) throws -> Language {
        guard let lang else { return config?.language ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
        guard let chosen = Vocabulary.languageWords[lang.lowercased()] else {
            throw ValidationError(Message.unknownLanguage(lang).text)
        }
        return chosen
    }

    func run(in language: Language, config: ConfigFile?) throws {
        // The configuration file fills in what the command line leaves out.
        let data = self.data.configured(config)
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
            // One bad row in a monthly file should not stop the review: the rows with errors are
            // listed and left out, and the rest is loaded.
            report(errors)
            // A file that cannot be read at all is bad input, not a bad row.
            if strict || errors.contains(where: { $0.location == nil }) {
                printError((strict ? Message.dataHasErrorsStrict(errors.count) : Message.dataHasErrors(errors.count)).text)
                throw ExitCode(2)
            }
            printError(Message.dataLoadedWithErrors(errors.count).text)
        } else if !diagnostics.isEmpty {
            printError(Message.dataHasWarnings(diagnostics.count).text)
        }
        var inputs: [(text: String, file: String)] = command.map { ($0, "<query>") }
        for script in file + scripts {
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
        // -o FILE without a format: the file's extension names it, as for export.
        let named = output.flatMap { OutputFormat(extension: ($0 as NSString).pathExtension) }
        let format = csv ? .csv : json ? .json : markdown ? .markdown : self.format == .auto ? named ?? config?.format ?? .auto : self.format
        if format.row.document != nil { throw ValidationError(Message.formatForFilesOnly(format.rawValue).text) }
        let interactive = inputs.isEmpty && isatty(STDIN_FILENO) == 1 && output == nil
        let colour = format.row.forPeople && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && output == nil
        var options = RenderOptions(format: format, decimalComma: data.decimalComma, colour: colour)
        // -o FILE: results are kept and written whole at the end, for people who open the file.
        let collected = Collected()
        options.guardFormulas = output != nil
        let session = output == nil
            ? Session(dataset: dataset, sources: sources, options: options, parameters: parameters, keepGoing: keepGoing, language: language)
            : Session(dataset: dataset, sources: sources, options: options, parameters: parameters, keepGoing: keepGoing, language: language,
                      standardOutput: { collected.text += $0 })
        session.strict = strict
        // The report is in Indonesian unless English was asked for, not merely the locale's.
        if lang != nil || config?.language != nil { session.reportLanguage = language }
        session.reported = Set(diagnostics)
        if safe || SafeMode.requested(by: ProcessInfo.processInfo.environment) {
            session.safeMode = SafeMode(exportDirectory: exportDir)
        } else if exportDir != nil {
            throw ValidationError(Message.exportDirWithoutSafe.text)
        }
        session.width = width.flatMap { $0 == 0 ? nil : $0 }
        session.announceExports = isatty(STDERR_FILENO) == 1
        session.followsTerminal = width == nil && isatty(STDOUT_FILENO) == 1 && output == nil
        if interactive {
            runInteractive(session)
            if !session.finish() { throw ExitCode(1) }
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
        if !session.finish() { failed = true }
        if failed {
            if let output { printError(Message.outputNotWritten(output).text) }
            throw ExitCode(1)
        }
        if let output {
            do {
                try AtomicFile.write(collected.text, to: output)
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }

    /// The results of a run with `-o`, until they are written.
    final class Collected: @unchecked Sendable {
        var text = ""
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
