import Catalogue
import Foundation
import Query
import Render

/// One session of statements, the same for the REPL, `-c` and scripts: the loaded data, the
/// settings (`set format`, `set period`, `set output`, `set timer`), exports and help.
public final class Session {
    public private(set) var dataset: Dataset
    public private(set) var sources: Dataset.Sources
    public var options: RenderOptions
    public var parameters: [String: Value]
    /// Keep running the statements after one fails (`--keep-going`); the run still fails.
    public var keepGoing: Bool
    /// `--strict`: a `load` whose files have errors loads nothing (otherwise the rows with errors
    /// are listed and left out, and the rest is loaded).
    public var strict = false
    /// Problems of the data already told (those of the first load included), so a `load` that
    /// reloads every file does not repeat them.
    public var reported: Set<Diagnostic> = []
    public private(set) var quitRequested = false
    /// The period statements without `for` use; nil for the latest with realisations.
    public private(set) var period: Period?
    public private(set) var timer = false
    /// When the data was loaded, for the report (`SOURCE_DATE_EPOCH` fixes it, as reproducible
    /// builds do, so a report made twice from the same data is the same file).
    public private(set) var loadedAt = Session.now()
    /// The language of messages, headers and help (`set language`, `--lang`, the locale).
    public var language: Language
    /// The language of the report's labels: Indonesian, which the office reads, unless English
    /// was asked for (`--lang en`, the configuration file, `set language en`), not by the locale.
    public var reportLanguage: Language = .indonesian
    /// Where results go until `set output stdout`; nil is standard output.
    public var outputPath: String? { output?.path }
    /// The file results go to, put in place when output goes elsewhere or `finish` is called.
    var output: OutputFile?
    /// The width results on standard output fit (`--width`, `set width`); nil for no limit.
    public var width: Int?
    /// Fit results on standard output to the terminal's width, read at each result (on a
    /// terminal, until `--width` or `set width` says otherwise).
    public var followsTerminal = false
    /// Say what each export wrote (`wrote under-80.csv (23 rows)`): on a terminal only, where a
    /// person waits for it; scripts in pipes stay quiet.
    public var announceExports = false
    private var wroteResult = false
    /// `set pager on|off`, `--no-pager`: results taller than the terminal go through `page`.
    public var pagerOn = true
    /// Shows a result on standard output through the pager when it needs one (a terminal, a
    /// result taller than it); true when it did. Set by the command line (REPL/Pager.swift); nil
    /// never pages (tests, pipes).
    public var page: ((String) -> Bool)?
    /// Shows how long loads and exports are getting on (a progress line on a terminal); nil: quiet.
    public var progress: ProgressObserver?
    /// Set by `--safe`: `load` and `set output FILE` refused, exports only into one folder.
    public var safeMode: SafeMode?
    /// Where a `load` statement keeps its data's snapshot (nil: none, as for `--no-cache`).
    public var snapshot: SnapshotPolicy?
    /// Whether Ctrl-C asked to abandon the statement (the REPL's handler sets `Interrupt.pending`).
    public var isInterrupted: () -> Bool = { Interrupt.pending }
    private let standardOutput: (String) -> Void
    let standardError: (String) -> Void

