/// Warnings before a plausible wrong number: a comparison that reads well but is probably not what
/// was meant. Each is positioned at the operand in question and changes no result.
extension Message {
    /// `kind = bidang`: the bare word was read as the field `bidang`, not as the text.
    public static func bareWordIsField(_ field: String, word: String) -> Message {
        Message(id: "bare-word-is-field", "'\(word)' is read as the field \(word), not as a \(field): did you mean the text '\(word)'?",
                id: "'\(word)' dibaca sebagai kolom \(word), bukan sebagai nilai \(field): maksud Anda teks '\(word)'?")
    }

    public static func quoteTheWord(_ field: String, word: String) -> Message {
        Message(id: "quote-the-word", "to compare with the text, write \(field) = \"\(word)\"",
                id: "untuk membandingkan dengan teks, tulis \(field) = \"\(word)\"")
    }

    /// `capaian < 0.8`: a percentage field against a fraction.
    public static func fractionForPercentage(_ field: String, _ number: String) -> Message {
        Message(id: "fraction-for-percentage", "\(field) is a percentage (0-100), so \(number) here is \(number)%, not \(number) x 100%",
                id: "\(field) berupa persentase (0-100), jadi \(number) di sini berarti \(number)%, bukan \(number) x 100%")
    }

    public static func writePercent(_ percent: String) -> Message {
        Message(id: "write-percent", "did you mean \(percent)?", id: "maksud Anda \(percent)?")
    }
}
