/// Messages of bounded cost, safe mode, whole-or-nothing output, interruption and data checks
/// (the robustness issue), each in English and Bahasa Indonesia.
extension Message {
    // MARK: - Realisations

    /// The note under the first unknown code past the per-file cap on suggestions.
    public static func suggestionsCapped(_ count: Int) -> Message {
        Message(id: "suggestions-capped",
                "more than \(count) different unknown codes in this file: no more suggestions for the codes after this one",
                id: "lebih dari \(count) kode tidak dikenal yang berbeda dalam file ini: kode berikutnya tidak diberi saran lagi")
    }
}

extension Message {
    // MARK: - Session

    /// Under a failed `set output`: where the next results go.
    public static var outputBackToStandardOutput: Message {
        Message(id: "output-back-to-stdout", "results go to standard output again until the next set output",
                id: "hasil kembali ditulis ke keluaran standar sampai set output berikutnya")
    }
}

extension Message {
    // MARK: - Safe mode

    /// A statement `--safe` refuses (`load`, `set output`).
    public static func refusedInSafeMode(_ statement: String, instead: String) -> Message {
        Message(id: "refused-in-safe-mode",
                "\(statement) is not allowed in safe mode (--safe or IKI_SAFE=1): the script may only query the data it was given; \(instead)",
                id: "\(statement) tidak diizinkan dalam mode aman (--safe atau IKI_SAFE=1): skrip hanya boleh menanyai data yang diberikan; \(instead)")
    }

    public static var loadInSafeMode: Message {
        refusedInSafeMode("load", instead: "give the files with --catalogue, --organisation and --realisations")
    }

    public static var setOutputInSafeMode: Message {
        refusedInSafeMode("set output to a file", instead: "write files with export into the --export-dir folder")
    }

    public static var exportNeedsDirectory: Message {
        Message(id: "export-needs-directory",
                "export is not allowed in safe mode without a folder for it: run with --export-dir DIR",
                id: "export tidak diizinkan dalam mode aman tanpa folder tujuan: jalankan dengan --export-dir FOLDER")
    }

    /// Why a name would leave the export folder.
    public enum OutsideReason: Sendable {
        case absolutePath, parentFolder, emptyPart
        case symbolicLink(String)
    }

    public static func exportOutsideFolder(_ name: String, folder: String, reason: OutsideReason) -> Message {
        let (english, indonesian): (String, String)
        switch reason {
        case .absolutePath: (english, indonesian) = ("it is an absolute path", "nama itu path absolut")
        case .parentFolder: (english, indonesian) = ("it goes up with '..'", "nama itu naik dengan '..'")
        case .emptyPart: (english, indonesian) = ("it has an empty part", "nama itu punya bagian kosong")
        case .symbolicLink(let part):
            (english, indonesian) = ("'\(part)' is a symbolic link", "'\(part)' adalah tautan simbolik")
        }
        return Message(id: "export-outside-folder",
                       "cannot export to '\(name)' in safe mode: \(english); names are files inside the export folder '\(folder)'",
                       id: "tidak dapat mengekspor ke '\(name)' dalam mode aman: \(indonesian); nama adalah file di dalam folder ekspor '\(folder)'")
    }
}

extension Message {
    public static var exportDirWithoutSafe: Message {
        Message(id: "export-dir-without-safe", "--export-dir is for safe mode: give --safe (or IKI_SAFE=1) too",
                id: "--export-dir untuk mode aman: berikan juga --safe (atau IKI_SAFE=1)")
    }
}

extension Message {
    // MARK: - Data checks

    public static func duplicateColumn(_ name: String, firstColumn: Int) -> Message {
        Message(id: "duplicate-column",
                "a second '\(name)' column (the first is at column \(firstColumn)): rename or remove one; nothing of this file is loaded",
                id: "kolom '\(name)' kedua (yang pertama di kolom \(firstColumn)): ganti nama atau hapus salah satu; tidak ada isi file ini yang dimuat")
    }

    public static var emptyRealisationsFile: Message {
        Message(id: "empty-realisations-file", "the file is empty: no header, no rows",
                id: "file kosong: tidak ada header dan tidak ada baris")
    }

    /// A position block that repeats an earlier one word for word: loaded once.
    public static func repeatedBlock(_ title: String, first: String) -> Message {
        Message(id: "repeated-block",
                "the block of '\(title)' repeats the one at \(first) word for word (title, tasks, functions, indicators): loaded once",
                id: "blok '\(title)' mengulang blok di \(first) kata demi kata (jabatan, tugas, fungsi, indikator): dimuat sekali")
    }
}