    public init(dataset: Dataset, sources: Dataset.Sources, options: RenderOptions, parameters: [String: Value] = [:], keepGoing: Bool = false,
                language: Language = .english,
                standardOutput: @escaping (String) -> Void = Session.writeStandardOutput,
                standardError: @escaping (String) -> Void = Session.writeStandardError) {
        self.dataset = dataset
        self.sources = sources
        self.options = options
        self.parameters = parameters
        self.keepGoing = keepGoing
        self.language = language
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    public static func writeStandardOutput(_ text: String) {
        StandardStreams.writeOutput(text)
    }

    public static func writeStandardError(_ text: String) {
        StandardStreams.writeError(text)
    }

    /// One line for the REPL's start: office, positions, indicators, latest period.
    public func banner() -> String {
        Language.$current.withValue(language) {
            let c = dataset.catalogue
            let office = [c.metadata.office, c.metadata.region].compactMap { $0 }.joined(separator: ", ")
            // The office's name comes from the catalogue: no escape sequence of its reaches the terminal.
            return Message.banner(office: TerminalText.escaped(office.isEmpty ? c.file : office), positions: c.positions.count, indicators: c.indicators.count,
                                  latest: dataset.realisations.latestPeriod?.description).text
        }
    }

    /// Runs every statement of `text`. Diagnostics go to standard error with the offending line
    /// and a caret; results to standard output or the current output file. Returns false when a
    /// statement failed (the rest are skipped unless `keepGoing`).
    ///
    /// The text is parsed once, a statement at a time as its turn comes (a long script is never
    /// held as tokens whole), every statement with its own diagnostic: those before a syntax
    /// error run, and a syntax error is reported when its statement's turn comes, so `keepGoing`
    /// goes on after one as after any other error.
    ///
    /// Each statement runs in the session's language as it is when its turn comes, so
    /// `set language id` changes the statements after it.
    @discardableResult
    public func run(_ text: String, file: String, line: Int = 1) -> Bool {
        let lines = SourceLines(text)
        var ok = true
        // Read a statement at a time, in the language the script started in (as if read at once).
        var statements = Parser.statements(text, file: file, line: line, formats: OutputFormat.names)
        let parsingLanguage = language
        while let parsed = Language.$current.withValue(parsingLanguage, operation: { statements.next() }) {
            if quitRequested || isInterrupted() { break }
            // withValue rethrows untyped errors: the statement's outcome comes back as a Result.
            let outcome = Language.$current.withValue(language) { () -> Result<Void, Diagnostic> in
                do throws(Diagnostic) {
                    return .success(try execute(try parsed.result.get(), lines: lines))
                } catch {
                    return .failure(error)
                }
            }
            if case .failure(var error) = outcome {
                // An error with no place (a result that could not be written) is the statement's.
                if error.location == nil { error.place(at: parsed.range, in: text, file: file, line: line) }
                standardError(Language.$current.withValue(language) { Self.render(error, lines: lines, file: file) } + "\n")
                ok = false
                if !keepGoing { break }
            }
        }
        return ok
    }

    /// A diagnostic with the offending line and caret when it is about `file` (whose text is
    /// `source`); one about another file (a CSV being loaded) without them.
    static func render(_ diagnostic: Diagnostic, lines: SourceLines, file: String) -> String {
        diagnostic.location?.file == file ? diagnostic.rendered(lines: lines) : diagnostic.description
    }

    func execute(_ statement: Statement, lines: SourceLines) throws(Diagnostic) {
        let started = DispatchTime.now()
        // Statements run while the timer is on are timed: not `set timer on` itself.
        let timing = timer
        switch statement {
        case .query(.explain(let show, _)):
            // The plan as text, whatever the output format: it is read, not processed.
            let plan = try interpreter().plan(show)
            for warning in plan.warnings { standardError(warning.rendered(lines: lines) + "\n") }
            try emit(plan.text)
        case .query(let question):
            let result = try interpreter().run(question)
            for warning in result.warnings { standardError(warning.rendered(lines: lines) + "\n") }
            var shown = options
            // Files get every text whole; standard output fits the terminal or the width asked for.
            shown.width = outputPath != nil ? nil : followsTerminal ? TerminalSize.of(STDOUT_FILENO)?.columns : width
            // Laying out a big table takes a while: Ctrl-C stops it, and nothing is printed.
            nonisolated(unsafe) let interrupted = isInterrupted
            shown.isCancelled = { interrupted() }
            let text = Renderer.render(result, shown)
            if isInterrupted() { throw .error(.interrupted) }
            try emit(text)
        case .command(.export(let show, let rawPath, let format, let token)):
            try export(show, to: rawPath, format: format, at: token, lines: lines)
        case .command(.report(let period, let path, let token)):
            try writeReport(for: period, to: path, at: token)
        case .command(.set(let setting, let token)):
            try apply(setting, at: token)
        case .command(.load(let kind, let path, let token)):
            if safeMode != nil { throw .error(.loadInSafeMode, at: token) }
            try load(kind, path, at: token)
        case .command(.help(let topic, let token)):
            // On a terminal (or with a width) help is wrapped to fit, as results are.
            let text = try Help.text(topic, at: token)
            let columns = outputPath != nil ? nil : followsTerminal ? TerminalSize.of(STDOUT_FILENO)?.columns : width
            try emit(columns.map { Help.fitted(text, width: $0) } ?? text)
        case .command(.quit):
            quitRequested = true
        }
        if timing && timer {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            standardError(Message.elapsed(milliseconds: printfDecimals(ms, 3)).text + "\n")
        }
    }

    /// Evaluations shared by the session's statements; a new one whenever `load` changes the data.
    private var cache = EvaluationCache()

    func interpreter() -> Interpreter {
        var interpreter = Interpreter(dataset: dataset, period: period, parameters: parameters)
        interpreter.isCancelled = isInterrupted
        interpreter.cache = cache
        return interpreter
    }

    /// Writes a result where results go now; a table after another gets a blank line between.
    func emit(_ text: String) throws(Diagnostic) {
        if let output {
            do {
                try output.append(text)
            } catch {
                self.output = nil
                throw error
            }
            return
        }
        // Tables for people are kept apart; data for programs is written as it comes.
        let separator = wroteResult && options.format.row.forPeople ? "\n" : ""
        wroteResult = true
        if pagerOn, let page, page(separator + text) { return }
        // A long result is printed a piece at a time (whole lines), so Ctrl-C stops the printing
        // too; a terminal can take many seconds for a million rows.
        var rest = Substring(separator + text)
        while rest.utf8.count > Self.printChunk {
            if isInterrupted() { throw .error(.interrupted) }
            let cut = rest.utf8.index(rest.utf8.startIndex, offsetBy: Self.printChunk)
            let end = rest[cut...].firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            standardOutput(String(rest[..<end]))
            rest = rest[end...]
        }
        if !rest.isEmpty && text.utf8.count > Self.printChunk && isInterrupted() { throw .error(.interrupted) }
        if !rest.isEmpty { standardOutput(String(rest)) }
    }

    /// How many bytes of a result are printed between two looks at Ctrl-C.
    package static let printChunk = 1 << 16

    /// Puts the `set output` file in place; output goes to standard output again.
    func finishOutput() throws(Diagnostic) {
        guard let output else { return }
        self.output = nil
        options.guardFormulas = false
        try output.commit()
    }

    /// Ends the session's output: the `set output` file, if any, is put in place. False (with the
    /// error on standard error) when it could not be; the old file is then unchanged.
    public func finish() -> Bool {
        do {
            try finishOutput()
            return true
        } catch {
            standardError(error.description + "\n")
            return false
        }
    }

    /// The formats `export` names in its messages: data formats first, the table last.
    static var exportFormats: [OutputFormat] {
        // auto and record have no extension of their own: a file says `format record` to get one.
        let named = OutputFormat.allCases.filter { !$0.row.extensions.isEmpty }
        return named.filter { !$0.row.forPeople } + named.filter(\.row.forPeople)
    }

    static func format(forPath path: String, at token: Token) throws(Diagnostic) -> OutputFormat {
        if let format = OutputFormat(extension: Text.fileExtension(path)) { return format }
        throw .error(.formatFromExtension(path, formats: Self.exportFormats.map(\.rawValue)), at: token)
    }

    /// `$name` in a file name is replaced by the parameter's text, so scripts can write into a
    /// folder given on the command line: `to "$out/under-80.csv"`.
    func expand(_ path: String, at token: Token) throws(Diagnostic) -> String {
        guard path.contains("$") else { return path }
        var out = ""
        var rest = Substring(path)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { out += "$"; continue }
            guard let value = parameters[String(name)] else {
                throw .error(.unknownFileParameter(String(name), path: path), at: token, notes: [.giveParameter(String(name), example: "VALUE")])
            }
            // A number too big to write without an exponent (--param out=1e20) names no file anyone meant.
            if case .number(let n) = value, numberLiteral(n).contains("e") {
                throw .error(.numberCannotNameFile(String(name), numberLiteral(n)), at: token,
                             notes: [.giveParameter(String(name), example: "review-2026-10")])
            }
            out += value.asText
            rest = rest.dropFirst(name.count)
        }
        return out + rest
    }

