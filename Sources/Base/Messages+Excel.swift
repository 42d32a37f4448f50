/// Messages about Excel's files: workbooks read as realisations, workbooks written, and the CSV
/// that goes through Excel and back. Each in English and in Bahasa Indonesia.
extension Message {
    // MARK: - CSV through Excel

    public static func ratioLooksLikeFraction(_ value: String, code: String) -> Message {
        Message(id: "ratio-looks-like-fraction",
                "value \(value) of ratio \(code) looks like a fraction; ratios are on 0-100 (write 85 for 85%)",
                id: "nilai \(value) untuk rasio \(code) tampak seperti pecahan; rasio ditulis 0-100 (tulis 85 untuk 85%)")
    }

    // MARK: - An Office file that is not a workbook (Catalogue/Reading/Workbook.swift)

    /// A Word document (or another Office file) given as realisations. A zip that is no Office
    /// file at all is `Message.zipNotOffice` (`Messages+OfficeArchive.swift`), for both readers.
    public static var notAnExcelWorkbook: Message {
        Message(id: "excel-not-a-workbook",
                "not an Excel workbook (no xl/workbook.xml; a Word catalogue goes to --catalogue); save the realisations from Excel as .xlsx",
                id: "bukan buku kerja Excel (tidak ada xl/workbook.xml; katalog Word diberikan ke --catalogue); simpan realisasi dari Excel sebagai .xlsx")
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

    /// A sheet part that does not scan (`Catalogue/Reading/SheetScanner.swift`); `problem` is one
    /// of the `sheet...` messages below.
    public static func workbookSheetMalformed(part: String, _ problem: Message) -> Message {
        Message(id: "workbook-sheet-malformed", "part \(part) is damaged here: \(problem.english); save the file again from Excel",
                id: "bagian \(part) rusak di sini: \(problem.indonesian); simpan ulang berkas dari Excel")
    }

    public static func sheetCutShort(inside element: String) -> Message {
        Message(id: "sheet-cut-short", "it ends inside <\(element)> (the file is cut short)",
                id: "berakhir di dalam <\(element)> (berkas terpotong)")
    }

    public static func sheetMismatchedEnd(_ found: String, open: String?) -> Message {
        guard let open else {
            return Message(id: "sheet-mismatched-end", "</\(found)> closes nothing", id: "</\(found)> tidak menutup apa pun")
        }
        return Message(id: "sheet-mismatched-end", "</\(found)> where <\(open)> should close", id: "</\(found)> padahal <\(open)> yang harus ditutup")
    }

    public static func sheetBadEntity(_ text: String) -> Message {
        Message(id: "sheet-bad-entity", "'\(text)' is not an XML character reference", id: "'\(text)' bukan rujukan karakter XML")
    }

    public static func sheetMalformedTag(_ text: String) -> Message {
        Message(id: "sheet-malformed-tag", "'\(text)' is not a well-formed tag", id: "'\(text)' bukan tag yang benar")
    }

    /// Text or a second element after a part's root element (a part read whole: styles, a Word body).
    public static func xmlOutsideRoot(_ text: String) -> Message {
        Message(id: "xml-outside-root", "'\(text)' is outside the part's root element", id: "'\(text)' berada di luar elemen akar bagian ini")
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
