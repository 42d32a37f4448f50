/// Messages of the Word catalogue reader (`Catalogue/Reading/WordCatalogueReader.swift`).
extension Message {
    // MARK: - Word catalogues

    /// Document text quoted under a diagnostic, cut to `limit` characters.
    private static func clipped(_ text: String, _ limit: Int = 100) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public static var notAWordDocument: Message {
        Message(id: "word-not-a-document",
                "not a Word document (no word/document.xml; an Excel workbook goes to --realisations); save the catalogue from Word as .docx",
                id: "bukan dokumen Word (tidak ada word/document.xml; buku kerja Excel diberikan ke --realisations); simpan katalog dari Word sebagai .docx")
    }

    public static func wordMalformed(_ reason: String) -> Message {
        Message(id: "word-malformed",
                "word/document.xml cannot be read: \(reason); open the file in Word and save it again",
                id: "word/document.xml tidak dapat dibaca: \(reason); buka berkas di Word lalu simpan ulang")
    }

    public static var equationWithoutDenominator: Message {
        Message(id: "word-equation-without-denominator",
                "the equation's fraction has no numerator or no denominator; fill both in Word's equation editor",
                id: "pecahan pada persamaan tidak memiliki pembilang atau penyebut; isi keduanya di editor persamaan Word")
    }

    /// The note under a Word diagnostic: the text at the place it names.
    public static func wordTextThere(_ text: String) -> Message {
        Message(id: "word-text-there", "text there: '\(clipped(text))'", id: "teks di sana: '\(clipped(text))'")
    }
}
