import Catalogue
import Query
import Render

/// `help`, `help show`, `help fields`, ...: short texts, the same in the REPL and in scripts.
public enum Help {
    /// A topic of `help TOPIC`: its name, its other names, its text.
    struct Topic: Sendable {
        let name: String
        let aliases: [String]
        let text: @Sendable () -> String

        /// The topic of a statement, called by the statement's spellings.
        init(_ keyword: Keyword, _ text: @escaping @Sendable () -> String) {
            self.init(keyword.rawValue, aliases: keyword.aliases, text)
        }

        init(_ name: String, aliases: [String] = [], _ text: @escaping @Sendable () -> String) {
            self.name = name
            self.aliases = aliases
            self.text = text
        }
    }

    /// Every topic, in the order `help` lists them; a thing's name is a topic too (its fields).
    static let topicTable: [Topic] = [
        Topic(.show) { show }, Topic(.describe) { describe }, Topic(.explain) { explain }, Topic("fields") { fields(.indicators) },
        Topic("operators") { operators }, Topic("periods", aliases: ["period", "periode"]) { periods },
        Topic(.set) { set }, Topic(.export) { export }, Topic(.load) { load },
        Topic("aliases", aliases: ["alias", "indonesia"]) { aliases },
        Topic(.report) { report },
    ]

    public static var topics: [String] { topicTable.map(\.name) }

    /// What the general help says about each statement; every statement has its lines (a test checks).
    static func usage(_ statement: Keyword) -> [String]? {
        let formats = OutputFormat.printable.joined(separator: "|")
        switch statement {
        case .show: return ["show THING [columns] [where COND] [for PERIOD] [group by ...] [order by ...] [limit N]"]
        case .describe: return ["describe THING | describe indicator CODE | describe position \"TITLE\""]
        case .explain: return ["explain show ...                           the plan of a show, without running it"]
        case .export: return ["export show ... to \"file.csv\" [format csv]"]
        case .set:
            return ["set format \(formats)    set period 2026-10|latest", "set output \"file.txt\" | set output stdout set timer on|off", "set width 80 | set width 0",
                    "set param NAME = VALUE     set language id|en"]
        case .load: return ["load \(LoadKind.allCases.map(\.rawValue).joined(separator: "|")) \"file\""]
        case .help: return ["help [\((topics + ["THING"]).joined(separator: "|"))]"]
        case .quit: return ["quit"]
        case .lint: return ["lint                                       the catalogue's quality check: each finding's place, rule, reason"]
        case .report: return ["report [for PERIOD] to \"review.html\"|\"review.xlsx\"   the report for the head of office"]
        default: return nil
        }
    }

    static func text(_ topic: String?, at token: Token) throws(Diagnostic) -> String {
        guard let topic else { return general }
        let t = topic.lowercased()
        if t == "fields" { return fields(.indicators) }
        if let thing = Vocabulary.thingAliases[t] { return fields(thing) }
        if let found = topicTable.first(where: { $0.name == t || $0.aliases.contains(t) }) { return found.text() }
        let things = Thing.allCases.map(\.rawValue)
        let near = Nearest.names(to: topic, in: topics + things)
        throw .error(.noHelp(topic), at: token, notes: [.helpTopics(topics, things: things), .didYouMean(near)])
    }

    static var general: String {
        var out = Message.helpStatementsEnd.text + "\n"
        for statement in Vocabulary.statements {
            for line in usage(statement.keyword) ?? [] { out += "  " + line + "\n" }
        }
        out += Message.helpThings(Vocabulary.choices(Thing.allCases.map(\.rawValue), Message.orWord.text)).text + "\n"
        out += Message.helpExample.text + "\n"
        return out
    }

