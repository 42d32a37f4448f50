/// Every message iki prints about an input or a statement, in one place: each has a stable id
/// (for tests, for code that must recognise a message, and for the Indonesian texts that will sit
/// beside the English ones) and its English text. Code never writes a message inline; it calls
/// one of the constructors below, so one message is written once.
///
/// Sections follow the stages (Catalogue, lexer and parser, resolver and interpreter, session):
/// add a message to the section of the stage that reports it.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// Stable, kebab-case: `unknown-parameter`. Tests and callers compare ids, never texts.
    public let id: String
    /// The English text.
    public let text: String

    public init(id: String, _ text: String) {
        self.id = id
        self.text = text
    }

    public var description: String { text }
}

extension Message {
    // MARK: - Shared by every stage

    /// The note under a misspelt name: `did you mean achievement?`; nil when there is nothing
    /// near enough to suggest.
    public static func didYouMean(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "did-you-mean", "did you mean \(names.joined(separator: ", "))?")
    }

    /// The same, found among `candidates` (see `Nearest.names`).
    public static func didYouMean(_ word: String, among candidates: [String]) -> Message? {
        didYouMean(Nearest.names(to: word, in: candidates))
    }

    /// How periods are written, the note under every "is not a period".
    public static var periodForms: Message {
        Message(id: "period-forms", "periods are written " + Period.acceptedForms)
    }

    public static func notAPeriod(_ text: String) -> Message {
        Message(id: "not-a-period", "'\(text)' is not a period")
    }

    public static func unknownParameter(_ name: String) -> Message {
        Message(id: "unknown-parameter", "no parameter $\(name) is set")
    }

    public static func parameterNotAPeriod(_ name: String) -> Message {
        Message(id: "parameter-not-a-period", "parameter $\(name) is not a period")
    }

    public static func giveParameter(_ name: String, example: String = "2026-10") -> Message {
        Message(id: "give-parameter", "give it with --param \(name)=\(example)")
    }

    // MARK: - Catalogue: loading catalogues, organisation files and realisations

    // MARK: - Query: lexer and parser

    // MARK: - Query: resolver, planner and interpreter

    /// The note under an unknown parameter when some are set: which ones.
    public static func parametersSet(_ names: [String]) -> Message {
        Message(id: "parameters-set", "parameters set: " + names.sorted().map { "$" + $0 }.joined(separator: ", "))
    }

    /// `'-' needs numbers, but 'code' is text`: `what` is the operator or aggregate, `subject` the
    /// operand as written, `article` its type with an article.
    public static func needsNumbers(_ what: String, _ subject: String, _ article: String) -> Message {
        Message(id: "needs-numbers", "\(what) needs numbers, but \(subject) is \(article)")
    }

    public static func matchNeedsText(_ op: String, _ subject: String, _ article: String) -> Message {
        Message(id: "match-needs-text", "'\(op)' compares text, but \(subject) is \(article)")
    }

    public static func matchNeedsTextPattern(_ op: String, _ article: String) -> Message {
        Message(id: "match-needs-text-pattern", "'\(op)' needs text on its right, such as \"koperasi\"; found \(article)")
    }

    public static func aggregateOutsideColumns(_ name: String) -> Message {
        Message(id: "aggregate-outside-columns",
                "\(name)(...) is an aggregate: use it in the columns of a show, e.g. show indicators bidang, \(name)(achievement) group by bidang")
    }

    public static func unknownFunction(_ name: String) -> Message {
        Message(id: "unknown-function", "unknown function '\(name)'")
    }

    /// The note under an unknown function: the functions there are, and a suggestion if any.
    public static func functionsAre(_ suggestion: Message?) -> Message {
        Message(id: "functions-are", "functions are count, sum, avg, min, max" + (suggestion.map { "; " + $0.text } ?? ""))
    }

    public static func expectedCondition(_ subject: String, _ article: String) -> Message {
        Message(id: "expected-condition", "expected a condition such as achievement < 80%, found \(subject), which is \(article)")
    }

    public static func unitNeverField(_ unit: String, kind: String, field: String) -> Message {
        Message(id: "unit-never-field", "\(unit) is a \(kind), never a \(field), so this comparison matches nothing")
    }

    public static func compareUnitInstead(_ field: String, _ unit: String) -> Message {
        Message(id: "compare-unit-instead", "compare \(field) = \"\(unit)\" (or unit = ...) instead")
    }

    public static func noUnitNamed(_ name: String) -> Message {
        Message(id: "no-unit-named", "no unit is named \"\(name)\", so this comparison matches nothing")
    }

    /// nil when there is nothing to suggest.
    public static func nearestUnits(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "nearest-units", "nearest units: " + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    public static func cannotCompare(_ left: String, _ leftType: String, _ right: String, _ rightType: String) -> Message {
        Message(id: "cannot-compare", "cannot compare \(left) (\(leftType)) with \(right) (\(rightType))")
    }

    public static var textComparesWithText: Message {
        Message(id: "text-compares-with-text", "text compares with text: put the value in quotes, or compare a number field")
    }

    public static var conditionsCompareByEquality: Message {
        Message(id: "conditions-compare-by-equality", "conditions can only be compared with = or !=")
    }

    /// `"TW9 2026" is not a period`: text in quotes compared with a period.
    public static func textNotAPeriod(_ text: String) -> Message {
        Message(id: "text-not-a-period", "\"\(text)\" is not a period")
    }

    public static func cannotCompareWithPeriod(_ subject: String, _ type: String) -> Message {
        Message(id: "cannot-compare-with-period", "cannot compare a period with \(subject) (\(type))")
    }

    public static func unknownField(_ word: String, thing: String) -> Message {
        Message(id: "unknown-field", "unknown field '\(word)' for \(thing)")
    }

    /// A suggestion for a misspelt field, and the clause keyword it may have been meant as.
    public static func orKeyword(_ suggestion: Message, _ keyword: String) -> Message {
        Message(id: suggestion.id, suggestion.text + " (or the keyword '\(keyword)')")
    }

    public static func fieldsOf(_ thing: String, _ names: [String]) -> Message {
        Message(id: "fields-of", "fields of \(thing): " + names.joined(separator: ", "))
    }

    public static func sessionCommand(_ word: String) -> Message {
        Message(id: "session-command", "'\(word)' is a session command; run it in iki, not through the interpreter")
    }

    public static var quitIsSessionCommand: Message {
        Message(id: "quit-session-command", "quit is a session command")
    }

    public static var interrupted: Message {
        Message(id: "interrupted", "interrupted")
    }

    public static func groupedOrderByColumn(_ columns: [String]) -> Message {
        Message(id: "grouped-order-by-column", "order by in a grouped query must name one of its columns: " + columns.joined(separator: ", "))
    }

    public static var nestedAggregate: Message {
        Message(id: "nested-aggregate", "an aggregate cannot contain another aggregate")
    }

    public static func aggregateNeedsField(_ name: String) -> Message {
        Message(id: "aggregate-needs-field", "\(name)(*) is not defined; give a field, as in \(name)(achievement)")
    }

    /// In a grouped column: `-` over something that is not a number.
    public static var groupedNegateNeedsNumber: Message {
        Message(id: "grouped-negate-needs-number", "'-' needs a number")
    }

    public static func groupedArithmeticNeedsNumbers(_ op: String) -> Message {
        Message(id: "grouped-arithmetic-needs-numbers", "'\(op)' needs numbers on both sides")
    }

    public static func notGroupedNorAggregated(_ text: String) -> Message {
        Message(id: "not-grouped-nor-aggregated",
                "'\(text)' is neither grouped nor aggregated: add it to group by, or use it inside count, sum, avg, min or max")
    }

    public static func noIndicatorCode(_ code: String) -> Message {
        Message(id: "no-indicator-code", "no indicator with code '\(code)'")
    }

    public static func noPosition(_ name: String) -> Message {
        Message(id: "no-position", "no position '\(name)'")
    }

    public static func positionAmbiguous(_ name: String, count: Int) -> Message {
        Message(id: "position-ambiguous", "'\(name)' matches \(count) positions")
    }

    /// The names nearest a misspelt code or title; nil when there are none.
    public static func nearest(_ names: [String], separator: String = ", ") -> Message? {
        names.isEmpty ? nil : Message(id: "nearest", "nearest: " + names.joined(separator: separator))
    }

    /// Some of the positions an ambiguous name matches.
    public static func forExample(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "for-example", "for example: " + names.joined(separator: "; "))
    }


    // MARK: - Session, shell and command line
}

extension Diagnostic {
    /// The one way to make a diagnostic from a catalogue message: its id is kept, so callers can
    /// recognise it (`diagnostic.id == "unterminated-string"`) without reading its text.
    public init(_ severity: Severity, _ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                notes: [Message?] = []) {
        self.init(severity, message.text, at: location, notes: notes.compactMap { $0?.text })
        self.id = message.id
        self.length = max(1, length)
    }

    public static func error(_ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                             notes: [Message?] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length, notes: notes)
    }

    public static func warning(_ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                               notes: [Message?] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, length: length, notes: notes)
    }
}
