/// The labels and messages of the report for the head of office (`iki report`, `report to ...`):
/// every word the page and the workbook show. (Kept apart from `Messages.swift` so the catalogue
/// grows by area.)
extension Message {
    public static var reportTitle: Message {
        Message(id: "report-title", "IKI achievement report", id: "Laporan Capaian Indikator Kinerja Individu")
    }

    public static var reportOffice: Message { Message(id: "report-office", "Office", id: "Perangkat daerah") }
    public static var reportRegion: Message { Message(id: "report-region", "Region", id: "Wilayah") }
    public static var reportHead: Message { Message(id: "report-head", "Head of office", id: "Kepala") }
    public static var reportPeriod: Message { Message(id: "report-period", "Period", id: "Periode") }
    public static var reportPrevious: Message { Message(id: "report-previous", "Compared with", id: "Dibandingkan dengan") }
    public static var reportRules: Message { Message(id: "report-rules", "Rule set", id: "Aturan penilaian") }
    public static var reportScale: Message { Message(id: "report-scale", "Scale (predikat)", id: "Skala (predikat)") }
    public static var reportLoaded: Message { Message(id: "report-loaded", "Data loaded", id: "Data dimuat") }
    public static var reportSources: Message { Message(id: "report-sources", "Data files", id: "Berkas data") }
    public static var reportSummarySheet: Message { Message(id: "report-summary-sheet", "Summary", id: "Ringkasan") }
    public static var reportItem: Message { Message(id: "report-item", "item", id: "butir") }
    public static var reportValue: Message { Message(id: "report-value", "value", id: "nilai") }

    public static var reportQuery: Message {
        Message(id: "report-query", "Query (run it in iki to trace these figures)", id: "Kueri (jalankan di iki untuk menelusuri angka ini)")
    }

    public static var reportNone: Message { Message(id: "report-none", "None.", id: "Tidak ada.") }
    public static var reportNoMonths: Message {
        Message(id: "report-no-months", "No month of the year reported yet.", id: "Belum ada bulan yang dilaporkan tahun ini.")
    }

    /// The six sections, in the page's order; the second text is the sheet's name (31 characters at most).
    public static var reportBidangTitle: Message { Message(id: "report-bidang", "Achievement per bidang", id: "Capaian per bidang") }
    public static var reportTrendTitle: Message { Message(id: "report-trend", "Trend per bidang, month by month", id: "Tren per bidang, bulan demi bulan") }
    public static var reportUnderTitle: Message { Message(id: "report-under", "Indicators under 80%", id: "Indikator di bawah 80%") }
    public static var reportNotReportedTitle: Message {
        Message(id: "report-not-reported", "Positions that have not reported", id: "Jabatan yang belum melapor")
    }
    public static var reportBestTitle: Message { Message(id: "report-best", "Best ten indicators", id: "Sepuluh indikator terbaik") }
    public static var reportWorstTitle: Message { Message(id: "report-worst", "Worst ten indicators", id: "Sepuluh indikator terendah") }

    public static var reportBidangSheet: Message { Message(id: "report-bidang-sheet", "Per bidang", id: "Per bidang") }
    public static var reportTrendSheet: Message { Message(id: "report-trend-sheet", "Trend", id: "Tren") }
    public static var reportUnderSheet: Message { Message(id: "report-under-sheet", "Under 80%", id: "Di bawah 80%") }
    public static var reportNotReportedSheet: Message { Message(id: "report-not-reported-sheet", "Not reported", id: "Belum melapor") }
    public static var reportBestSheet: Message { Message(id: "report-best-sheet", "Best 10", id: "10 terbaik") }
    public static var reportWorstSheet: Message { Message(id: "report-worst-sheet", "Worst 10", id: "10 terendah") }

