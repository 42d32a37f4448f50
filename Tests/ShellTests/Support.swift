import Catalogue
import Foundation
import Query
import Render
import Shell
import Testing

/// The package root, found from this file: `<root>/Tests/ShellTests/Support.swift`.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled data (catalogue, organisation, 2026 targets and realisations), loaded once.
enum Bundled {
    static func path(_ name: String) -> String { packageRoot.appendingPathComponent("examples/\(name)").path }

    static let sources = Dataset.Sources(
        catalogue: path("catalogue.txt"), organisation: path("organisation.csv"),
        realisations: [path("targets-2026.csv"), path("realisations-2026.csv")])

    static let loaded: (Dataset, [Diagnostic]) = Dataset.load(sources)
    static var dataset: Dataset { loaded.0 }

    /// The latest month with realisations in the bundled data: what statements use without `for`.
    static let latest = Period.month(2026, 10)

    static func index(_ code: String) -> Int { dataset.catalogue.indicatorIndex(code: code)! }
}

/// A session over the bundled data whose standard output and standard error are kept in strings.
final class Shell {
    var out = ""
    var err = ""
    private(set) var session: Session!

    init(format: OutputFormat = .csv, parameters: [String: Value] = [:], keepGoing: Bool = false) {
        session = Session(dataset: Bundled.dataset, sources: Bundled.sources,
                          options: RenderOptions(format: format), parameters: parameters, keepGoing: keepGoing,
                          standardOutput: { [unowned self] in self.out += $0 },
                          standardError: { [unowned self] in self.err += $0 })
    }

    /// Runs `text` as the session does a script named `<query>`; returns whether every statement succeeded.
    @discardableResult
    func run(_ text: String) -> Bool { session.run(text, file: "<query>") }

    /// Forgets what was printed so far.
    func clear() { out = ""; err = "" }
}

/// What `query` (one statement) gives when run directly by the interpreter over the bundled data.
func result(_ query: String, period: Period? = nil, parameters: [String: Value] = [:]) throws -> ResultSet {
    let statements = try Parser.parse(query)
    try #require(statements.count == 1)
    return try Interpreter(dataset: Bundled.dataset, period: period, parameters: parameters).run(statements[0])
}

/// `query` rendered as a file export writes it: no colour, no cut cells.
func rendered(_ query: String, _ format: OutputFormat, period: Period? = nil) throws -> String {
    Renderer.render(try result(query, period: period), RenderOptions(format: format, colour: false, maxTextWidth: nil))
}

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("iki-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// An existing folder (the package root, say) to run in; never to be removed.
    init(existing url: URL) { self.url = url }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let path = file(name)
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: file(name)) }

    /// The names in the folder (or a subfolder), hidden ones included, sorted.
    func listing(_ subfolder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subfolder.isEmpty ? path : file(subfolder)).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The built `iki` program, run as a separate process. SwiftPM puts it in the same folder as the
/// test runner, whatever the scratch path.
enum Iki {
    static let executable: URL? = {
        var folders: [URL] = []
        for start in [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(), Bundle.main.bundleURL]
            + Bundle.allBundles.map(\.bundleURL) {
            var folder = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        return folders.lazy.map { $0.appendingPathComponent("iki") }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    static func path() throws -> String {
        try #require(executable, "the iki executable was not found next to the tests; build it first").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `iki arguments` in `folder` (a fresh temporary one when nil) with `stdin` as its
    /// standard input (empty when nil: not a terminal). Output goes through files, so a long
    /// output cannot block it.
    static func run(_ arguments: [String], stdin: String? = nil, in folder: TemporaryFolder? = nil) throws -> Result {
        try run(executable: try path(), arguments, stdin: stdin, in: folder)
    }

    /// Runs `sh -c script` (with `$IKI` set to the program) in `folder`.
    static func shell(_ script: String, in folder: TemporaryFolder) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["IKI"] = try path()
        return try run(executable: "/bin/sh", ["-c", script], in: folder, environment: environment)
    }

    private static func run(executable: String, _ arguments: [String], stdin: String? = nil, in folder: TemporaryFolder?,
                            environment: [String: String]? = nil) throws -> Result {
        let work = try folder ?? TemporaryFolder()
        defer { if folder == nil { work.remove() } }
        let capture = try TemporaryFolder()
        defer { capture.remove() }
        let out = try capture.write("stdout", ""), err = try capture.write("stderr", ""), input = try capture.write("stdin", stdin ?? "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = work.url
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}

/// The records of a CSV text, as the project's own reader reads them: fields only.
func csvRows(_ text: String, file: String = "export.csv") throws -> [[String]] {
    try CSVReader.parse(text, file: file).map(\.fields)
}

/// A number written by a CSV export.
func number(_ text: String) -> Double? { text.isEmpty ? nil : Double(text) }

/// Equal up to the six decimals exports write.
func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return abs(x - y) < 5e-6
    default: return false
    }
}

/// The caret line the diagnostics print under `column` (1-based) for `length` characters.
func caret(column: Int, length: Int = 1) -> String {
    String(repeating: " ", count: column - 1) + "^" + String(repeating: "~", count: length - 1)
}
