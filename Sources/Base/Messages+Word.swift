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

    /// `problem`: what the XML reader found (`Catalogue/Reading/XMLTokenizer.swift`), at `line`.
    public static func wordMalformed(_ problem: Message, line: Int) -> Message {
        Message(id: "word-malformed",
                "word/document.xml cannot be read: \(problem.english) (line \(line) of word/document.xml); open the file in Word and save it again",
                id: "word/document.xml tidak dapat dibaca: \(problem.indonesian) (baris \(line) word/document.xml); buka berkas di Word lalu simpan ulang")
    }

    /// A body that is well-formed XML but not WordprocessingML.
    public static var wordNoDocumentElement: Message {
        Message(id: "word-no-document-element", "it has no <w:document> element", id: "tidak ada elemen <w:document>")
    }

    public static var wordStylesMalformed: Message {
        Message(id: "word-styles-malformed",
                "word/styles.xml is not valid XML, so list numbering cannot be read; open the file in Word and save it again",
                id: "word/styles.xml bukan XML yang sah, sehingga penomoran daftar tidak dapat dibaca; buka berkas di Word lalu simpan ulang")
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

    // MARK: - One office's catalogue given twice (Catalogue/SameOffice.swift)

    public static func sameOfficeTwice(office: String, used: String, left: String, positions: Int, indicators: Int) -> Message {
        Message(id: "same-office-twice",
                "the same catalogue as '\(used)' (\(office): \(positions) positions, \(indicators) indicators, the same texts); loaded once, from '\(used)', and '\(left)' left out",
                id: "katalog yang sama dengan '\(used)' (\(office): \(positions) jabatan, \(indicators) indikator, teks yang sama); dimuat sekali, dari '\(used)', dan '\(left)' tidak dimuat")
    }

    public static func sameOfficeDiffers(office: String, used: String, left: String, usedCounts: (Int, Int), leftCounts: (Int, Int)) -> Message {
        Message(id: "same-office-differs",
                "the catalogue of the same office as '\(used)' (\(office)) but not the same ('\(used)': \(usedCounts.0) positions, \(usedCounts.1) indicators; this file: \(leftCounts.0) positions, \(leftCounts.1) indicators, or other texts); only '\(used)' is loaded: keep one version of the office's catalogue in the folder",
                id: "katalog dari kantor yang sama dengan '\(used)' (\(office)) tetapi isinya berbeda ('\(used)': \(usedCounts.0) jabatan, \(usedCounts.1) indikator; berkas ini: \(leftCounts.0) jabatan, \(leftCounts.1) indikator, atau teks lain); hanya '\(used)' yang dimuat: simpan satu versi katalog kantor di folder")
    }
}
