import Catalogue
import Query

/// The lines typed or pasted but not run yet, and when they run: the same text runs the same way
/// typed, pasted or in a script.
///
/// Lines come in batches: one line typed and Enter, or every line of a paste (more input already
/// waiting, or inside a bracketed paste). When a batch ends, everything up to its last `;` runs (as
/// a script: `Parser.script` splits the statements and recovers at `;`). What follows the last `;`
/// runs too when it began in this batch and is complete (a single-line statement at Enter, or the
/// last statement of a paste, as a script's last statement needs no `;`); otherwise it waits for
/// its `;`, so a statement typed over several lines runs once, whole.
public struct StatementBuffer: Sendable {
    /// The lines not run yet.
    public private(set) var lines: [String] = []
    /// Where in `lines` the batch being read began.
    private var batchStart = 0

    public init() {}

    public var isEmpty: Bool { lines.isEmpty }

    /// The lines not run yet as one text.
    public var text: String { lines.joined(separator: "\n") }

    /// Adds a line of the current batch; blank lines before a statement are dropped.
    public mutating func add(_ line: String) {
        if lines.isEmpty && line.allSatisfy(\.isWhitespace) { return }
        lines.append(line)
    }

    /// Forgets everything pending (Ctrl-C).
    public mutating func clear() {
        lines = []
        batchStart = 0
    }

    /// The batch ended: the text to run now (statements in order, as a script), if any; what is
    /// left waits for more lines.
    public mutating func endBatch() -> String? {
        defer { batchStart = lines.count }
        let text = self.text
        let tokens = Lexer.scan(text, file: "<input>").tokens
        guard tokens.contains(where: { $0.kind != .end }) else {
            // Only comments or spaces: nothing to run, nothing to wait for.
            clear()
            return nil
        }
        var run = ""
        var rest = Substring(text)
        var restLine = 0
        if let semicolon = tokens.last(where: { $0.kind == .semicolon }), let range = semicolon.range {
            run = String(text[..<range.upperBound])
            rest = text[range.upperBound...]
            restLine = run.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) }
        }
        let restTokens = Lexer.scan(String(rest), file: "<input>").tokens
        if !restTokens.contains(where: { $0.kind != .end }) {
            lines = []
        } else if restLine >= batchStart && MultiLine.isComplete(String(rest)) {
            run = text
            lines = []
        } else {
            lines = rest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The rest of the line that held the last `;` starts the statement still open.
            if let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        }
        return run.isEmpty ? nil : run
    }

    /// What the continuation prompt shows is still open: a string (`"> `), a parenthesis
    /// (`(> `), a clause or statement that needs more (`where> `), or a statement complete but
    /// typed over several lines, which waits for its `;` (`;> `).
    public var prompt: String {
        StatementBuffer.prompt(for: text)
    }

    static func prompt(for text: String) -> String {
        let scan = Lexer.scan(text, file: "<input>")
        if let open = scan.tokens.last(where: { $0.problem?.id == Message.unterminatedString("\"").id }),
           let range = open.range, let quote = text[range].first {
            return "  \(quote)> "
        }
        let statement = Words.currentStatement(scan.tokens.filter { $0.kind != .end })
        var depth = 0
        for token in statement {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth = max(0, depth - 1) }
        }
        if depth > 0 { return "  (> " }
        if MultiLine.isComplete(text) { return "  ;> " }
        // The clause being written, in the user's own word (`dimana` stays `dimana`).
        let clauses = Set(Vocabulary.clauses.map(\.keyword))
        let word = statement.last { Words.keyword($0).map(clauses.contains) ?? false } ?? statement.first
        let name = word?.text.lowercased() ?? "-"
        return String(repeating: " ", count: max(0, 3 - name.count)) + name + "> "
    }
}
