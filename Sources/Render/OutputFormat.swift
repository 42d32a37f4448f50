import Catalogue
import Foundation
import Query

/// The output modes, one small concern each (as in sqlite3's shell): the interpreter produces a
/// `ResultSet`, and only this module decides how it looks.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, auto, record, csv, tsv, json, markdown, xlsx

    /// The formats results can be printed in (`set format`, `.mode`); the rest are written to files only.
    public static var printable: [String] { allCases.filter { $0.row.document == nil }.map(\.rawValue) }

    /// One row of the table of formats: everything `--format`, `set format`, `export ... format`,
    /// completion and help need to know about a format. Adding a format is adding a case and its row.
    public struct Row: Sendable {
        public let format: OutputFormat
        /// The file extensions `export` recognises it by, the first the usual one.
        public let extensions: [String]
        /// Text for people to read in a terminal (aligned, coloured), or data for programs.
        public let forPeople: Bool
        public let render: @Sendable (ResultSet, RenderOptions) -> String
        /// A format written to files only (a workbook, not text): the file's bytes, nil when they
        /// could not be made. `render` is then never asked.
        public var document: (@Sendable (ResultSet, RenderOptions) -> Data?)? = nil
    }

    public var row: Row {
        switch self {
        case .table: Row(format: self, extensions: ["txt"], forPeople: true, render: TableRenderer.render)
        // A table when it fits the width, else records: the default.
        case .auto: Row(format: self, extensions: [], forPeople: true, render: TableRenderer.auto)
        case .record: Row(format: self, extensions: [], forPeople: true, render: RecordRenderer.render)
        case .csv: Row(format: self, extensions: ["csv"], forPeople: false) {
            DelimitedRenderer.csv($0, decimalComma: $1.decimalComma, guardFormulas: $1.guardFormulas)
        }
        case .tsv: Row(format: self, extensions: ["tsv", "tab"], forPeople: false) { DelimitedRenderer.tsv($0, guardFormulas: $1.guardFormulas) }
        case .json: Row(format: self, extensions: ["json"], forPeople: false) { result, _ in JSONRenderer.render(result) }
        case .markdown: Row(format: self, extensions: ["md", "markdown"], forPeople: false) { result, _ in MarkdownRenderer.render(result) }
        case .xlsx: Row(format: self, extensions: ["xlsx"], forPeople: true, render: { _, _ in "" }, document: XLSXRenderer.render)
        }
    }

    /// Every format's name, in the table's order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The format a file's extension names, if any.
    public init?(extension ext: String) {
        let e = ext.lowercased()
        guard let format = Self.allCases.first(where: { $0.row.extensions.contains(e) }) else { return nil }
        self = format
    }
}

public struct RenderOptions: Sendable {
    public var format: OutputFormat
    /// `;` between cells and `,` before decimals, for Excel in Indonesian locale (csv only).
    public var decimalComma: Bool
    /// ANSI colour, for a terminal only; never with NO_COLOR.
    public var colour: Bool
    /// The columns a table or record view fits (text wrapped, never cut); nil for no limit (pipes
    /// and files: every text whole).
    public var width: Int?
    /// Text cells that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR first)
    /// written as text (see `SpreadsheetText`): on for files people open (exports, `set output`
    /// files, the template), off for standard output, which programs read.
    public var guardFormulas = false
    /// Asked every few thousand rows while a table or records are laid out: once true, the
    /// renderer stops early and the caller throws the text away (Ctrl-C in the shell).
    public var isCancelled: @Sendable () -> Bool = { false }

    public init(format: OutputFormat = .auto, decimalComma: Bool = false, colour: Bool = false, width: Int? = nil) {
        self.format = format
        self.decimalComma = decimalComma
        self.colour = colour
        self.width = width
    }
}

public enum Renderer {
    public static func render(_ result: ResultSet, _ options: RenderOptions) -> String {
        options.format.row.render(result, options)
    }

    /// A column's header in a table for people, in the current language; files for programs
    /// (CSV, TSV, JSON) keep the canonical names, which scripts read.
    static func header(_ name: String) -> String {
        Language.current == .indonesian ? Vocabulary.indonesianHeader(name) : name
    }

    /// A number for machines: `.` decimal point, at most six decimals, no trailing zeros.
    static func machineNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = fixedDecimals(value, 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A number for people: percentages with one decimal and `%`, other numbers with at most two.
    static func humanNumber(_ value: Double, _ type: ValueType) -> String {
        if type == .percent { return fixedDecimals(value, 1) + "%" }
        return formatNumber(value)
    }

    /// The plain text of a value for machine formats; nil when missing.
    static func machineText(_ value: Value) -> String? {
        switch value {
        case .missing: return nil
        case .number(let n): return machineNumber(n)
        case .text(let s): return s
        case .period(let p): return p.description
        case .bool(let b): return b ? "true" : "false"
        }
    }

    static func humanText(_ value: Value, _ type: ValueType) -> String {
        switch value {
        case .missing: return "-"
        case .number(let n): return humanNumber(n, type)
        case .text(let s): return s
        case .period(let p): return p.description
        case .bool(let b): return b ? "yes" : "no"
        }
    }
}
