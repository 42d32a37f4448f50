/// Messages of the monthly review (issue 13): data loaded despite errors, periods not over yet,
/// period ranges, rule sets, crosstabs and the report. Each has its English and Indonesian text.
extension Message {
    // MARK: - Loading with errors

    public static func dataLoadedWithErrors(_ count: Int) -> Message {
        Message(id: "data-loaded-with-errors",
                "iki: the data has \(count) error(s); the rows with errors were not loaded, everything else was (--strict stops instead)",
                id: "iki: data memiliki \(count) kesalahan; baris yang salah tidak dimuat, selebihnya dimuat (--strict untuk berhenti)")
    }

    public static func dataHasErrorsStrict(_ count: Int) -> Message {
        Message(id: "data-has-errors-strict",
                "iki: the data has \(count) error(s) and --strict was given; nothing was run (iki check lists everything)",
                id: "iki: data memiliki \(count) kesalahan dan --strict diberikan; tidak ada yang dijalankan (iki check menampilkan semuanya)")
    }
}

// MARK: - Period ranges and year to date
extension Message {
    public static func rangeAcrossYears(_ start: Period, _ end: Period) -> Message {
        Message(id: "range-across-years",
                "a period range stays within one year: \(start) and \(end) are in different years",
                id: "rentang periode harus dalam satu tahun: \(start) dan \(end) berbeda tahun")
    }

    public static func rangeBackwards(_ start: Period, _ end: Period) -> Message {
        Message(id: "range-backwards",
                "the range ends (\(end)) before it starts (\(start)); write the earlier period first",
                id: "rentang berakhir (\(end)) sebelum dimulai (\(start)); tulis periode yang lebih awal dahulu")
    }

    public static func nothingReportedToDate(_ start: Period) -> Message {
        Message(id: "nothing-reported-to-date",
                "no month from \(start) on has realisations, so '\(start) to date' is empty",
                id: "belum ada bulan sejak \(start) yang memiliki realisasi, jadi '\(start) s.d. sekarang' kosong")
    }

    public static var toDateOnlyAfterFor: Message {
        Message(id: "to-date-only-after-for",
                "'to date' is for 'for' in a statement; set period takes a fixed range such as 2026-01 to 2026-10",
                id: "'s.d. sekarang' hanya untuk 'for' dalam pernyataan; set period menerima rentang tetap seperti 2026-01 s.d. 2026-10")
    }

    /// A `for` over a period whose months are not all reported yet.
    public static func periodNotOver(_ period: Period, latest: Period, range: Period) -> Message {
        Message(id: "period-not-over",
                "\(period) is not over: months are reported up to \(latest), and their realisation is compared with the target of the whole of \(period); for the months so far write 'for \(range)' (or 'for \(period) to date')",
                id: "\(period) belum berakhir: realisasi baru dilaporkan sampai \(latest) dan dibandingkan dengan target seluruh \(period); untuk bulan-bulan yang sudah berjalan tulis 'for \(range)' (atau 'for \(period) s.d. sekarang')")
    }
}

// MARK: - Rule sets
extension Message {
    public static func unknownRuleSet(_ name: String, _ names: [String]) -> Message {
        Message(id: "unknown-rule-set",
                "unknown rule set '\(name)'; the rule sets are \(names.joined(separator: ", "))",
                id: "aturan '\(name)' tidak dikenal; aturan yang ada: \(names.joined(separator: ", "))")
    }
}

// MARK: - Crosstab
extension Message {
    public static func expectedPivotField(found: String) -> Message {
        Message(id: "expected-pivot-field",
                "expected the field to pivot after 'pivot' (once per statement), e.g. pivot period; found \(found)",
                id: "diharapkan nama kolom setelah 'pivot' (sekali per pernyataan), misalnya pivot periode; ditemukan \(found)")
    }
}
