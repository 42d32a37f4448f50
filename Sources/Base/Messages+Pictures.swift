/// The messages of `trend(x)` and `bar(x)`, the columns a terminal draws.
/// (Kept apart from `Messages.swift` so the catalogue grows by area.)
extension Message {
    public static func pictureNeedsArgument(_ name: String) -> Message {
        Message(id: "picture-needs-argument", "\(name)(...) needs a number to draw, e.g. \(name)(achievement)",
                id: "\(name)(...) perlu angka yang digambar, misalnya \(name)(achievement)")
    }

    public static func pictureOfAggregate(_ name: String) -> Message {
        Message(id: "picture-of-aggregate", "\(name)(...) draws a field of each row; an aggregate goes in a grouped query, e.g. show indicators bidang, bar(avg(achievement)) group by bidang",
                id: "\(name)(...) menggambar field tiap baris; fungsi agregat dipakai dengan group by, misalnya show indicators bidang, bar(avg(achievement)) group by bidang")
    }

    public static func trendNeedsIndicators(_ thing: String) -> Message {
        Message(id: "trend-needs-indicators", "trend(...) draws months of indicators, units, positions or objectives; each row of \(thing) is one period already: use show indicators code, trend(achievement)",
                id: "trend(...) menggambar bulan-bulan indikator, unit, jabatan atau sasaran; tiap baris \(thing) sudah satu periode: gunakan show indicators code, trend(achievement)")
    }
}
