import Catalogue
import Foundation
import Testing
@testable import Query
// The package root, the bundled data (`Bundled`), Python's csv module, csv-spectrum and temporary
// files and folders, shared with the other test targets, for every file of this one.
@_exported import TestSupport

/// Parses `query` (exactly one statement) and runs it over the bundled data.
func run(_ query: String, parameters: [String: Value] = [:], period: Period? = nil) throws(Diagnostic) -> ResultSet {
    let statements = try Parser.parse(query)
    guard statements.count == 1 else { throw Diagnostic.error("expected one statement, got \(statements.count)") }
    return try Interpreter(dataset: Bundled.dataset, period: period, parameters: parameters).run(statements[0])
}

/// The diagnostic a query fails with (parsing or running), rendered with its caret line; nil when
/// it succeeds.
func failure(_ query: String, parameters: [String: Value] = [:]) -> String? {
    do {
        _ = try run(query, parameters: parameters)
        return nil
    } catch {
        return error.rendered(source: query)
    }
}

/// The diagnostic `Parser.parse` fails with, rendered; nil when it parses.
func parseFailure(_ query: String) -> String? {
    do {
        _ = try Parser.parse(query)
        return nil
    } catch {
        return error.rendered(source: query)
    }
}

/// A value as these tests write expectations: missing `-`, numbers with up to two decimals.
func cell(_ value: Value) -> String {
    switch value {
    case .missing: return "-"
    case .number(let n): return formatNumber(n)
    case .text(let s): return s
    case .period(let p): return p.description
    case .bool(let b): return b ? "true" : "false"
    }
}

/// Rows as `a | b | c` lines.
func lines(_ result: ResultSet) -> [String] {
    result.rows.map { $0.map(cell).joined(separator: " | ") }
}

/// The first column of every row (usually the indicator codes).
func firstColumn(_ result: ResultSet) -> [String] {
    result.rows.map { cell($0[0]) }
}

func columnNames(_ result: ResultSet) -> [String] { result.columns.map(\.name) }

// MARK: Syntax trees as text

/// An expression as an S-expression: `(and (= bidang "X") (< achievement 80%))`.
func sexpr(_ expr: Expr) -> String {
    switch expr {
    case .number(let n, let percent, _): return numberLiteral(n) + (percent ? "%" : "")
    case .string(let s, _): return "\"\(s)\""
    case .period(let p, _): return "period:\(p)"
    case .name(let w, _): return w
    case .parameter(let name, _): return "$" + name
    case .negate(let e, _): return "(- \(sexpr(e)))"
    case .arithmetic(let op, let a, let b, _), .compare(let op, let a, let b, _): return "(\(op) \(sexpr(a)) \(sexpr(b)))"
    case .and(let a, let b): return "(and \(sexpr(a)) \(sexpr(b)))"
    case .or(let a, let b): return "(or \(sexpr(a)) \(sexpr(b)))"
    case .not(let e, _): return "(not \(sexpr(e)))"
    case .inList(let e, let list, let negated, _):
        return "(\(negated ? "not-in" : "in") \(sexpr(e)) [\(list.map(sexpr).joined(separator: " "))])"
    case .between(let e, let low, let high, let negated, _):
        return "(\(negated ? "not-between" : "between") \(sexpr(e)) \(sexpr(low)) \(sexpr(high)))"
    case .match(let op, let a, let b, let negated, _): return "(\(negated ? "not-" : "")\(op) \(sexpr(a)) \(sexpr(b)))"
    case .isMissing(let e, let negated, _): return "(\(negated ? "is-not-missing" : "is-missing") \(sexpr(e)))"
    case .call(let name, let argument, _): return "\(name)(\(argument.map(sexpr) ?? "*"))"
    }
}

/// A statement as one line: every clause the parser filled in, in a fixed order.
func summary(_ statement: Statement) -> String {
    switch statement {
    case .query(.describeThing(let thing, _)): return "describe \(thing.rawValue)"
    case .query(.describeOne(let thing, let name, _)): return "describe \(thing.rawValue) \"\(name)\""
    case .command(.export(let show, let path, let format, _)):
        return "export " + summary(.query(.show(show))) + " to \"\(path)\"" + (format.map { " format \($0)" } ?? "")
    case .command(.set(let setting, _)): return "set \(setting)"
    case .command(.load(let kind, let path, _)): return "load \(kind.rawValue) \"\(path)\""
    case .command(.help(let topic, _)): return "help" + (topic.map { " \($0)" } ?? "")
    case .command(.quit): return "quit"
    case .command(.report(let period, let path, _)):
        return "report" + (period.map { p in p.period.map { " for \($0)" + (p.periodToDate ? " to date" : "") } ?? " for $\(p.periodToken?.text ?? "")" } ?? "") + " to \"\(path)\""
    case .query(.lint): return "lint"
    case .query(.explain(let show, _)): return "explain " + summary(.query(.show(show)))
    case .query(.show(let show)):
        var parts = ["show \(show.thing.rawValue)"]
        if !show.columns.isEmpty {
            parts.append("[" + show.columns.map { item in
                sexpr(item.expr) + (item.alias.map { " as \($0)" } ?? "") + " {\(item.text)}"
            }.joined(separator: ", ") + "]")
        }
        if let filter = show.filter { parts.append("where \(sexpr(filter))") }
        if let period = show.period { parts.append("for \(period)") } else if let token = show.periodToken { parts.append("for $\(token.text)") }
        if !show.groupBy.isEmpty { parts.append("group by [" + show.groupBy.map { sexpr($0.expr) }.joined(separator: ", ") + "]") }
        if !show.orderBy.isEmpty {
            parts.append("order by [" + show.orderBy.map { sexpr($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ") + "]")
        }
        if let limit = show.limit { parts.append("limit \(limit)") }
        return parts.joined(separator: " ")
    }
}

/// Parses and summarises every statement; a parse error is recorded and gives [].
func summaries(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    do {
        return try Parser.parse(text).map(summary)
    } catch {
        Issue.record("did not parse: \(error.rendered(source: text))", sourceLocation: sourceLocation)
        return []
    }
}

/// The one statement of `text`, summarised.
func summary(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let all = summaries(text, sourceLocation: sourceLocation)
    if all.count != 1 { Issue.record("expected one statement, got \(all.count)", sourceLocation: sourceLocation) }
    return all.first ?? ""
}
