/// The messages of the configuration file (`iki.toml`, `.ikirc`): its syntax and its values.
/// (Kept apart from `Messages.swift` so the catalogue grows by area.)
extension Message {
    public static func configExpectedKey(found: String) -> Message {
        Message(id: "config-expected-key", "expected a key name, as in 'catalogue = \"iki.txt\"', found \(found)",
                id: "harus ada nama kunci, seperti 'catalogue = \"iki.txt\"', ditemukan \(found)")
    }

    public static func configUnknownKey(_ key: String, _ keys: [String]) -> Message {
        Message(id: "config-unknown-key", "unknown key '\(key)'; the keys are \(keys.joined(separator: ", "))",
                id: "kunci '\(key)' tidak dikenal; kunci yang ada: \(keys.joined(separator: ", "))")
    }

    public static func configDuplicateKey(_ key: String, firstLine: Int) -> Message {
        Message(id: "config-duplicate-key", "'\(key)' is set twice; the first is on line \(firstLine)",
                id: "'\(key)' diisi dua kali; yang pertama di baris \(firstLine)")
    }

    public static func configExpectedEquals(_ key: String, found: String) -> Message {
        Message(id: "config-expected-equals", "expected '=' after '\(key)', found \(found)",
                id: "setelah '\(key)' harus ada '=', ditemukan \(found)")
    }

    public static func configExpectedValue(found: String) -> Message {
        Message(id: "config-expected-value", "expected a value in double quotes (\"...\") or a list ([\"a\", \"b\"]), found \(found)",
                id: "harus ada nilai dalam tanda petik ganda (\"...\") atau daftar ([\"a\", \"b\"]), ditemukan \(found)")
    }

    public static var configUnterminatedString: Message {
        Message(id: "config-unterminated-string", "unterminated string: the closing '\"' is missing on this line",
                id: "teks tidak ditutup: tanda '\"' penutup tidak ada di baris ini")
    }

    public static var configUnterminatedList: Message {
        Message(id: "config-unterminated-list", "unterminated list: the closing ']' is missing on this line",
                id: "daftar tidak ditutup: tanda ']' penutup tidak ada di baris ini")
    }

    public static func configTrailingText(found: String) -> Message {
        Message(id: "config-trailing-text", "unexpected \(found) after the value; a comment starts with '#'",
                id: "ada \(found) yang tidak diharapkan setelah nilai; komentar diawali '#'")
    }

    public static func configNotAList(_ key: String) -> Message {
        Message(id: "config-not-a-list", "'\(key)' takes one value in double quotes, not a list",
                id: "'\(key)' berisi satu nilai dalam tanda petik ganda, bukan daftar")
    }

    public static func configEmptyPath(_ key: String) -> Message {
        Message(id: "config-empty-path", "'\(key)' needs a file or folder, not an empty text",
                id: "'\(key)' harus berisi berkas atau folder, bukan teks kosong")
    }

    public static func configBadFormat(_ value: String, _ formats: [String]) -> Message {
        Message(id: "config-bad-format", "'\(value)' is not an output format; the formats are \(formats.joined(separator: ", "))",
                id: "'\(value)' bukan format keluaran; format yang ada: \(formats.joined(separator: ", "))")
    }

    public static func configBadLanguage(_ value: String) -> Message {
        Message(id: "config-bad-language", "'\(value)' is not a language; write \"id\" (Bahasa Indonesia) or \"en\" (English)",
                id: "'\(value)' bukan bahasa; tulis \"id\" (Bahasa Indonesia) atau \"en\" (English)")
    }

    public static func configBadScale(_ value: String) -> Message {
        Message(id: "config-bad-scale", "'\(value)' is not a scale; write its bands from the top, e.g. \"91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang\"",
                id: "'\(value)' bukan skala; tulis rentangnya dari yang tertinggi, mis. \"91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang\"")
    }

    public static func configUnreadable(_ path: String) -> Message {
        Message(id: "config-unreadable", "cannot read the configuration file \(path) (it must be UTF-8 text); --no-config ignores it",
                id: "berkas konfigurasi \(path) tidak bisa dibaca (harus teks UTF-8); --no-config mengabaikannya")
    }
}

extension Message {
    /// What a configuration error found when the line ended: `found the end of the line`.
    public static var configEndOfLine: Message {
        Message(id: "config-end-of-line", "the end of the line", id: "akhir baris")
    }
}
