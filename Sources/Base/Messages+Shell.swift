/// The messages of the shell's conventions: fitting tables and records to the terminal, the
/// width setting. (Kept apart from `Messages.swift` so the catalogue grows by area.)
extension Message {
    /// The title of one record in the record view: `-[ row 3 ]`, then a rule.
    public static func recordTitle(_ number: Int) -> Message {
        Message(id: "record-title", "-[ row \(number) ]", id: "-[ baris \(number) ]")
    }

    public static func expectedWidthOption(_ width: Int) -> Message {
        Message(id: "expected-width-option", "--width takes a number of columns from 0 (no limit) to 10000, not \(width)",
                id: "--width menerima jumlah kolom dari 0 (tanpa batas) sampai 10000, bukan \(width)")
    }

    public static func outputNotWritten(_ path: String) -> Message {
        Message(id: "output-not-written", "\(path) not written: a statement failed (it is written whole or not at all)",
                id: "\(path) tidak ditulis: ada pernyataan yang gagal (berkas ditulis utuh atau tidak sama sekali)")
    }

    public static func expectedWidth(found: String) -> Message {
        Message(id: "expected-width", "expected a width in columns after 'set width' (0 for no limit), found \(found)",
                id: "setelah 'set width' harus ada lebar dalam kolom (0 untuk tanpa batas), ditemukan \(found)")
    }
}

extension Message {
    /// A sqlite3/psql meta-command typed in the shell: the iki statement it was run as.
    public static func metaCommandIs(_ command: String, _ statement: String) -> Message {
        Message(id: "meta-command-is", "'\(command)' is '\(statement)' in iki",
                id: "'\(command)' di iki ditulis '\(statement)'")
    }

    /// After an export, on a terminal.
    public static func wrote(_ path: String, rows: Int) -> Message {
        Message(id: "wrote", "wrote \(path) (\(rows) row\(rows == 1 ? "" : "s"))", id: "menulis \(path) (\(rows) baris)")
    }

    public static func unknownMetaCommand(_ command: String) -> Message {
        Message(id: "unknown-meta-command", "'\(command)' is not an iki command; iki statements end with ';' (type 'help' to list them, 'quit' to leave)",
                id: "'\(command)' bukan perintah iki; pernyataan iki diakhiri ';' (ketik 'bantuan' untuk daftarnya, 'keluar' untuk keluar)")
    }
}

extension Message {
    /// Two format shortcuts (`--csv --json`), or a shortcut and another `--format`: as
    /// swift-argument-parser says for exclusive flags, naming both.
    public static func conflictingFormatFlags(_ first: String, _ second: String) -> Message {
        Message(id: "conflicting-format-flags", "\(first) and \(second) cannot be used together: each chooses the output format",
                id: "\(first) dan \(second) tidak dapat dipakai bersamaan: masing-masing memilih format keluaran")
    }

    /// `-o FILE` in safe mode without a folder for it.
    public static var outputNeedsExportDir: Message {
        Message(id: "output-needs-export-dir", "-o is not allowed in safe mode without a folder for it: run with --export-dir DIR",
                id: "-o tidak diizinkan dalam mode aman tanpa folder tujuan: jalankan dengan --export-dir FOLDER")
    }

    /// `-o FILE` in safe mode naming a file outside `--export-dir`.
    public static func outputOutsideExportDir(_ path: String, folder: String) -> Message {
        Message(id: "output-outside-export-dir", "-o \(path) is outside --export-dir \(folder): safe mode writes only inside it",
                id: "-o \(path) berada di luar --export-dir \(folder): mode aman hanya menulis di dalamnya")
    }

    /// The help of `-o` on the subcommands that print.
    public static var outputOptionHelp: Message {
        Message(id: "output-option-help", "Write the output to this file instead of standard output, whole or not at all; the format follows its extension (.csv, .json, .md, .xlsx...) unless --format says.",
                id: "Tulis keluaran ke berkas ini, bukan ke keluaran standar, utuh atau tidak sama sekali; formatnya mengikuti ekstensinya (.csv, .json, .md, .xlsx...) kecuali --format menyebutkan.")
    }
}

