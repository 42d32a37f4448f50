/// The messages of the persisted snapshot (`Catalogue/Snapshot/`): its warnings, the options
/// `--no-cache` and `--snapshot`, and `iki cache`. (Kept apart from `Messages.swift` so the
/// catalogue grows by area.)
extension Message {
    // The snapshot's path is the warning's location (`FILE: warning: ...`).

    public static var snapshotForeign: Message {
        Message(id: "snapshot-foreign", "not an iki snapshot; ignored, the data is read again",
                id: "bukan snapshot iki; diabaikan, data dibaca ulang")
    }

    public static func snapshotDamaged(_ why: String) -> Message {
        Message(id: "snapshot-damaged", "damaged snapshot (\(why)); ignored, the data is read again and the snapshot rebuilt",
                id: "snapshot rusak (\(why)); diabaikan, data dibaca ulang dan snapshot dibuat ulang")
    }

    public static var snapshotLength: Message {
        Message(id: "snapshot-length", "its length is not what its header says", id: "panjangnya tidak sesuai dengan kepalanya")
    }

    public static var snapshotChecksum: Message {
        Message(id: "snapshot-checksum", "its checksum does not match", id: "checksum-nya tidak cocok")
    }

    public static var snapshotContent: Message {
        Message(id: "snapshot-content", "its content does not hold together", id: "isinya tidak konsisten")
    }

    /// A message as a snapshot kept it (a position's reason for having no unit).
    public static func restored(id: String, english: String, indonesian: String) -> Message {
        Message(id: id, english, id: indonesian)
    }

    public static func snapshotNotWritten(_ why: String) -> Message {
        Message(id: "snapshot-not-written", "snapshot not written: \(why)", id: "snapshot tidak ditulis: \(why)")
    }

    public static var noCacheHelp: Message {
        Message(id: "no-cache-help", "Read the data files, neither reading nor writing a snapshot of them (also IKI_NO_CACHE=1).",
                id: "Baca berkas data tanpa membaca atau menulis snapshot-nya (juga IKI_NO_CACHE=1).")
    }

    public static var snapshotOptionHelp: Message {
        Message(id: "snapshot-option-help",
                "Keep the snapshot of the loaded data in this file (else in $XDG_CACHE_HOME/iki); rebuilt when a data file changes.",
                id: "Simpan snapshot data yang dimuat di berkas ini (selain itu di $XDG_CACHE_HOME/iki); dibuat ulang bila berkas data berubah.")
    }

    public static var cacheAbstract: Message {
        Message(id: "cache-abstract", "List or clear the snapshots of loaded data.",
                id: "Tampilkan atau hapus snapshot data yang dimuat.")
    }

    public static var cacheDiscussion: Message {
        Message(id: "cache-discussion", """
            A load keeps a snapshot of what it read (catalogues, organisation, realisations and their warnings) in \
            $XDG_CACHE_HOME/iki (else ~/.cache/iki), so opening the same files again skips reading them. A changed \
            file, another iki or other options rebuild it; the folder keeps at most 8 snapshots and 2 GB, the least \
            recently used removed first.
            """, id: """
            Setiap pemuatan menyimpan snapshot dari yang dibaca (katalog, organisasi, realisasi dan peringatannya) di \
            $XDG_CACHE_HOME/iki (selain itu ~/.cache/iki), sehingga membuka berkas yang sama lagi tidak membacanya ulang. \
            Berkas yang berubah, iki lain atau opsi lain membuatnya ulang; folder menyimpan paling banyak 8 snapshot dan \
            2 GB, yang paling lama tidak dipakai dihapus lebih dulu.
            """)
    }

    public static var cacheActionHelp: Message {
        Message(id: "cache-action-help", "list (the default): the snapshots and their sizes; clear: remove them.",
                id: "list (bawaan): snapshot dan ukurannya; clear: hapus semuanya.")
    }

    public static func cacheUnknownAction(_ action: String) -> Message {
        Message(id: "cache-unknown-action", "'\(action)' is not list or clear", id: "'\(action)' bukan list atau clear")
    }

    public static var cacheNoFolder: Message {
        Message(id: "cache-no-folder", "no cache folder: neither XDG_CACHE_HOME nor HOME is set",
                id: "tidak ada folder cache: XDG_CACHE_HOME maupun HOME tidak diatur")
    }

    public static func cacheEmpty(_ folder: String) -> Message {
        Message(id: "cache-empty", "no snapshots in \(folder)", id: "tidak ada snapshot di \(folder)")
    }

    public static func cacheTotal(_ count: Int, _ size: String, _ folder: String) -> Message {
        Message(id: "cache-total", "\(count) snapshot\(count == 1 ? "" : "s"), \(size), in \(folder)",
                id: "\(count) snapshot, \(size), di \(folder)")
    }

    public static func cacheCleared(_ count: Int, _ size: String, _ folder: String) -> Message {
        Message(id: "cache-cleared", "removed \(count) snapshot\(count == 1 ? "" : "s") (\(size)) from \(folder)",
                id: "\(count) snapshot (\(size)) dihapus dari \(folder)")
    }
}
