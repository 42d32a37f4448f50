/// Messages of the data checks for finite numbers and whole rows (issue 10, item 7), each in
/// English and Bahasa Indonesia.
extension Message {
    /// A cell that reads as a number too large for a Double (`1e999`).
    public static func numberTooLarge(_ field: String, _ text: String) -> Message {
        Message(id: "number-too-large", "\(field) '\(text)' is too large: numbers go up to about 1.8e308",
                id: "\(field) '\(text)' terlalu besar: angka paling besar sekitar 1,8e308")
    }

    /// A record with fewer cells than the header: which columns it lacks.
    public static func shortRow(_ cells: Int, header: Int, missing: [String]) -> Message {
        let names = missing.joined(separator: ", ")
        return Message(id: "short-row", "row has \(cells) cell(s) but the header has \(header): missing \(names)",
                       id: "baris berisi \(cells) sel, padahal judul kolom berisi \(header): tidak ada \(names)")
    }

    /// A record with more cells than the header: the extra cells belong to no column.
    public static func longRow(_ cells: Int, header: Int) -> Message {
        Message(id: "long-row", "row has \(cells) cells but the header has \(header): the cells after column \(header) belong to no column",
                id: "baris berisi \(cells) sel, padahal judul kolom berisi \(header): sel sesudah kolom ke-\(header) tidak punya judul kolom")
    }

    /// A result column where a computation (a sum, a product) went past the largest number.
    public static func resultOverflow(_ column: String, rows: Int) -> Message {
        Message(id: "result-overflow", "\(column) is too large to compute in \(rows) row(s) (beyond about 1.8e308): shown as missing",
                id: "\(column) terlalu besar untuk dihitung pada \(rows) baris (melebihi sekitar 1,8e308): ditampilkan kosong")
    }

    /// An operator whose finite operands gave a result past the largest number (`target * 1e308`).
    public static func arithmeticOverflow(_ op: String, rows: Int) -> Message {
        Message(id: "arithmetic-overflow", "'\(op)' gives a number beyond about 1.8e308 in \(rows) row(s): taken as missing",
                id: "'\(op)' menghasilkan angka melebihi sekitar 1,8e308 pada \(rows) baris: dianggap kosong")
    }
}