    func apply(_ setting: Setting, at token: Token) throws(Diagnostic) {
        switch setting {
        case .format(let name):
            guard let f = OutputFormat(rawValue: name) else { throw .error(.unknownFormat(name), at: token) }
            if f.row.document != nil { throw .error(.formatForFilesOnly(name), at: token) }
            options.format = f
        case .period(let p): period = p
        case .periodParameter(let name, let yearToDate):
            period = try Interpreter.period(parameter: name, in: parameters, yearToDate: yearToDate, at: token)
        case .timer(let on): timer = on
        case .rules(let name):
            guard let rules = RuleSet(rawValue: name.lowercased()) else {
                throw .error(.unknownRuleSet(name, RuleSet.allCases.map(\.rawValue)), at: token)
            }
            // Bands given with --scale stay; a rule set's own bands follow the rule set.
            var scale = dataset.scale
            if scale.bands == scale.rules.scale.bands { scale = Scale(rules: rules) } else { scale.rules = rules }
            dataset.scale = scale
            sources.scale = scale
            cache = EvaluationCache()
        case .width(let columns):
            width = columns == 0 ? nil : columns
            followsTerminal = false
        case .output(let rawPath):
            if safeMode != nil && rawPath != nil { throw .error(.setOutputInSafeMode, at: token) }
            let path = try rawPath.map { p throws(Diagnostic) in try expand(p, at: token) }
            // The file so far is put in place before anything else happens.
            try finishOutput()
            if let path {
                // The file starts afresh: results go to it until output goes elsewhere.
                output = try OutputFile(path: path, at: token)
                options.colour = false
            }
            // A file is for people to open, perhaps in a spreadsheet; standard output for programs.
            options.guardFormulas = path != nil
        case .parameter(let name, let value): parameters[name] = value
        case .language(let chosen):
            language = chosen
            reportLanguage = chosen
        case .pager(let on): pagerOn = on
        }
    }

