import Catalogue
import Query

/// `help`, `help show`, `help fields`, ...: short texts, the same in the REPL and in scripts.
enum Help {
    static let topics = ["show", "describe", "explain", "fields", "operators", "periods", "set", "export", "load", "aliases"]

    static func text(_ topic: String?, at token: Token) throws(Diagnostic) -> String {
        guard let topic else { return general }
        let t = topic.lowercased()
        if t == "fields" { return fields(.indicators) }
        if let thing = Vocabulary.thingAliases[t] { return fields(thing) }
        switch t {
        case "show", "tampilkan": return show
        case "describe", "jelaskan": return describe
        case "explain", "rencana": return explain
        case "operators": return operators
        case "periods", "period", "periode": return periods
        case "set", "atur": return set
        case "export", "ekspor": return export
        case "load", "muat": return load
        case "aliases", "alias", "indonesia": return aliases
        default:
            let near = Nearest.names(to: topic, in: topics + Thing.allCases.map(\.rawValue))
            throw Diagnostic.error("no help on '\(topic)'", at: token.location,
                                   notes: ["topics: " + topics.joined(separator: ", ") + ", or a thing (indicators, positions, units, objectives, realisations)"]
                                       + (near.isEmpty ? [] : ["did you mean \(near.joined(separator: ", "))?"]))
        }
    }

    static let general = """
    Statements end with ';' (or at the end of a complete line in the shell).
      show THING [columns] [where COND] [for PERIOD] [group by ...] [order by ...] [limit N]
      describe THING | describe indicator CODE | describe position "TITLE"
      explain show ...                           the plan of a show, without running it
      export show ... to "file.csv" [format csv]
      set format table|csv|tsv|json|markdown    set period 2026-10|latest
      set output "file.txt" | set output stdout set timer on|off
      set param NAME = VALUE
      load catalogue|organisation|realisations "file"
      help [show|describe|explain|fields|operators|periods|set|export|load|aliases|THING]
      quit
    THING is indicators, positions, units, objectives or realisations.
    Example: show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%

    """

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

    static let set = """
    set format table|csv|tsv|json|markdown   how results are printed
    set period 2026-10 | set period latest   the period of statements without 'for'
    set output "file" | set output stdout     send results to a file (started afresh) until switched back
    set timer on|off                          print how long each statement took
    set param NAME = VALUE                    a typed parameter for $NAME

    """

    static let export = """
    export show ... to "file.csv" [format csv|tsv|json|markdown|table]
    Writes the whole result to the file, or nothing: a temporary file is renamed over it at the end.
    The format comes from the extension (.csv .tsv .json .md .txt) unless given.

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
