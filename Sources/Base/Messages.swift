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
