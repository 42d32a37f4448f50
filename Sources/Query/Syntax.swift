import Catalogue

/// The syntax tree: what the parser builds and the resolver checks.
public indirect enum Expr: Sendable {
    case number(Double, percent: Bool, Token)
    case string(String, Token)
    case period(Period, Token)
    /// A field name, or an indicator code written without quotes.
    case name(String, Token)
    case parameter(String, Token)
    case negate(Expr, Token)
    case arithmetic(String, Expr, Expr, Token)
    case compare(String, Expr, Expr, Token)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr, Token)
    case inList(Expr, [Expr], negated: Bool, Token)
    case between(Expr, Expr, Expr, negated: Bool, Token)
    /// `contains` or `like`.
    case match(String, Expr, Expr, negated: Bool, Token)
    case isMissing(Expr, negated: Bool, Token)
    /// An aggregate: `count(*)`, `avg(achievement)`; `argument` nil for `*`.
    case call(String, Expr?, Token)

    /// The token to point at when this expression is wrong.
    public var token: Token {
        switch self {
        case .number(_, _, let t), .string(_, let t), .period(_, let t), .name(_, let t), .parameter(_, let t),
             .negate(_, let t), .not(_, let t), .call(_, _, let t): return t
        case .arithmetic(_, let a, _, _), .compare(_, let a, _, _), .inList(let a, _, _, _), .between(let a, _, _, _, _),
             .match(_, let a, _, _, _), .isMissing(let a, _, _), .and(let a, _), .or(let a, _): return a.token
        }
    }
}

public struct SelectItem: Sendable {
    public var expr: Expr
    public var alias: String?
    /// The expression as written, for the column header when there is no alias.
    public var text: String
}

public struct OrderItem: Sendable {
    public var expr: Expr
    public var text: String
    public var descending: Bool
}

public struct ShowStatement: Sendable {
    public var thing: Thing
    public var thingToken: Token
    public var columns: [SelectItem] = []
    public var filter: Expr?
    public var period: Period?
    public var periodToken: Token?
    /// `for 2026 to date`: from the period's first month to the latest month reported.
    public var periodToDate = false
    /// `for s.d. 2026-10` (or `s.d. $period`): from the year's first month to the period's last.
    public var periodUpTo = false
    /// `pivot period`: the field whose values become columns (a crosstab), and its token.
    public var pivot: Token?
    public var groupBy: [SelectItem] = []
    public var orderBy: [OrderItem] = []
    public var limit: Int?
}

/// A statement: a question the interpreter answers, or a command to the session.
public enum Statement: Sendable {
    case query(Question)
    case command(Command)

    /// The question, when the statement is one.
    public var question: Question? {
        if case .query(let q) = self { return q }
        return nil
    }
}

/// What the interpreter answers with a table.
public enum Question: Sendable {
    case show(ShowStatement)
    /// `explain show ...`: the plan of the show, printed without running it.
    case explain(ShowStatement, Token)
    /// `describe indicators`: the fields of a thing.
    case describeThing(Thing, Token)
    /// `describe position "..."`, `describe indicator SDIN-1`: the card of one.
    case describeOne(Thing, String, Token)
    /// `lint`: the catalogue's quality check, one finding per row.
    case lint(Token)
}

/// What the session does itself: settings, files, help.
public enum Command: Sendable {
    /// `export show ... to "file.csv" [format csv]`: the path (or `$name`), the format if given.
    case export(ShowStatement, String, String?, Token)
    case set(Setting, Token)
    case load(LoadKind, String, Token)
    /// `report [for PERIOD] to "review.html"`: the period as a `for` clause holds it (nil: the
    /// session's), the path (or `$name`), the path's token.
    case report(ShowStatement?, String, Token)
    /// `help`, `help show`: the topic if any.
    case help(String?, Token)
    case quit
}

/// A statement of a script as the parser read it: the statement or why it could not be read,
/// and where it is in the script's text.
public struct ParsedStatement: Sendable {
    public var result: Result<Statement, Diagnostic>
    /// From the statement's first token to its last (its `;` left out).
    public var range: Range<String.Index>
}

/// What `set` changes; the same in the REPL and in scripts.
public enum Setting: Sendable, Equatable {
    case format(String)
    /// nil: back to the latest period with realisations.
    case period(Period?)
    /// `set period $name`: the period a parameter gives.
    /// `set period $p`, or `set period s.d. $p` (yearToDate: January up to it).
    case periodParameter(String, yearToDate: Bool)
    case timer(Bool)
    /// Columns results fit on standard output; 0 for no limit.
    case width(Int)
    /// nil: back to standard output.
    case output(String?)
    case parameter(String, Value)
    /// `set language id|en`: messages, headers and help from then on.
    case language(Language)
    /// `set rules skp-2021`: the rule set's name as written.
    case rules(String)
    /// `set pager on|off`: results taller than the terminal through the pager.
    case pager(Bool)
}

public enum LoadKind: String, CaseIterable, Sendable {
    case catalogue, organisation, realisations
}
