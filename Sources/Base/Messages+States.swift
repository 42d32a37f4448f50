/// The messages of the reporting states (`tidak dapat dihitung`, `tidak berlaku`, issue 13) and of
/// the outlier warning on aggregates of achievement (issue 12 item 3).
extension Message {
    // The words a state is shown with on screen; files for programs keep the state's code.

    public static var stateReported: Message { Message(id: "state-reported", "reported", id: "dilaporkan") }
    public static var stateNotReported: Message { Message(id: "state-not-reported", "not reported", id: "belum dilaporkan") }
    public static var stateNotComputable: Message { Message(id: "state-not-computable", "cannot be computed", id: "tidak dapat dihitung") }
    public static var stateNotApplicable: Message { Message(id: "state-not-applicable", "not applicable", id: "tidak berlaku") }

    /// `state = "done"`: a word that names no state.
    public static func unknownState(_ word: String) -> Message {
        Message(id: "unknown-state", "'\(word)' is not a state, so this comparison would match nothing",
                id: "'\(word)' bukan status, sehingga perbandingan ini tidak akan cocok dengan apa pun")
    }

    public static func statesAre(_ states: [String]) -> Message {
        Message(id: "states-are", "states are " + states.joined(separator: ", ") + " (or their Indonesian words)",
                id: "status yang ada: " + states.joined(separator: ", ") + " (atau padanannya dalam bahasa Indonesia)")
    }

    /// `avg(achievement)` over rows some of which are above 200%.
    public static func outlierInAggregate(_ call: String, rows: Int, codes: [String], more: Int) -> Message {
        let list = codes.joined(separator: ", ")
        return Message(id: "outlier-in-aggregate",
                       "\(call) includes \(rows) row\(rows == 1 ? "" : "s") above 200%: \(list)\(more > 0 ? " and \(more) more" : ""); one outlier can move the result far",
                       id: "\(call) mencakup \(rows) baris di atas 200%: \(list)\(more > 0 ? " dan \(more) lainnya" : ""); satu pencilan dapat menggeser hasilnya jauh")
    }

    public static var outlierHint: Message {
        Message(id: "outlier-hint", "to see them: where achievement > 200%; to cap each at 100: set rules capped-100",
                id: "untuk melihatnya: dimana capaian > 200%; untuk membatasi tiap capaian pada 100: set rules capped-100")
    }
}
