/// A place in an input: a file (or `<query>`, `<stdin>`), a 1-based line and a 1-based column
/// counted in characters, so the caret under a message lines up with what the user sees.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    /// Where in a document that has no lines: `sheet Realisasi, cell C4` in a workbook. Set, it is
    /// shown instead of line and column (`x.xlsx: sheet Realisasi, cell C4`); line and column
    /// still order diagnostics (the row and the column's number).
    public var place: String?

    public init(file: String, line: Int, column: Int = 1, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    /// `file:line` or `file: place`, for messages that point at another row.
    public var shortDescription: String { place.map { "\(file): \($0)" } ?? "\(file):\(line)" }

    /// A place in a document that has no lines: `file: place`.
    public init(file: String, place: String) {
        self.init(file: file, line: 1)
        self.place = place
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.place ?? "", a.line, a.column) < (b.file, b.place ?? "", b.line, b.column)
    }
}

/// One message about an input. Loaders collect these instead of throwing, so that one run reports
/// every problem of a file, and nothing they could not understand is dropped silently.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }

        /// As a diagnostic writes it, in the current language (`error`, `galat`).
        public var word: String { self == .error ? Message.severityError.text : Message.severityWarning.text }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// Further lines, printed indented under the message (suggestions, the offending text).
    public var notes: [String]
    /// How many characters the offending text spans, for a caret line under it.
    public var length: Int = 1
    /// The id of the catalogue message it was made from (see `Message`), nil for a text written
    /// inline. Not part of equality: two diagnostics that read the same are the same.
    public var id: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.location == b.location && a.message == b.message && a.notes == b.notes && a.length == b.length
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(notes)
        hasher.combine(length)
    }

    /// `file:line:column: error: message`, the form compilers use, so editors can jump to it.
    /// Messages quote the data (a code, a cell, a title), so control characters in the file name,
    /// the message and the notes are shown escaped (`\x1b`, see `TerminalText`): a diagnostic
    /// never acts on the terminal it is printed on.
    public var description: String {
        func shown(_ s: String) -> String { TerminalText.escaped(s, keepTabs: true, keepNewlines: true) }
        var text = ""
        if let location, let place = location.place {
            text = "\(shown(location.file)): " + (place.isEmpty ? "" : "\(shown(place)): ")
        } else if let location {
            text = "\(shown(location.file)):\(location.line):\(location.column): "
        }
        text += "\(severity.word): \(shown(message))"
        for note in notes {
            text += "\n    \(shown(note))"
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
