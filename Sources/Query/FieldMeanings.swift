import Catalogue

/// The fields' meanings in Bahasa Indonesia, by their English text in `Schema.swift` (where each
/// field is defined once, in English). `describe THING` and `help fields` show the one of the
/// language in use; a test checks that every field's meaning has its Indonesian here.
extension Field {
    /// The meaning in the language in use (`Language.current`).
    public var localizedMeaning: String {
        Language.current == .indonesian ? FieldMeanings.indonesian[meaning] ?? meaning : meaning
    }
}

public enum FieldMeanings {
    public static let indonesian: [String: String] = [
        "achievement in the period before, of the same length (last month for a month)":
            "capaian pada periode sebelumnya yang sama panjangnya (bulan lalu untuk sebulan)",
        "achievement minus previous_achievement, in percentage points": "capaian dikurangi previous_achievement, dalam poin persen",
        "capaian: realisation / target x 100 (or 2 - r/t for negative polarity); missing when the state is not reported, not-computable or not-applicable, and so left out of averages":
            "capaian: realisasi / target x 100 (atau 2 - r/t untuk polaritas negatif); kosong bila statusnya belum dilaporkan, tidak dapat dihitung atau tidak berlaku, sehingga tidak ikut dirata-rata",
        "how many of its indicators reported in the period (a not-computable one did: its components are reported)":
            "berapa indikatornya yang dilaporkan pada periode itu (yang tidak dapat dihitung juga: komponennya dilaporkan)",
        "how many of its indicators have not reported in the period; not-applicable ones (before their first target) are not counted":
            "berapa indikatornya yang belum dilaporkan pada periode itu; yang tidak berlaku (sebelum target pertamanya) tidak dihitung",
        "reported, not-reported, not-computable (components reported, the denominator zero: tidak dapat dihitung) or not-applicable (before the indicator's first target in the year: tidak berlaku); only reported has an achievement, so the others are left out of averages":
            "dilaporkan (reported), belum dilaporkan (not-reported), tidak dapat dihitung (not-computable: komponen dilaporkan, penyebutnya nol) atau tidak berlaku (not-applicable: sebelum target pertama indikator pada tahun itu); hanya yang dilaporkan memiliki capaian, sehingga yang lain tidak ikut dirata-rata",
        "how many positions report to it (to its position, for an indicator)": "berapa jabatan yang melapor kepadanya (kepada jabatannya, untuk indikator)",
        "how many reported rows make the realisation": "berapa baris laporan yang membentuk realisasi",
        "how rows inside a period combine: sum, average or last": "cara baris dalam satu periode digabung: jumlah (sum), rata-rata (average) atau terakhir (last)",
        "mean achievement of its indicators in the period": "rata-rata capaian indikatornya pada periode itu",
        "mean achievement of those indicators in the period": "rata-rata capaian indikator-indikator itu pada periode itu",
        "number of functions (fungsi)": "jumlah fungsi",
        "number of indicators measuring it": "jumlah indikator yang mengukurnya",
        "number of indicators of its positions (sub-units included)": "jumlah indikator jabatan-jabatannya (termasuk sub-unit)",
        "number of indicators": "jumlah indikator",
        "number of positions in it (sub-units included)": "jumlah jabatan di dalamnya (termasuk sub-unit)",
        "number of tasks (tugas)": "jumlah tugas",
        "positive (bigger is better) or negative": "positif (makin besar makin baik) atau negatif",
        "predikat from the achievement: Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang; the state instead when it is not-computable or not-applicable":
            "predikat dari capaian: Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang; statusnya bila tidak dapat dihitung atau tidak berlaku",
        "ratio (numerator / denominator x 100%) or count": "rasio (pembilang / penyebut x 100%) atau jumlah (count)",
        "sekretariat, bidang, seksi, sub bagian or upt": "sekretariat, bidang, seksi, sub bagian atau upt",
        "the bidang-level unit it belongs to": "unit setingkat bidang tempatnya berada",
        "the bidang-level unit: Sekretariat, a bidang or a UPT": "unit setingkat bidang: Sekretariat, sebuah bidang atau UPT",
        "the data source (sumber data)": "sumber data",
        "the formula as plain text": "formula sebagai teks biasa",
        "the indicator's code, e.g. SDIN-1": "kode indikator, mis. SDIN-1",
        "the indicator's name (indikator kinerja)": "nama indikator kinerja",
        "the note reported with the row": "catatan yang dilaporkan bersama baris itu",
        "the office (dinas), from its catalogue's signature block": "kantor (dinas), dari blok tanda tangan katalognya",
        "the period evaluated": "periode yang dinilai",
        "the position (jabatan) it belongs to": "jabatan pemiliknya",
        "the position it reports to: its unit's head, or the head above for a head": "jabatan atasannya: kepala unitnya, atau kepala di atasnya bagi seorang kepala",
        "the position whose table states it": "jabatan yang tabelnya memuatnya",
        "the position's code, which its indicator codes start with": "kode jabatan, awal dari kode-kode indikatornya",
        "the region of the office (kabupaten, kota or provinsi)": "daerah kantor itu (kabupaten, kota atau provinsi)",
        "the rule set and the row of it that gave the score, e.g. skp-2021: > 110%: 120":
            "aturan penilaian dan barisnya yang memberi skor, mis. skp-2021: > 110%: 120",
        "the rule set's score: skp-2021 converts capaian (above 110% scores 120); the others score the capaian itself":
            "skor menurut aturan: skp-2021 mengonversi capaian (di atas 110% berskor 120); aturan lain memakai capaian itu sendiri",
        "the seksi or sub bagian, when the position belongs to one": "seksi atau sub bagian, bila jabatan itu berada di salah satunya",
        "the strategic objective (sasaran strategis) it measures": "sasaran strategis yang diukurnya",
        "the strategic objective (sasaran strategis)": "sasaran strategis",
        "the target for the period (percent for ratios)": "target untuk periode itu (persen untuk rasio)",
        "the title (jabatan)": "nama jabatan",
        "the unit above it": "unit di atasnya",
        "the unit of a count target stated in the catalogue, e.g. KUMKM": "satuan target jumlah yang tertulis di katalog, mis. KUMKM",
        "the unit the position belongs to (short name; compares by the unit matching rule)":
            "unit tempat jabatan itu berada (nama pendek; dibandingkan dengan aturan pencocokan unit)",
        "the unit's full name": "nama lengkap unit",
        "the unit's short name": "nama pendek unit",
        "the value reported for exactly this period (counts)": "nilai yang dilaporkan tepat untuk periode ini (jumlah)",
        "what a ratio counts above the line": "yang dihitung rasio di atas garis (pembilang)",
        "what a ratio counts below the line": "yang dihitung rasio di bawah garis (penyebut)",
        "what was achieved in the period (percent for ratios)": "yang dicapai pada periode itu (persen untuk rasio)",
        "where the target came from: the period, the year (scaled) or the catalogue; a range target's bounds":
            "asal target: periode itu, tahunnya (diskalakan) atau katalog; batas-batas target rentang",
        "who gives it other tasks, as its task text says": "yang memberinya tugas lain, seperti tertulis di teks tugasnya",
    ]
}
