/// The words of the language and their Bahasa Indonesia aliases: one table, documented in
/// grammar/aliases.md (a test checks that the document lists exactly these).
public enum Vocabulary {
    /// Keywords, by canonical English spelling.
    public static let keywords: [String] = [
        "show", "describe", "where", "and", "or", "not", "for", "group", "order", "by", "asc", "desc",
        "limit", "in", "between", "contains", "like", "is", "missing", "as",
        "export", "to", "format", "set", "load", "help", "quit", "exit", "explain",
    ]

    /// Indonesian (and alternative) words for keywords.
    public static let keywordAliases: [String: String] = [
        "tampilkan": "show", "jelaskan": "describe", "dimana": "where", "yang": "where", "dan": "and",
        "atau": "or", "bukan": "not", "tidak": "not", "untuk": "for", "periode": "for", "kelompokkan": "group",
        "urutkan": "order", "berdasarkan": "by", "naik": "asc", "turun": "desc", "batas": "limit",
        "dalam": "in", "antara": "between", "memuat": "contains", "berisi": "contains", "seperti": "like",
        "adalah": "is", "kosong": "missing", "sebagai": "as",
        "ekspor": "export", "ke": "to", "atur": "set", "muat": "load", "bantuan": "help", "keluar": "quit",
        "rencana": "explain",
    ]

    /// Indonesian names of settings (`atur periode 2026-10`).
    public static let settingAliases: [String: String] = [
        "periode": "period", "keluaran": "output", "pewaktu": "timer", "parameter": "param",
    ]

    /// Things a `show` or `describe` ranges over, by canonical name, with their aliases.
    public static let thingAliases: [String: Thing] = [
        "indicators": .indicators, "indicator": .indicators, "indikator": .indicators,
        "positions": .positions, "position": .positions, "jabatan": .positions,
        "units": .units, "unit": .units,
        "objectives": .objectives, "objective": .objectives, "sasaran": .objectives,
        "realisations": .realisations, "realisation": .realisations, "realizations": .realisations, "realisasi": .realisations,
    ]

    /// Indonesian (and alternative) names of fields.
    public static let fieldAliases: [String: String] = [
        "capaian": "achievement", "realisasi": "realisation", "realization": "realisation", "kode": "code",
        "indikator": "indicator", "jabatan": "position", "sasaran": "objective", "jenis": "kind",
        "pembilang": "numerator", "penyebut": "denominator", "sumber": "source", "sumber_data": "source",
        "sumber_target": "target_source", "predikat": "category", "kategori": "category", "periode": "period",
        "polaritas": "polarity", "konsolidasi": "consolidation", "rumus": "formula", "formulasi": "formula",
        "satuan": "target_unit", "catatan": "note", "nilai": "value", "nama": "name", "induk": "parent",
        "jumlah_indikator": "indicators", "jumlah_jabatan": "positions",
    ]

    /// Aggregate functions and their aliases.
    public static let aggregates: [String: String] = [
        "count": "count", "sum": "sum", "avg": "avg", "average": "avg", "min": "min", "max": "max",
        "jumlah": "sum", "rata_rata": "avg", "rerata": "avg", "banyak": "count",
    ]

    /// The canonical keyword a word stands for, if any.
    public static func keyword(_ word: String) -> String? {
        let w = word.lowercased()
        if keywords.contains(w) { return w }
        return keywordAliases[w]
    }
}

public enum Thing: String, CaseIterable, Sendable {
    case indicators, positions, units, objectives, realisations
}
