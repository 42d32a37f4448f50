/// The messages of the terminal's conveniences: the progress line of long loads and exports, and
/// the pager. (Kept apart from `Messages.swift` so the catalogue grows by area.) Numbers come in
/// already written in the language's way (`1,234` / `1.234`).
extension Message {
    /// `loading catalogues: 12/40 files, 3,456 indicators`
    public static func progressCatalogues(done: String, total: String, indicators: String) -> Message {
        Message(id: "progress-catalogues", "loading catalogues: \(done)/\(total) files, \(indicators) indicators",
                id: "memuat katalog: \(done)/\(total) berkas, \(indicators) indikator")
    }

    /// `loading realisations: 12/40 files, 1,234,567 rows`
    public static func progressRealisations(done: String, total: String, rows: String) -> Message {
        Message(id: "progress-realisations", "loading realisations: \(done)/\(total) files, \(rows) rows",
                id: "memuat realisasi: \(done)/\(total) berkas, \(rows) baris")
    }

    /// `exporting under-80.csv: 23,000 rows`
    public static func progressExport(_ file: String, rows: String) -> Message {
        Message(id: "progress-export", "exporting \(file): \(rows) rows", id: "mengekspor \(file): \(rows) baris")
    }

    /// The reading speed: `45.2 MB/s`.
    public static func progressSpeed(_ megabytesPerSecond: String) -> Message {
        Message(id: "progress-speed", "\(megabytesPerSecond) MB/s", id: "\(megabytesPerSecond) MB/dtk")
    }

    /// The estimate: `about 8 s left`.
    public static func progressTimeLeft(_ seconds: String) -> Message {
        Message(id: "progress-time-left", "about \(seconds) s left", id: "sekitar \(seconds) dtk lagi")
    }

    /// When nothing tells how much is left: `12 s so far`.
    public static func progressElapsed(_ seconds: String) -> Message {
        Message(id: "progress-elapsed", "\(seconds) s so far", id: "sudah \(seconds) dtk")
    }

    /// The help of `--no-pager`.
    public static var noPagerHelp: Message {
        Message(id: "no-pager-help", "Never page results (by default a result taller than the terminal goes through $IKI_PAGER, $PAGER or less -FRX; only on a terminal).",
                id: "Jangan pernah memakai pager (biasanya hasil yang lebih tinggi dari layar terminal ditampilkan lewat $IKI_PAGER, $PAGER atau less -FRX; hanya di terminal).")
    }

    /// The help of `--quiet`.
    public static var quietHelp: Message {
        Message(id: "quiet-help", "No progress line and no 'wrote FILE' note on standard error.",
                id: "Tanpa baris kemajuan dan tanpa catatan 'menulis BERKAS' di keluaran galat standar.")
    }
}
