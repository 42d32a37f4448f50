import Catalogue
import Foundation
import Query
import Render
import Shell

/// What Tab offers, from the text before the cursor: the candidates replace its last word (as
/// `LineEditor.wordStart` delimits it) and all start with that word, case aside (unit names may
/// also match by their full name). A pure function of the text, the data set and, for file
/// names, the current directory.
public enum Completion {
    static let clauses = Vocabulary.showClauses.map(\.keyword)
    static let things = Thing.allCases.map(\.rawValue)
    static let aggregates = Vocabulary.aggregateNames.map { $0 + "(" }
    static let helpTopics = Help.topics + things

    /// `directory` is where relative file names are looked up (the current directory by default).
    public static func candidates(_ textBeforeCursor: String, dataset: Dataset,
                                  directory: String = FileManager.default.currentDirectoryPath) -> [String] {
        let text = textBeforeCursor
        let start = LineEditor.wordStart(in: text)
        let word = String(text[start...])
        let before = String(text[..<start])
        let scan = Lexer.scan(before, file: "<input>")
        // Nothing to complete in a comment, nor after text the lexer cannot read.
        if scan.trailingComment != nil || scan.problem != nil { return [] }
        let significant = scan.tokens.filter { $0.kind != .end }
        let statement = Words.currentStatement(significant)
        let offered: [String]
        if let quote = word.first, quote == "\"" || quote == "'" {
            offered = quoted(quote, after: statement, files: { files(word, in: directory) }, dataset: dataset)
        } else {
            offered = plain(statement, typing: word, files: { files(word, in: directory) }, dataset: dataset)
        }
        return matching(offered, word, dataset: dataset)
    }

    /// Candidates starting with `word`, case-insensitively, without repeats. A unit name inside
    /// quotes may match by its full name ("Bidang Bina ...") too.
    static func matching(_ offered: [String], _ word: String, dataset: Dataset) -> [String] {
        let typed = word.lowercased()
        var seen = Set<String>()
        return offered.filter { candidate in
            guard seen.insert(candidate).inserted else { return false }
            if candidate.lowercased().hasPrefix(typed) { return true }
            guard let q = word.first, q == "\"" || q == "'" else { return false }
            let name = candidate.dropFirst().dropLast().lowercased()
            return dataset.catalogue.organisation.units.contains {
                $0.shortName.lowercased() == name && $0.fullName.lowercased().hasPrefix(typed.dropFirst())
            }
        }
    }

    /// Keywords, and their Indonesian aliases once something is typed (so an empty Tab lists
    /// only the English words).
    static func keywords(_ canonical: [Keyword], _ word: String) -> [String] {
        canonical.map(\.rawValue) + (word.isEmpty ? [] : canonical.flatMap(Words.aliases))
    }

    static func keyword(_ token: Token?) -> Keyword? {
        Words.keyword(token)
    }

    // MARK: - Outside quotes

    static func plain(_ statement: [Token], typing word: String, files: () -> [String], dataset: Dataset) -> [String] {
        guard let first = statement.first else {
            return keywords(Vocabulary.statements.map(\.keyword), word)
        }
        guard let rule = Vocabulary.statement(keyword(first)) else { return [] }
        switch rule.completion {
        case .helpTopics:
            return statement.count == 1 ? helpTopics : []
        case .settings:
            if statement.count == 1 {
                return SettingName.allCases.map(\.rawValue) + (word.isEmpty ? [] : Vocabulary.settingAliases.keys.sorted())
            }
            guard statement.count == 2 else { return [] }
            switch SettingName(word: statement[1].text) {
            case .format: return OutputFormat.names
            case .timer, .pager: return Vocabulary.switchWords.map(\.english)
            case .output: return [Vocabulary.standardOutputWord] + (word.isEmpty ? files() : [])
            case .period: return Array(Vocabulary.latestWords.prefix(word.isEmpty ? 1 : Vocabulary.latestWords.count)) + periods(dataset)
            case .language: return Language.allCases.map(\.rawValue)
            case .rules: return RuleSet.allCases.map(\.rawValue)
            case .width: return ["80", "0"]
            case .param, nil: return []
            }
        case .loadKinds:
            if statement.count == 1 { return LoadKind.allCases.map(\.rawValue) + (word.isEmpty ? [] : LoadKind.allCases.flatMap(\.aliases)) }
            return statement.count == 2 && word.isEmpty ? files() : []
        case .describe:
            if statement.count == 1 { return thingNames(word, singular: true) }
            guard statement.count == 2, let thing = Vocabulary.thingAliases[statement[1].text.lowercased()] else { return [] }
            switch thing {
            case .indicators: return codes(dataset)
            case .positions: return dataset.catalogue.positions.map(\.code) + (word.isEmpty ? titles("\"", dataset) : [])
            default: return []
            }
        case .show:
            return show(statement.dropFirst(), typing: word, exporting: false, files: files, dataset: dataset)
        case .explain:
            if statement.count == 1 { return keywords([.show], word) }
            guard keyword(statement[1]) == .show else { return [] }
            return show(statement.dropFirst(2), typing: word, exporting: false, files: files, dataset: dataset)
        case .export:
            if statement.count == 1 { return keywords([.show], word) }
            guard keyword(statement[1]) == .show else { return [] }
            return show(statement.dropFirst(2), typing: word, exporting: true, files: files, dataset: dataset)
        case .report:
            // report [for PERIOD] to "FILE"
            let words = statement.dropFirst().map { keyword($0) }
            if let last = statement.last, keyword(last) == .to { return word.isEmpty ? files() : [] }
            if let last = statement.last, keyword(last) == .for { return periods(dataset) }
            if words.contains(.to) { return [] }
            return keywords(words.contains(.for) ? [.to] : [.for, .to], word)
        case .nothing:
            return []
        }
    }

