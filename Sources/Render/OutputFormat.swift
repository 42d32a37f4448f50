import Catalogue
import Query

/// The output modes, one small concern each (as in sqlite3's shell): the interpreter produces a
/// `ResultSet`, and only this module decides how it looks.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown
}

public struct RenderOptions: Sendable {
    public var format: OutputFormat
    /// `;` between cells and `,` before decimals, for Excel in Indonesian locale (csv only).
    public var decimalComma: Bool
    /// ANSI colour, for a terminal only; never with NO_COLOR.
    public var colour: Bool
    /// Longest text cell in a table before it is cut with `…`; nil for no limit.
    public var maxTextWidth: Int?

    public init(format: OutputFormat = .table, decimalComma: Bool = false, colour: Bool = false, maxTextWidth: Int? = 48) {
        self.format = format
        self.decimalComma = decimalComma
        self.colour = colour
        self.maxTextWidth = maxTextWidth
    }
}

public enum Renderer {
    public static func render(_ result: ResultSet, _ options: RenderOptions) -> String {
        switch options.format {
        case .table: return TableRenderer.render(result, options)
        case .csv: return DelimitedRenderer.csv(result, decimalComma: options.decimalComma)
        case .tsv: return DelimitedRenderer.tsv(result)
        case .json: return JSONRenderer.render(result)
        case .markdown: return MarkdownRenderer.render(result)
        }
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
