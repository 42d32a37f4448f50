import Catalogue
import Foundation
import Query
import Render
import Shell
import Testing
// The package root, the bundled data (`Bundled`), the built `iki` (`Iki.run`, `Iki.shell`) and
// temporary folders, shared with the other test targets, for every file of this one.
@_exported import TestSupport

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
    Renderer.render(try result(query, period: period), RenderOptions(format: format, colour: false))
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