    /// What a section shows, under its title.
    public static func reportBidangNote(previous: String) -> Message {
        Message(id: "report-bidang-note", "Average achievement of each bidang's indicators; the bar is coloured by predikat, the line marks 100%. Change in percentage points against \(previous).",
                id: "Rata-rata capaian indikator tiap bidang; warna batang menurut predikat, garis menandai 100%. Perubahan dalam poin persentase terhadap \(previous).")
    }

    public static func reportTrendNote(from: String, to: String) -> Message {
        Message(id: "report-trend-note", "Average achievement of each bidang, \(from) to \(to); a month without realisations is a gap.",
                id: "Rata-rata capaian tiap bidang, \(from) s.d. \(to); bulan tanpa realisasi dibiarkan kosong.")
    }

    public static var reportUnderNote: Message {
        Message(id: "report-under-note", "The indicators to discuss first, by bidang, lowest first.", id: "Indikator yang dibahas lebih dulu, per bidang, dari yang terendah.")
    }

    public static var reportNotReportedNote: Message {
        Message(id: "report-not-reported-note",
                "Positions with indicators not reported in the period (those not applicable yet, before their first target, are not counted).",
                id: "Jabatan yang masih memiliki indikator belum dilaporkan pada periode ini (indikator yang belum berlaku, sebelum target pertamanya, tidak dihitung).")
    }

    /// Column headers of the page and the workbook, by the query's column name.
    public static func reportColumn(_ name: String) -> Message {
        let known: [String: (String, String)] = [
            "bidang": ("Bidang", "Bidang"), "average": ("Average", "Rata-rata"), "previous": ("Previous month", "Bulan lalu"),
            "change": ("Change (pp)", "Perubahan (poin)"), "indicators": ("Indicators", "Jumlah indikator"), "code": ("Code", "Kode"),
            "position": ("Position", "Jabatan"), "indicator": ("Indicator", "Indikator"), "target": ("Target", "Target"),
            "realisation": ("Realisation", "Realisasi"), "achievement": ("Achievement", "Capaian"), "category": ("Predikat", "Predikat"),
            "unit": ("Unit", "Unit kerja"), "reported": ("Reported", "Terlapor"), "not_reported": ("Not reported", "Belum dilaporkan"), "trend": ("Trend", "Tren"), "last": ("Latest", "Terakhir"),
        ]
        guard let (english, indonesian) = known[name.lowercased()] else { return Message(id: "report-column", name, id: name) }
        return Message(id: "report-column", english, id: indonesian)
    }

    /// A month's name, for the period under the title: `Oktober 2026`.
    public static func reportMonth(_ month: Int) -> Message {
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let indonesian = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
        let i = min(max(month, 1), 12) - 1
        return Message(id: "report-month", english[i], id: indonesian[i])
    }

    /// The short month under a trend's axis.
    public static func reportMonthInitial(_ month: Int) -> Message {
        let m = reportMonth(month)
        return Message(id: "report-month-initial", String(m.english.prefix(3)), id: String(m.indonesian.prefix(3)))
    }

    // MARK: - Errors and notes

    public static func reportNeedsPeriod() -> Message {
        Message(id: "report-needs-period", "no period to report: no realisations are loaded; give one, e.g. report for 2026-10 to \"review.html\"",
                id: "tidak ada periode untuk dilaporkan: belum ada realisasi yang dimuat; sebutkan periodenya, misalnya report for 2026-10 to \"review.html\"")
    }

    public static func reportFormat(_ path: String) -> Message {
        Message(id: "report-format", "the report is written as .html or .xlsx, not '\(path)'",
                id: "laporan ditulis sebagai .html atau .xlsx, bukan '\(path)'")
    }

    public static var reportOnTerminal: Message {
        Message(id: "report-on-terminal", "the report is an HTML page, not for a terminal: write it to a file with --output review.html (or review.xlsx), or pipe it",
                id: "laporan berupa halaman HTML, bukan untuk terminal: tulis ke berkas dengan --output review.html (atau review.xlsx), atau alirkan ke program lain")
    }

