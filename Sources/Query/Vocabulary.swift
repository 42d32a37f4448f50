import Catalogue

/// A keyword of the language, by its canonical English spelling, with its Bahasa Indonesia (and
/// alternative) spellings. grammar/aliases.md documents the aliases; a test checks that it lists
/// exactly these.
public enum Keyword: String, CaseIterable, Sendable {
    case show, describe, explain, `where`, and, or, not, `for`, group, order, by, asc, desc, limit
    case `in`, between, contains, like, `is`, missing, `as`
    case export, to, format, set, load, help, quit
    /// A keyword of its own, not an alias: the parser takes it for `quit`.
    case exit
    // -- organisation (issue 14): the catalogue's quality check --
    case lint
    // -- end organisation --
    // -- report (issue 13): the report for the head of office --
    case report
    // -- end report --

    public var aliases: [String] {
        switch self {
        case .show: ["tampilkan"]
        case .describe: ["jelaskan"]
        case .explain: ["rencana"]
        case .where: ["dimana", "yang"]
        case .and: ["dan"]
        case .or: ["atau"]
        case .not: ["bukan", "tidak"]
        // Not `periode`: that is the field `period` (`tampilkan realisasi periode, ...`).
        case .for: ["untuk"]
        case .group: ["kelompokkan"]
        case .order: ["urutkan"]
        case .by: ["berdasarkan"]
        case .asc: ["naik"]
        case .desc: ["turun"]
        case .limit: ["batas"]
        case .in: ["dalam"]
        case .between: ["antara"]
        case .contains: ["memuat", "berisi"]
        case .like: ["seperti"]
        case .is: ["adalah"]
        case .missing: ["kosong"]
        case .as: ["sebagai"]
        case .export: ["ekspor"]
        case .to: ["ke"]
        case .set: ["atur"]
        case .load: ["muat"]
        case .help: ["bantuan"]
        case .quit: ["keluar"]
        // -- organisation (issue 14) --
        case .lint: ["periksa"]
        // -- end organisation --
        case .report: ["laporan"]
        case .format, .exit: []
        }
    }

    private static let byWord: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for k in allCases {
            table[k.rawValue] = k
            for alias in k.aliases { table[alias] = k }
        }
        return table
    }()

    /// The keyword `word` spells, in any case, if any.
    public init?(word: String) {
        guard let k = Self.byWord[word.lowercased()] else { return nil }
        self = k
    }

    /// How the keyword is offered for completion: the canonical word, then its other spellings.
    public var spellings: [String] { [rawValue] + aliases }
}

/// One statement of the language and what every part of iki needs to know about it. Adding a
/// statement is adding a row here: the parser, multi-line input, completion and help read it
/// (a test checks that each row has help, completion and a multi-line rule).
public struct StatementRule: Sendable {
    /// A question (answered by the interpreter) or a command to the session.
    public enum Kind: Sendable { case query, command }

    /// What completion offers after the statement's keyword.
    public enum Completion: Sendable {
        case show, describe, explain, export, settings, loadKinds, helpTopics
        /// `for PERIOD`, `to "FILE"` (the report).
        case report
        case nothing
    }

    /// When a statement typed in the shell is complete at the end of a line.
    public enum MultiLine: Sendable {
        /// Complete after its keyword and any one word (`help`, `help show`).
        case always
        /// Complete by itself (`quit`), unless what follows needs more.
        case alone
        /// Needs this many words at least (`set format csv`, `load catalogue "f"`).
        case words(Int)
        /// Needs this keyword somewhere (`export ... to "f"`).
        case needs(Keyword)
        /// Complete unless it ends in an operator or a keyword that needs more (`show ... where`).
        case unlessOpen
    }

    public let keyword: Keyword
    /// Other keywords that start the same statement (`exit` for `quit`).
    public let synonyms: [Keyword]
    public let kind: Kind
    public let completion: Completion
    public let multiLine: MultiLine
}

/// A clause of `show`: its keyword, the keyword that must follow (`group by`), as it is written.
public struct ClauseRule: Sendable {
    public let keyword: Keyword
    public let follower: Keyword?
    /// In `show` itself; `to` ends an export instead.
    public let inShow: Bool

    public var written: String { follower.map { "\(keyword.rawValue) \($0.rawValue)" } ?? keyword.rawValue }
}

/// What `set` changes, with its Bahasa Indonesia names (`atur periode 2026-10`).
public enum SettingName: String, CaseIterable, Sendable {
    case format, period, output, timer, width, param, language
    /// The rule set (issue 13, monthly review).
    case rules
    /// Results taller than the terminal through a pager (issue 12).
    case pager

    public var aliases: [String] {
        switch self {
        case .pager: ["halaman"]
        case .format: []
        case .language: ["bahasa"]
        case .period: ["periode"]
        case .output: ["keluaran"]
        case .timer: ["pewaktu"]
        case .width: ["lebar"]
        case .param: ["parameter"]
        case .rules: ["aturan"]
        }
    }

