/// The messages of choosing a language and of the words a language gives a diagnostic (its
/// severity); the messages of misleading comparisons (`Resolver` warnings before a plausible wrong
/// number) are in Messages+Warnings.swift.
extension Message {
    public static func expectedLanguage(found: String) -> Message {
        Message(id: "expected-language", "expected id or en after 'set language', found \(found)",
                id: "setelah 'set language' harus id atau en, ditemukan \(found)")
    }

    public static func unknownLanguage(_ text: String) -> Message {
        Message(id: "unknown-language", "unknown language '\(text)'; use id (Bahasa Indonesia) or en (English)",
                id: "bahasa '\(text)' tidak dikenal; gunakan id (Bahasa Indonesia) atau en (English)")
    }

    /// The `--lang` option's help.
    public static var languageOptionHelp: Message {
        Message(id: "language-option-help", "Language of messages, headers and help: id or en (default from LC_ALL, LC_MESSAGES, LANG).",
                id: "Bahasa pesan, judul kolom dan bantuan: id atau en (bawaan dari LC_ALL, LC_MESSAGES, LANG).")
    }

    /// The note when `periode` was written for the clause `for` (`untuk`).
    public static func periodeIsTheField(_ word: String, period: String) -> Message {
        Message(id: "periode-is-the-field", "'\(word)' is the field period; to choose the period, write 'for \(period)' (or 'untuk \(period)')",
                id: "'\(word)' adalah kolom periode; untuk memilih periode, tulis 'untuk \(period)'")
    }

    // How messages name what was found and what an operand is (`found the end of the input`).

    public static var foundEnd: Message { Message(id: "found-end", "the end of the input", id: "akhir masukan") }
    public static func foundText(_ text: String) -> Message { Message(id: "found-text", "the text \"\(text)\"", id: "teks \"\(text)\"") }
    public static func expressionAtColumn(_ column: Int) -> Message {
        Message(id: "expression-at-column", "the expression at column \(column)", id: "ekspresi pada kolom \(column)")
    }
    public static var kindText: Message { Message(id: "kind-text", "text", id: "teks") }
    public static var kindNumber: Message { Message(id: "kind-number", "a number", id: "angka") }
    public static var kindPercentage: Message { Message(id: "kind-percentage", "a percentage", id: "persentase") }
    public static var kindPeriod: Message { Message(id: "kind-period", "a period", id: "periode") }
    public static var kindCondition: Message { Message(id: "kind-condition", "a condition", id: "kondisi") }

    /// Under a table: `(3 rows, period 2026-10)`.
    public static func rowsFooter(_ count: Int, period: String?) -> Message {
        Message(id: "rows-footer", "(\(count) row\(count == 1 ? "" : "s")\(period.map { ", period \($0)" } ?? ""))",
                id: "(\(count) baris\(period.map { ", periode \($0)" } ?? ""))")
    }

    // The general help (`help`, `bantuan`); the statements' syntax lines are the same in both.

    public static var helpStatementsEnd: Message {
        Message(id: "help-statements-end", "Statements end with ';' (or at the end of a complete line in the shell).",
                id: "Pernyataan diakhiri ';' (atau di akhir baris yang sudah lengkap di shell). Kata kunci bisa dalam Bahasa Indonesia: 'bantuan alias'.")
    }
    public static func helpThings(_ things: String) -> Message {
        Message(id: "help-things", "THING is \(things).", id: "THING adalah \(things).")
    }
    public static var helpExample: Message {
        Message(id: "help-example", "Example: show indicators where bidang = \"Fasilitasi Pembiayaan\" and achievement < 80%",
                id: "Contoh: tampilkan indikator dimana bidang = \"Fasilitasi Pembiayaan\" dan capaian < 80%")
    }
    public static var orWord: Message { Message(id: "or-word", "or", id: "atau") }

    /// How a diagnostic's severity is written before its message.
    public static var severityError: Message { Message(id: "severity-error", "error", id: "galat") }
    public static var severityWarning: Message { Message(id: "severity-warning", "warning", id: "peringatan") }
}

extension Language {
    /// The language a locale environment asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set and not empty decides (as POSIX orders them); `id_ID.UTF-8`, `id` and `in_ID`
    /// (the old code) are Indonesian, anything else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let code = value.prefix { $0.isLetter }.lowercased()
            return code == "id" || code == "in" ? .indonesian : .english
        }
        return .english
    }
}