    public static func reportQueryFailed(_ query: String, _ reason: String) -> Message {
        Message(id: "report-query-failed", "a query of the report failed: \(query): \(reason)",
                id: "kueri laporan gagal: \(query): \(reason)")
    }

    public static func reportWorkbookFailed(_ path: String) -> Message {
        Message(id: "report-workbook-failed", "cannot write \(path): the workbook could not be made (the file is unchanged)",
                id: "tidak dapat menulis \(path): buku kerja tidak dapat dibuat (berkas tidak berubah)")
    }

    public static func reportExpectedTo(found: String) -> Message {
        Message(id: "report-expected-to", "expected 'to \"FILE\"' after report (e.g. report for 2026-10 to \"review.html\"), found \(found)",
                id: "setelah report harus ada 'to \"BERKAS\"' (misalnya report for 2026-10 to \"review.html\"), ditemukan \(found)")
    }

    public static func wroteReport(_ path: String, sections: Int) -> Message {
        Message(id: "wrote-report", "wrote \(path) (\(sections) sections)", id: "menulis \(path) (\(sections) bagian)")
    }

    public static var reportOutputHelp: Message {
        Message(id: "report-output-help", "Write the report to this file: .html (one self-contained page) or .xlsx (one sheet per section).",
                id: "Tulis laporan ke berkas ini: .html (satu halaman mandiri) atau .xlsx (satu lembar per bagian).")
    }

    /// `help report`.
    public static var helpReport: Message {
        Message(id: "help-report", """
        report [for PERIOD] to "review.html"     the report for the head of office (laporan)
        One page: the office and period, the rule set and scale, achievement per
        bidang as bars with the change against the previous month, a trend per
        bidang over the year, the indicators under 80%, the positions that have not
        reported, the best and worst ten. Each section prints the show statement
        that made it, to run in the shell. "review.xlsx" gives a sheet per section.
        Written whole or not at all; labels in the session's language
        (set language id|en).

        """, id: """
        laporan [untuk PERIODE] ke "review.html"  laporan untuk kepala dinas (report)
        Satu halaman: perangkat daerah dan periode, aturan penilaian dan skala,
        capaian per bidang sebagai batang dengan perubahan terhadap bulan
        sebelumnya, tren per bidang sepanjang tahun, indikator di bawah 80%,
        jabatan yang belum melapor, sepuluh terbaik dan terburuk. Setiap bagian
        mencetak pernyataan show yang membuatnya, untuk dijalankan di shell.
        "review.xlsx" memberi satu sheet per bagian. Ditulis utuh atau tidak sama
        sekali; label dalam bahasa sesi (set language id|en).

        """)
    }

    public static var reportAbstract: Message {
        Message(id: "report-abstract", "Write the report for the head of office: one HTML page (or an Excel workbook) for a period.",
                id: "Tulis laporan untuk kepala dinas: satu halaman HTML (atau buku kerja Excel) untuk satu periode.")
    }

    public static var reportDiscussion: Message {
        Message(id: "report-discussion", """
        Example: iki report --period 2026-10 --output review.html
        Without --output the page goes to standard output, unless that is a terminal.
        Labels are in Bahasa Indonesia unless --lang en.
        """, id: """
        Contoh: iki report --period 2026-10 --output review.html
        Tanpa --output halaman dikirim ke keluaran standar, kecuali bila itu terminal.
        Label dalam bahasa Indonesia kecuali --lang en.
        """)
    }

    public static var reportPeriodHelp: Message {
        Message(id: "report-period-help", "The period to report, e.g. 2026-10 (default: the latest month reported).",
                id: "Periode yang dilaporkan, mis. 2026-10 (bawaan: bulan terakhir yang dilaporkan).")
    }

    public static var reportLangHelp: Message {
        Message(id: "report-lang-help", "Labels in Bahasa Indonesia (id, the default) or English (en).",
                id: "Label dalam bahasa Indonesia (id, bawaan) atau Inggris (en).")
    }
}
