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
