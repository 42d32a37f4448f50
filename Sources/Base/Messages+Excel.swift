/// Messages about Excel's files: workbooks read as realisations, workbooks written, and the CSV
/// that goes through Excel and back. Each in English and in Bahasa Indonesia.
extension Message {
    // MARK: - CSV through Excel

    public static func ratioLooksLikeFraction(_ value: String, code: String) -> Message {
        Message(id: "ratio-looks-like-fraction",
                "value \(value) of ratio \(code) looks like a fraction; ratios are on 0-100 (write 85 for 85%)",
                id: "nilai \(value) untuk rasio \(code) tampak seperti pecahan; rasio ditulis 0-100 (tulis 85 untuk 85%)")
    }

    // MARK: - Word and Excel files (Catalogue/Reading/OfficeArchive.swift)

    public static func notAnOfficeZip(_ path: String) -> Message {
        Message(id: "not-an-office-zip", "'\(path)' is not a Word or Excel file: it is not a zip",
                id: "'\(path)' bukan berkas Word atau Excel: bukan berkas zip")
    }

    public static func zipNotOffice(_ path: String) -> Message {
        Message(id: "zip-not-office", "'\(path)' is a zip but not a Word (.docx) or Excel (.xlsx) file",
                id: "'\(path)' berkas zip, tetapi bukan berkas Word (.docx) atau Excel (.xlsx)")
    }

    public static var saveAsOffice: Message {
        Message(id: "save-as-office", "open it in Word or Excel and save it as .docx or .xlsx (not .doc, .xls or a zip of files)",
                id: "buka di Word atau Excel lalu simpan sebagai .docx atau .xlsx (bukan .doc, .xls atau zip berisi berkas)")
    }

    public static func damagedOfficePart(_ path: String, part: String) -> Message {
        Message(id: "damaged-office-part", "'\(path)' is damaged: its part \(part) cannot be read",
                id: "'\(path)' rusak: bagian \(part) tidak dapat dibaca")
    }
}
