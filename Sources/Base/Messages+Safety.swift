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
