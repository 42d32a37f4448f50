// Messages of `iki lint`: one reason per rule, short, with what to do.

extension Message {
    public static func lintOutputWording(_ name: String) -> Message {
        Message(id: "lint-output-wording", "the objective is an outcome but '\(name)' counts an output; measure the result it brings",
                id: "sasaran berupa outcome tetapi '\(name)' mengukur output; ukur hasil yang dicapai")
    }

    public static var lintRatioSaysJumlah: Message {
        Message(id: "lint-ratio-says-jumlah", "the formula is a ratio but the indicator says 'Jumlah'; name it 'Persentase ...' or make the formula a count",
                id: "rumusnya rasio tetapi indikatornya 'Jumlah'; namai 'Persentase ...' atau ubah rumus menjadi jumlah")
    }

    public static var lintCountSaysPersentase: Message {
        Message(id: "lint-count-says-persentase", "the formula is a count but the indicator says 'Persentase'; give the numerator and the denominator",
                id: "rumusnya jumlah tetapi indikatornya 'Persentase'; tuliskan pembilang dan penyebutnya")
    }

    public static var lintMissingFormula: Message {
        Message(id: "lint-missing-formula", "no formula: say how the indicator is computed", id: "rumus kosong: jelaskan cara menghitung indikator")
    }

    public static var lintMissingSource: Message {
        Message(id: "lint-missing-source", "no data source: say where the data comes from", id: "sumber data kosong: sebutkan asal datanya")
    }

    public static func lintTooManyIndicators(_ count: Int) -> Message {
        Message(id: "lint-too-many-indicators", "\(count) indicators on one objective; keep at most three, the ones that measure it best",
                id: "\(count) indikator untuk satu sasaran; cukup paling banyak tiga yang paling mengukur")
    }

    public static func lintNegativeWording(_ word: String) -> Message {
        Message(id: "lint-negative-wording", "'\(word)' says smaller is better, but the polarity is positive; give it polarity negative or reword it",
                id: "'\(word)' berarti makin kecil makin baik, tetapi polaritasnya positif; ubah polaritas menjadi negatif atau ubah kalimatnya")
    }

    public static func lintDuplicateIndicator(_ code: String) -> Message {
        Message(id: "lint-duplicate-indicator", "the same text as \(code) in this position; merge them or tell them apart",
                id: "teksnya sama dengan \(code) pada jabatan ini; gabungkan atau bedakan")
    }

    public static var lintTargetWithoutUnit: Message {
        Message(id: "lint-target-without-unit", "a target is stated without a unit; write it as 'sebanyak 125 dokumen'",
                id: "target disebut tanpa satuan; tulis seperti 'sebanyak 125 dokumen'")
    }
}