    /// After `show` (or `export show`): the thing, then columns and clauses.
    static func show(_ rest: ArraySlice<Token>, typing word: String, exporting: Bool, files: () -> [String], dataset: Dataset) -> [String] {
        guard let thingToken = rest.first else { return thingNames(word, singular: false) }
        guard let thing = Vocabulary.thingAliases[thingToken.text.lowercased()] else { return [] }
        let clause = Array(rest.dropFirst())
        // export show ... to "file" [format F]
        if exporting, let to = clause.lastIndex(where: { keyword($0) == .to }) {
            let after = clause[(to + 1)...]
            if after.isEmpty { return word.isEmpty ? files() : [] }
            if after.count == 1 { return [Keyword.format.rawValue] }
            return after.count == 2 && keyword(after.last) == .format ? OutputFormat.names : []
        }
        let fields = fieldNames(thing, word)
        let seen = Set(clause.compactMap { keyword($0) }.filter { clauses.contains($0) })
        let current = clause.last { keyword($0).map(clauses.contains) ?? false }.flatMap(keyword)
        let next = keywords(clauses.filter { !seen.contains($0) } + (exporting ? [.to] : []), word)
        guard let last = clause.last else {
            return fields + (word.isEmpty ? [] : aggregates) + next
        }
        let values = { (field: Token?) -> [String] in
            guard let field, field.kind == .identifier else { return [] }
            return plainValues(canonicalField(field.text), dataset)
        }
        if last.kind == .symbol {
            switch last.text {
            case "=", "!=", "<>":
                return values(clause.dropLast().last)
            case ",", "(":
                // A list after `in (`: values of the field before `in`; else columns.
                if let open = clause.lastIndex(where: { $0.isSymbol("(") }), open > 0, keyword(clause[open - 1]) == .in {
                    let field = clause[..<(open - 1)].last { keyword($0) != .not }
                    return values(field)
                }
                return fields + (current == nil || current == .order ? aggregates : [])
            case ")":
                break
            default:
                return fields
            }
        }
        switch last.kind == .identifier ? keyword(last) : nil {
        case .where, .and, .or, .not, .by, .between:
            if keyword(last) == .not, keyword(clause.dropLast().last) == .is { return [Keyword.missing.rawValue] }
            return fields + (current == .order ? aggregates : [])
        case .group, .order:
            return keywords([.by], word)
        case .for:
            return periods(dataset)
        case .is:
            return keywords([.missing, .not], word)
        case .in, .like, .contains, .as, .limit:
            return []
        case .asc, .desc:
            return next
        default:
            // After an operand: what may follow it in the clause being written.
            switch current {
            case nil: return keywords([.as], word) + next
            case .where: return keywords(Vocabulary.conditionWords, word) + next
            case .order: return keywords([.asc, .desc], word) + next
            default: return next
            }
        }
    }

    static func thingNames(_ word: String, singular: Bool) -> [String] {
        let aliases = Vocabulary.thingAliases.keys.filter { !things.contains($0) }.sorted()
        return things + (word.isEmpty ? [] : aliases)
    }

