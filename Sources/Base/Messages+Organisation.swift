// Messages of the organisation's inference, its report (`iki organisation`) and its draft.

extension Message {
    /// Why a position has no unit: its evidence weighs the same for several units.
    public static func evidenceTied(_ units: [String]) -> Message {
        let list = units.joined(separator: " and ")
        let daftar = units.joined(separator: " dan ")
        return Message(id: "evidence-tied", "the evidence points equally to \(list)",
                       id: "bukti sama kuat untuk \(daftar)")
    }
}

// What each piece of evidence says, in `iki organisation` and in the draft's notes.
extension Message {
    public static func evidenceHeads(_ title: String) -> Message {
        Message(id: "evidence-heads", "heads it: '\(title)'", id: "memimpinnya: '\(title)'")
    }

    public static func evidenceTitleNames(_ title: String) -> Message {
        Message(id: "evidence-title-names", "its title names it: '\(title)'", id: "nama jabatannya menyebut unit ini: '\(title)'")
    }

    public static func evidenceSuperior(_ text: String) -> Message {
        Message(id: "evidence-superior", "a task names its head: '\(text)'", id: "tugasnya menyebut kepala unit ini: '\(text)'")
    }

    public static func evidenceTextNames(_ text: String) -> Message {
        Message(id: "evidence-text-names", "a task or indicator names it: '\(text)'", id: "tugas atau indikatornya menyebut unit ini: '\(text)'")
    }

    public static func evidenceTitleWords(_ words: String) -> Message {
        Message(id: "evidence-title-words", "its title has words of the unit's name: \(words)", id: "nama jabatannya memuat kata dari nama unit: \(words)")
    }

    public static func evidenceSharedWords(_ words: String) -> Message {
        Message(id: "evidence-shared-words", "its tasks and indicators use words of the unit's name: \(words)",
                id: "tugas dan indikatornya memuat kata dari nama unit: \(words)")
    }

    public static func evidenceDocumentOrder(_ title: String) -> Message {
        Message(id: "evidence-document-order", "the position beside it in the document is in the unit: '\(title)'",
                id: "jabatan di sebelahnya dalam dokumen ada di unit ini: '\(title)'")
    }

    public static func evidenceFile(_ place: String) -> Message {
        Message(id: "evidence-file", "the organisation file gives it (\(place))", id: "ditetapkan oleh file organisasi (\(place))")
    }

    public static var noEvidence: Message {
        Message(id: "no-evidence", "nothing in the catalogue points to a unit", id: "tidak ada petunjuk unit dalam katalog")
    }

    /// The draft's note on a position: its candidates, then its evidence.
    public static func draftCandidates(_ units: [String]) -> Message {
        Message(id: "draft-candidates", "choose one of: \(units.joined(separator: " | "))", id: "pilih salah satu: \(units.joined(separator: " | "))")
    }

    public static var draftCheckUnit: Message {
        Message(id: "draft-check-unit", "inferred with low confidence: check the unit", id: "disimpulkan dengan keyakinan rendah: periksa unitnya")
    }

    public static func draftNoBidang(_ unit: String) -> Message {
        Message(id: "draft-no-bidang", "give the parent (bidang) of \(unit)", id: "isi induk (bidang) dari \(unit)")
    }

    /// Headings of the tree's groups without a place.
    public static var treeNoBidang: Message { Message(id: "tree-no-bidang", "(units without a bidang)", id: "(unit tanpa bidang)") }
    public static var treeUnresolved: Message { Message(id: "tree-unresolved", "(positions without a unit)", id: "(jabatan tanpa unit)") }
}