    public init?(word: String) {
        let w = word.lowercased()
        guard let s = Self.allCases.first(where: { $0.rawValue == w || $0.aliases.contains(w) }) else { return nil }
        self = s
    }
}

extension LoadKind {
    /// The other spellings `load` accepts.
    public var aliases: [String] {
        switch self {
        case .catalogue: ["catalog", "katalog"]
        case .organisation: ["organization", "organisasi"]
        case .realisations: ["realizations", "realisasi", "targets", "target"]
        }
    }

    public init?(word: String) {
        let w = word.lowercased()
        guard let k = Self.allCases.first(where: { $0.rawValue == w || $0.aliases.contains(w) }) else { return nil }
        self = k
    }
}

extension Thing {
    /// Singular and Bahasa Indonesia names of the thing.
    public var aliases: [String] {
        switch self {
        case .indicators: ["indicator", "indikator"]
        case .positions: ["position", "jabatan"]
        case .units: ["unit"]
        case .objectives: ["objective", "sasaran"]
        case .realisations: ["realisation", "realizations", "realisasi"]
        }
    }
}

/// The tables of the language: statements, clauses, settings, and the aliases of things, fields
/// and aggregates.
public enum Vocabulary {
    /// Every statement, in the order help and completion list them.
    public static let statements: [StatementRule] = [
        StatementRule(keyword: .show, synonyms: [], kind: .query, completion: .show, multiLine: .unlessOpen),
        StatementRule(keyword: .describe, synonyms: [], kind: .query, completion: .describe, multiLine: .unlessOpen),
        StatementRule(keyword: .explain, synonyms: [], kind: .query, completion: .explain, multiLine: .unlessOpen),
        StatementRule(keyword: .export, synonyms: [], kind: .command, completion: .export, multiLine: .needs(.to)),
        StatementRule(keyword: .set, synonyms: [], kind: .command, completion: .settings, multiLine: .words(3)),
        StatementRule(keyword: .load, synonyms: [], kind: .command, completion: .loadKinds, multiLine: .words(3)),
        StatementRule(keyword: .help, synonyms: [], kind: .command, completion: .helpTopics, multiLine: .always),
        StatementRule(keyword: .quit, synonyms: [.exit], kind: .command, completion: .nothing, multiLine: .alone),
        // -- organisation (issue 14): `lint`, the catalogue's quality check --
        StatementRule(keyword: .lint, synonyms: [], kind: .query, completion: .nothing, multiLine: .alone),
        // -- end organisation --
        StatementRule(keyword: .report, synonyms: [], kind: .command, completion: .report, multiLine: .needs(.to)),
    ]

    /// The statement a keyword starts, if any.
    public static func statement(_ keyword: Keyword?) -> StatementRule? {
        guard let keyword else { return nil }
        return statements.first { $0.keyword == keyword || $0.synonyms.contains(keyword) }
    }

    /// The clauses of `show`, in the order the grammar lists them, and `to` of `export`.
    public static let clauses: [ClauseRule] = [
        ClauseRule(keyword: .where, follower: nil, inShow: true),
        ClauseRule(keyword: .for, follower: nil, inShow: true),
        ClauseRule(keyword: .group, follower: .by, inShow: true),
        ClauseRule(keyword: .order, follower: .by, inShow: true),
        ClauseRule(keyword: .limit, follower: nil, inShow: true),
        ClauseRule(keyword: .to, follower: nil, inShow: false),
    ]

    public static var showClauses: [ClauseRule] { clauses.filter(\.inShow) }

    /// The words a setting takes besides values: `set period latest`, `set timer on`.
    public static let latestWords = ["latest", "terakhir"]
    public static let switchWords: [(english: String, indonesian: String, on: Bool)] = [("on", "nyala", true), ("off", "mati", false)]
    public static let standardOutputWord = "stdout"

    /// The words that go on a condition after an operand (`achievement < 80% and ...`).
    public static let conditionWords: [Keyword] = [.and, .or, .not, .is, .in, .between, .like, .contains]

    /// Indonesian (and alternative) words for keywords.
    public static var keywordAliases: [String: String] {
        var table: [String: String] = [:]
        for k in Keyword.allCases { for alias in k.aliases { table[alias] = k.rawValue } }
        return table
    }

    /// Indonesian names of settings.
    public static var settingAliases: [String: String] {
        var table: [String: String] = [:]
        for s in SettingName.allCases { for alias in s.aliases { table[alias] = s.rawValue } }
        return table
    }

    /// Things a `show` or `describe` ranges over, by every name, canonical ones included.
    public static let thingAliases: [String: Thing] = {
        var table: [String: Thing] = [:]
        for t in Thing.allCases {
            table[t.rawValue] = t
            for alias in t.aliases { table[alias] = t }
        }
        return table
    }()