    /// The thing's fields, and their aliases once something is typed.
    static func fieldNames(_ thing: Thing, _ word: String) -> [String] {
        let names = Schema.fields(thing).map(\.name)
        let aliases = Vocabulary.fieldAliases.filter { names.contains($0.value) }.map(\.key).sorted()
        return names + (word.isEmpty ? [] : aliases)
    }

    static func canonicalField(_ name: String) -> String {
        let n = name.lowercased()
        return Vocabulary.fieldAliases[n] ?? n
    }

    /// Values written without quotes after `field =`: codes, and quoted names for the rest.
    static func plainValues(_ field: String, _ dataset: Dataset) -> [String] {
        field == "code" ? codes(dataset) : quotedValues(field, "\"", dataset)
    }

    static func codes(_ dataset: Dataset) -> [String] {
        dataset.catalogue.indicators.map(\.code)
    }

    static func periods(_ dataset: Dataset) -> [String] {
        var all = Set<Period>()
        dataset.realisations.forEachRow { _, period, _, _ in all.insert(period) }
        return all.sorted { ($0.year, $0.lastMonth, -$0.months) < ($1.year, $1.lastMonth, -$1.months) }.map(\.description)
    }

    static func titles(_ quote: Character, _ dataset: Dataset) -> [String] {
        dataset.catalogue.positions.map { "\(quote)\($0.title)\(quote)" }
    }

    // MARK: - Inside quotes

    /// After an opening quote: unit names after `bidang =` and the like, position titles, or
    /// file names where a file is expected.
    static func quoted(_ quote: Character, after statement: [Token], files: () -> [String], dataset: Dataset) -> [String] {
        let first = keyword(statement.first)
        let last = statement.last
        let rule = Vocabulary.statement(first)?.completion
        if keyword(last) == .to || (rule == .loadKinds && statement.count == 2)
            || (rule == .settings && statement.count == 2 && SettingName(word: statement[1].text) == .output) {
            return files()
        }
        if rule == .describe, statement.count == 2, Vocabulary.thingAliases[statement[1].text.lowercased()] == .positions {
            return titles(quote, dataset)
        }
        // Back over a list being written (`in ("a", "b", `) to the operator and the field before it.
        var i = statement.count - 1
        while i >= 0, statement[i].kind == .string || statement[i].isSymbol(",") || statement[i].isSymbol("(") { i -= 1 }
        guard i >= 1 else { return [] }
        let op = statement[i]
        guard op.isSymbol("=") || op.isSymbol("!=") || op.isSymbol("<>") || [.in, .like, .contains].contains(keyword(op)) else { return [] }
        var f = i - 1
        if f >= 1, keyword(statement[f]) == .not { f -= 1 }
        guard statement[f].kind == .identifier else { return [] }
        return quotedValues(canonicalField(statement[f].text), quote, dataset)
    }

    static func quotedValues(_ field: String, _ quote: Character, _ dataset: Dataset) -> [String] {
        let q = String(quote)
        let units = dataset.catalogue.organisation.units
        switch field {
        case "bidang": return units.filter { $0.kind.isBidangLevel }.map { q + $0.shortName + q }
        case "seksi": return units.filter { $0.kind == .seksi || $0.kind == .subBagian }.map { q + $0.shortName + q }
        case "unit": return units.map { q + $0.shortName + q }
        case "position": return titles(quote, dataset)
        case "kind": return IndicatorKind.allCases.map { q + $0.rawValue + q }
        case "polarity": return Polarity.allCases.map { q + $0.rawValue + q }
        case "consolidation": return Consolidation.allCases.map { q + $0.rawValue + q }
        default: return []
        }
    }

    /// File names in `directory` (or the folder typed so far) after the quote `word` opens (a
    /// double quote when nothing is typed): folders end in `/` to go on typing, files close the quote.
    static func files(_ word: String, in directory: String) -> [String] {
        let quote = word.first == "'" ? "'" : "\""
        let typed = word.isEmpty ? "" : String(word.dropFirst())
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let listed = folder.hasPrefix("/") ? folder : directory + "/" + folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        // Hidden files only when asked for by a leading dot, as shells do.
        return names.filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: listed + "/" + name, isDirectory: &isDirectory)
            return quote + folder + name + (isDirectory.boolValue ? "/" : quote)
        }
    }
}
