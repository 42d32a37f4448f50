/// Messages about Excel's files: workbooks read as realisations, workbooks written, and the CSV
/// that goes through Excel and back. Each in English and in Bahasa Indonesia.
extension Message {
    // MARK: - CSV through Excel

    public static func ratioLooksLikeFraction(_ value: String, code: String) -> Message {
        Message(id: "ratio-looks-like-fraction",
                "value \(value) of ratio \(code) looks like a fraction; ratios are on 0-100 (write 85 for 85%)",
                id: "nilai \(value) untuk rasio \(code) tampak seperti pecahan; rasio ditulis 0-100 (tulis 85 untuk 85%)")
    }

    // MARK: - A zip that is not an Excel workbook (Catalogue/Reading/Workbook.swift)

    public static func zipNotOffice(_ path: String) -> Message {
        Message(id: "zip-not-office", "'\(path)' is a zip but not a Word (.docx) or Excel (.xlsx) file",
                id: "'\(path)' berkas zip, tetapi bukan berkas Word (.docx) atau Excel (.xlsx)")
    }

    public static var saveAsOffice: Message {
        Message(id: "save-as-office", "open it in Word or Excel and save it as .docx or .xlsx (not .doc, .xls or a zip of files)",
                id: "buka di Word atau Excel lalu simpan sebagai .docx atau .xlsx (bukan .doc, .xls atau zip berisi berkas)")
    }
}

extension Message {
    // MARK: - Excel workbooks read as realisations (Catalogue/Realisations/WorkbookRealisations.swift)

    public static func workbookMissingSheet(_ name: String, part: String) -> Message {
        Message(id: "workbook-missing-sheet", "the workbook names sheet \(name), but its part \(part) is missing; save the file again from Excel",
                id: "buku kerja menyebut sheet \(name), tetapi bagiannya \(part) tidak ada; simpan ulang berkas dari Excel")
    }

    public static func workbookBadXML(part: String, line: Int) -> Message {
        Message(id: "workbook-bad-xml", "part \(part) is not valid XML (line \(line)); save the file again from Excel",
                id: "bagian \(part) bukan XML yang sah (baris \(line)); simpan ulang berkas dari Excel")
    }

    public static func workbookWithoutCodeSheet(_ path: String) -> Message {
        Message(id: "workbook-without-code-sheet", "no sheet of '\(path)' has a header with a 'code' column",
                id: "tidak ada sheet di '\(path)' yang judul kolomnya memuat kolom 'code'")
    }

    public static var workbookHeaderHint: Message {
        Message(id: "workbook-header-hint", "the first row of a sheet names its columns: code, period, value, ... or code and one column per period (Januari, TW I, 2026-01)",
                id: "baris pertama sheet berisi nama kolom: code, period, value, ... atau code dan satu kolom per periode (Januari, TW I, 2026-01)")
    }

    public static func workbookMergedHeader(_ range: String) -> Message {
        Message(id: "workbook-merged-header", "the header cells \(range) are merged; unmerge them so each column has its own name",
                id: "sel judul \(range) digabung (merge); pisahkan agar setiap kolom punya namanya sendiri")
    }

    public static func workbookDateAsCode(_ date: String) -> Message {
        Message(id: "workbook-date-as-code", "a date (\(date)) where an indicator code should be; format the column as Text and type the code again",
                id: "tanggal (\(date)) di tempat kode indikator; ubah format kolom menjadi Text lalu ketik ulang kodenya")
    }

    public static func workbookHeaderWithoutYear(_ header: String) -> Message {
        Message(id: "workbook-header-without-year", "column '\(header)' names a period without a year; add a 'tahun' column or name the sheet by its year (2026)",
                id: "kolom '\(header)' menyebut periode tanpa tahun; tambahkan kolom 'tahun' atau beri nama sheet dengan tahunnya (2026)")
    }

    public static var workbookNothingLoaded: Message {
        Message(id: "workbook-nothing-loaded", "nothing of this workbook was loaded: fix the errors above and load it again",
                id: "tidak ada isi buku kerja ini yang dimuat: perbaiki kesalahan di atas lalu muat ulang")
    }
}

extension Message {
    // MARK: - Excel workbooks written (Render/XLSXRenderer.swift)

    public static func formatForFilesOnly(_ name: String) -> Message {
        Message(id: "format-for-files-only", "\(name) is written to files only: export show ... to \"x.\(name)\"",
                id: "\(name) hanya ditulis ke berkas: export show ... to \"x.\(name)\"")
    }
}
