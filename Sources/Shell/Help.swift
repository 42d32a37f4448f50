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
                    "set param NAME = VALUE     set language id|en", "set pager on|off"]
        case .load: return ["load \(LoadKind.allCases.map(\.rawValue).joined(separator: "|")) \"file\""]
        case .help: return ["help [\((topics + ["THING"]).joined(separator: "|"))]"]
        case .quit: return ["quit"]
        case .lint: return ["lint                                       the catalogue's quality check: each finding's place, rule, reason"]
        case .report: return ["report [for PERIOD] to \"review.html\"|\"review.xlsx\"   the report for the head of office"]
        default: return nil
        }
    }

    /// Help on a terminal of `width` columns: a line too long is wrapped on word boundaries, so no
    /// word is cut at the edge. A `term   description` line keeps its description's column when
    /// there is room for it, else the description goes under the term; prose (lines without such
    /// a gap) is reflowed as one paragraph when one of its lines is too long.
    public static func fitted(_ text: String, width: Int) -> String {
        guard width > 20 else { return text }
        var out: [String] = []
        func wrapped(_ text: some StringProtocol, first: String, rest: String) {
            let pieces = TableFit.wrap(String(text), width: max(10, width - rest.count))
            for (k, piece) in pieces.enumerated() { out.append((k == 0 ? first : rest) + piece) }
        }
        var paragraph: [Substring] = []
        func flush() {
            defer { paragraph = [] }
            guard paragraph.contains(where: { displayWidth(String($0)) > width }) else {
                out += paragraph.map(String.init)
                return
            }
            let indent = String(paragraph[0].prefix(while: { $0 == " " }))
            wrapped(paragraph.map { $0.drop(while: { $0 == " " }) }.joined(separator: " "), first: indent, rest: indent)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = String(line.prefix(while: { $0 == " " }))
            let body = line.dropFirst(indent.count)
            guard !body.isEmpty, let gap = body.range(of: "  ") else {
                // Prose: gathered into its paragraph (a blank line or another indent ends one).
                if body.isEmpty || paragraph.first.map({ !$0.hasPrefix(indent) || $0.dropFirst(indent.count).first == " " }) == true { flush() }
                if body.isEmpty { out.append(String(line)) } else { paragraph.append(line) }
                continue
            }
            flush()
            guard displayWidth(String(line)) > width else { out.append(String(line)); continue }
            let descriptionStart = body[gap.lowerBound...].firstIndex(where: { $0 != " " }) ?? body.endIndex
            let column = displayWidth(indent + String(body[..<descriptionStart]))
            if width - column >= 30 {
                wrapped(body[descriptionStart...], first: indent + String(body[..<descriptionStart]), rest: String(repeating: " ", count: column))
            } else {
                wrapped(body[..<gap.lowerBound], first: indent, rest: indent + "  ")
                wrapped(body[descriptionStart...], first: indent + "    ", rest: indent + "    ")
            }
        }
        flush()
        return out.joined(separator: "\n")
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

    static var show: String { Message.helpShow.text }
    static var describe: String { Message.helpDescribe.text }
    static var explain: String { Message.helpExplain.text }
    static var operators: String { Message.helpOperators.text }
    static var periods: String { Message.helpPeriods.text }
    static var set: String { Message.helpSet(formats: OutputFormat.printable.joined(separator: "|")).text }

    static var export: String {
        Message.helpExport(formats: Session.exportFormats.map(\.rawValue).joined(separator: "|"),
                           extensions: Session.exportFormats.compactMap { $0.row.extensions.first.map { "." + $0 } }.joined(separator: " ")).text
    }

    static var load: String { Message.helpLoad.text }
    static var report: String { Message.helpReport.text }

    static var aliases: String {
        var out = Message.helpAliasesTitle.text + "\n"
        for (alias, word) in Vocabulary.keywordAliases.sorted(by: { $0.key < $1.key }) { out += "  \(alias) = \(word)\n" }
        for (alias, field) in Vocabulary.fieldAliases.sorted(by: { $0.key < $1.key }) { out += "  \(alias) = \(field) (\(Message.helpFieldWord.text))\n" }
        return out
    }

    static func fields(_ thing: Thing) -> String {
        var out = Message.helpFieldsTitle(thing.rawValue).text + "\n"
        let fields = Schema.fields(thing)
        let width = fields.map(\.name.count).max() ?? 0
        for f in fields {
            out += "  " + f.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + f.localizedMeaning + "\n"
        }
        return out
    }
}

import Foundation