    /// Indonesian (and alternative) names of fields.
    public static let fieldAliases: [String: String] = [
        "capaian": "achievement", "realisasi": "realisation", "realization": "realisation", "kode": "code",
        "indikator": "indicator", "jabatan": "position", "sasaran": "objective", "jenis": "kind",
        "pembilang": "numerator", "penyebut": "denominator", "sumber": "source", "sumber_data": "source",
        "sumber_target": "target_source", "predikat": "category", "kategori": "category", "periode": "period",
        "polaritas": "polarity", "konsolidasi": "consolidation", "rumus": "formula", "formulasi": "formula",
        "satuan": "target_unit", "catatan": "note", "nilai": "value", "nama": "name", "induk": "parent",
        "jumlah_indikator": "indicators", "jumlah_jabatan": "positions", "dilaporkan": "reported", "perubahan": "change",
        // -- organisation (issue 14): the chain of superiors --
        "atasan": "superior", "bawahan": "subordinates", "atasan_disebut": "superior_named",
        // -- end organisation --
        "dinas": "office", "wilayah": "region", "tugas": "tasks", "fungsi": "functions",
        "jumlah_laporan": "reports", "capaian_sebelumnya": "previous_achievement",
        "status": "state", "belum_dilaporkan": "not_reported",
    ]

    /// The name a field is headed with in Bahasa Indonesia: one of its aliases, so a header can be
    /// typed back in a query. Fields without an alias (unit, bidang, target) keep their name.
    public static let indonesianFieldNames: [String: String] = {
        var table: [String: String] = [:]
        for (alias, field) in fieldAliases where !alias.contains("realization") {
            // The first alias in alphabetical order, except where analysts say otherwise.
            if let chosen = table[field], chosen < alias { continue }
            table[field] = alias
        }
        table["category"] = "predikat"
        table["source"] = "sumber"
        table["formula"] = "rumus"
        table["realisation"] = "realisasi"
        return table
    }()

    /// A column's header in Bahasa Indonesia: each field and aggregate word replaced by its
    /// Indonesian name (`avg(achievement)` -> `rata_rata(capaian)`); aliases the user gave as written.
    public static func indonesianHeader(_ header: String) -> String {
        var out = ""
        var word = ""
        func flush(before next: Character?) {
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if next == "(", let aggregate = indonesianAggregates[lower] { out += aggregate } else { out += indonesianFieldNames[lower] ?? word }
            word = ""
        }
        var inString = false
        for c in header {
            if c == "\"" { inString.toggle() }
            if !inString && (c.isLetter || c.isNumber || c == "_") { word.append(c); continue }
            flush(before: c)
            out.append(c)
        }
        flush(before: nil)
        return out
    }

    static let indonesianAggregates = ["avg": "rata_rata", "sum": "jumlah", "count": "banyak"]

    /// The words analysts write for a kind of unit, as `kind` of units compares them
    /// (`kind = "kasi"` is `kind = "seksi"`): the kinds themselves and the heads' short titles.
    public static let unitKindWords: [String: UnitKind] = {
        var table: [String: UnitKind] = [:]
        for kind in UnitKind.allCases { table[kind.rawValue] = kind }
        for (word, kind) in unitKindAliases { table[word] = kind }
        return table
    }()

    /// The other spellings of unit kinds (grammar/aliases.md lists them).
    public static let unitKindAliases: [String: UnitKind] = [
        "kabid": .bidang, "kasi": .seksi, "kasubag": .subBagian, "kasubbag": .subBagian, "subbag": .subBagian,
        "subbagian": .subBagian, "sekretaris": .sekretariat, "kepala upt": .upt,
    ]

    /// The words `set language` takes, and the language each names.
    public static let languageWords: [String: Language] = [
        "id": .indonesian, "indonesia": .indonesian, "indonesian": .indonesian,
        "en": .english, "english": .english, "inggris": .english,
    ]

    /// Aggregate functions and their aliases.
    public static let aggregates: [String: String] = [
        "count": "count", "sum": "sum", "avg": "avg", "average": "avg", "min": "min", "max": "max",
        "jumlah": "sum", "rata_rata": "avg", "rerata": "avg", "banyak": "count",
    ]

    /// The canonical aggregate names, in the order completion offers them.
    public static let aggregateNames = ["count", "sum", "avg", "min", "max"]

    /// `a, b or c`, as messages list choices.
    public static func choices(_ words: [String], _ conjunction: String? = nil) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        let conjunction = conjunction ?? Message.orWord.text
        // Not `joined`: the run command's option help lists choices, on every start (`joinedText`).
        return joinedText(Array(words[..<(words.count - 1)]), separator: ", ") + " \(conjunction) " + words[words.count - 1]
    }
}

public enum Thing: String, CaseIterable, Sendable {
    case indicators, positions, units, objectives, realisations
}

// MARK: - Monthly review (issue 13): period ranges. Kept in one block to ease merging.
extension Vocabulary {
    /// The words joining the ends of a range after `for`: `2026-01 to 2026-10`, `sampai`, `s.d.`.
    public static let rangeWords = Period.rangeWords
    /// The end of `for 2026 to date` (`s.d. sekarang`): the latest month reported.
    public static let toDateWords = ["date", "now", "sekarang", "kini"]
    /// The crosstab clause: `pivot period` (`silang periode`).
    public static let pivotWords = ["pivot", "silang"]
}