    static let show = """
    show THING [item, ...] [where COND] [for PERIOD] [group by expr, ...] [order by expr [asc|desc], ...] [limit N]
      item      an expression, optionally 'as name': code, achievement, realisation - target as gap
      group by  every column grouped or aggregated: count(*), count(x), sum(x), avg(x), min(x), max(x)
      order by  a column's name or alias, or an expression; missing values sort last
      for       the period; without it, the latest with realisations (realisations: every period)
    Examples:
      show indicators where achievement < 80% order by achievement limit 10
      show indicators bidang, avg(achievement) as average group by bidang order by average desc
      show realisations period, achievement where code = SDIN-1 for 2026

    """

    static let describe = """
    describe THING                 the fields of a thing, with types and meaning
    describe indicator CODE        the card of one indicator: formula, source, target, achievement
    describe position "TITLE"      the card of one position (title, part of it, or its code)

    """

    static let explain = """
    explain show ...    the plan of the show, without reading a row: the thing, the period, the
                        filter as a tree, the group by keys, every output column with its type,
                        the order and the limit. Every node of a tree says its type.
    Example:
      explain show indicators bidang, avg(achievement) - 80 as gap group by bidang order by gap

    """

    static let operators = """
    = != <> < <= > >=        comparison; text compares case-insensitively, units by the unit rule
    in (a, b)  not in (...)  between a and b  contains "x"  like "Jumlah%"  is [not] missing
    and or not ( )           + - * /   (division by zero is missing)
    80% is the number 80. A comparison with a missing value is false.

    """

    static let periods = """
    2026-10 (month)  2026-Q3, TW3 2026, Triwulan III 2026 (quarter)
    2026-S1, Semester I 2026 (semester)  2026 (year)  Oktober 2026

    """

    static var set: String { """
    set format \(OutputFormat.printable.joined(separator: "|"))   how results are printed
    set period 2026-10 | set period latest   the period of statements without 'for'
    set output "file" | set output stdout     send results to a file (started afresh) until switched back
    set timer on|off                          print how long each statement took
    set width 80 | set width 0                fit results to 80 columns (text wrapped, never cut) | no limit
    set param NAME = VALUE                    a typed parameter for $NAME
    set language id|en                        messages, headers and help in Bahasa Indonesia or English
    set rules lkjip|capped-100|skp-2021       the rule set: capping, bands and score (README, Rule sets)

    """ }

    static var export: String { """
    export show ... to "file.csv" [format \(Session.exportFormats.map(\.rawValue).joined(separator: "|"))]
    Writes the whole result to the file, or nothing: a temporary file is renamed over it at the end.
    The format comes from the extension (\(Session.exportFormats.compactMap { $0.row.extensions.first.map { "." + $0 } }.joined(separator: " "))) unless given.

    """ }

    static let report = """
    report [for PERIOD] to "review.html"     the report for the head of office (laporan)
    One page: the office and period, the rule set and scale, achievement per bidang as bars with the
    change against the previous month, a trend per bidang over the year, the indicators under 80%,
    the positions that have not reported, the best and worst ten. Each section prints the show
    statement that made it, to run in the shell. "review.xlsx" gives a sheet per section.
    Written whole or not at all; labels in the session's language (set language id|en).

    """

    static let load = """
    load catalogue "file"        another catalogue (its organisation and realisations are reset)
    load organisation "file"     an organisation file for the current catalogue
    load realisations "file"     add a realisations/targets file
    Nothing is loaded when a file has errors.

    """

    static var aliases: String {
        var out = "Bahasa Indonesia aliases (grammar/aliases.md):\n"
        for (alias, word) in Vocabulary.keywordAliases.sorted(by: { $0.key < $1.key }) { out += "  \(alias) = \(word)\n" }
        for (alias, field) in Vocabulary.fieldAliases.sorted(by: { $0.key < $1.key }) { out += "  \(alias) = \(field) (field)\n" }
        return out
    }

    static func fields(_ thing: Thing) -> String {
        var out = "Fields of \(thing.rawValue):\n"
        let fields = Schema.fields(thing)
        let width = fields.map(\.name.count).max() ?? 0
        for f in fields {
            out += "  " + f.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + f.meaning + "\n"
        }
        return out
    }
}

import Foundation