    func load(_ kind: LoadKind, _ path: String, at token: Token) throws(Diagnostic) {
        var sources = self.sources
        switch kind {
        case .catalogue:
            sources.catalogue = path
            sources.organisation = nil
            sources.realisations = []
        case .organisation: sources.organisation = path
        case .realisations: sources.realisations.append(path)
        }
        let reporter = progress.map(ProgressReporter.init)
        // Asked from the loader's threads too; the flag it reads is set by the SIGINT handler.
        nonisolated(unsafe) let interrupted = isInterrupted
        let (loaded, diagnostics, use) = Dataset.load(sources, snapshot: snapshot, progress: reporter,
                                                      cancellation: LoadCancellation { interrupted() })
        reporter?.finish()
        for warning in use.warnings { standardError(warning.description + "\n") }
        // Ctrl-C during the load: the data stays as it was.
        if isInterrupted() { throw .error(.interrupted, at: token, notes: [.nothingLoaded]) }
        let errors = diagnostics.filter { $0.severity == .error }
        // A file that cannot be read at all (no location) fails the statement as under --strict.
        guard errors.isEmpty || !strict && !errors.contains(where: { $0.location == nil }) else {
            // In the order of the file; the last carries the note (and the statement's place when
            // it has none of its own, as for a file that cannot be read).
            for d in errors.dropLast() where !reported.contains(d) { standardError(d.description + "\n") }
            var last = errors[errors.count - 1]
            if last.location == nil {
                last.location = token.location
                last.length = token.length
            }
            last.notes.append(Message.nothingLoaded.text)
            throw last
        }
        // Reloading repeats the earlier files' problems; each is told once per session.
        let new = diagnostics.filter { !reported.contains($0) }
        for d in new { standardError(d.description + "\n") }
        reported.formUnion(new)
        let newErrors = new.filter { $0.severity == .error }.count
        if newErrors > 0 { standardError(Message.dataLoadedWithErrors(newErrors).text + "\n") }
        dataset = loaded
        cache = EvaluationCache()
        self.sources = sources
        loadedAt = Session.now()
        standardError(Message.loaded(positions: loaded.catalogue.positions.count, indicators: loaded.catalogue.indicators.count,
                                     rows: loaded.realisations.rows.count).text + "\n")
    }
}

extension Diagnostic {
    /// Puts the diagnostic at the start of `range` of `text` (which starts at `line` of `file`),
    /// its caret under the range's first line.
    mutating func place(at range: Range<String.Index>, in text: String, file: String, line: Int) {
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let firstLine = text[range].prefix { $0 != "\n" }
        location = SourceLocation(file: file, line: line + before.count { $0 == "\n" }, column: text[lineStart..<range.lowerBound].count + 1)
        length = max(1, firstLine.count)
    }
}

/// Set by the SIGINT handler of the REPL: abandon the statements still to run.
public enum Interrupt {
    nonisolated(unsafe) public static var pending = false
}
