/// One line of a text catalogue, without its line end, and what it can be: the block heading, a
/// heading field (`JABATAN`, `TUGAS`, `FUNGSI`), the table's header, a table row, a list item.
/// An ASCII line is classified on bytes; a line with other characters on Characters, where
/// letters, digits or case decide, so that both read as they always have.
struct TextLine {
    enum Field { case jabatan, tugas, fungsi }

    var bytes: Text.Bytes
    var isASCII: Bool

    /// `INDIKATOR KINERJA INDIVIDU`, the heading of a position block.
    func isHeading(_ trimmed: Text.Bytes) -> Bool {
        // ASCII case-insensitive: no other characters upper-case into this heading.
        Text.equals(trimmed, "INDIKATOR KINERJA INDIVIDU")
    }

    /// Whether a line outside the table (after a blank line inside it, or where the header line is
    /// missing) is a table row: at least objective, indicator and formula cells, with an indicator
    /// name. (A signature laid out in two tab-separated columns is not taken for one.)
    func looksLikeRow() -> Bool {
        guard let first = Text.index(of: 0x09, in: bytes),
              let second = Text.index(of: 0x09, in: bytes, from: first + 1) else { return false }
        return !Text.trim(Text.Bytes(rebasing: bytes[(first + 1)..<second])).isEmpty
    }

    /// The header row: tab-separated, second cell "INDIKATOR KINERJA" (also "INDIKATOR",
    /// "INDIKATOR KINERJA INDIVIDU"; the first cell varies: SASARAN STRATEGIS, SASARAN SATRATEGIS, KINERJA).
    func isTableHeader() -> Bool {
        guard let tab = Text.index(of: 0x09, in: bytes) else { return false }
        let end = Text.index(of: 0x09, in: bytes, from: tab + 1) ?? bytes.count
        let cell = Text.Bytes(rebasing: bytes[(tab + 1)..<end])
        // Most rows are told apart by the cell's first letter, before any String is made.
        let text = Text.trim(cell)
        guard let first = text.first, first == UInt8(ascii: "I") || first == UInt8(ascii: "i") || first >= 0x80 else { return false }
        let second = Text.isASCII(cell)
            ? Text.upperCollapsedASCII(cell)
            : Text.collapse(String(decoding: cell, as: UTF8.self).uppercased())
        return ["INDIKATOR KINERJA", "INDIKATOR", "INDIKATOR KINERJA INDIVIDU"].contains(second)
    }

    /// `1. JABATAN : X`, `- 2. TUGAS :`, `3.FUNGSI : -`: the field, the text after the colon and
    /// that text's column.
    func headerField() -> (Field, Text.Bytes, Int)? {
        let b = bytes
        var i = 0
        func skip(tabs: Bool = false) { while i < b.count && (b[i] == 0x20 || (tabs && b[i] == 0x09)) { i += 1 } }
        skip(tabs: true)
        // Most lines start with neither '-' nor a digit: reject them on the first byte.
        guard i < b.count, b[i] == UInt8(ascii: "-") || Text.isDigit(b[i]) else { return nil }
        guard isASCII else { return headerFieldUnicode() }
        if b[i] == UInt8(ascii: "-") { i += 1; skip() }
        let digits = i
        while i < b.count && Text.isDigit(b[i]) { i += 1 }
        guard i > digits else { return nil }
        skip()
        guard i < b.count, b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        skip()
        let wordStart = i
        while i < b.count && Text.isLetter(b[i]) { i += 1 }
        guard let field = Self.field(Text.Bytes(rebasing: b[wordStart..<i])) else { return nil }
        skip()
        if i < b.count && b[i] == UInt8(ascii: ":") { i += 1 }
        skip(tabs: true)
        return (field, Text.trim(Text.Bytes(rebasing: b[i...])), i + 1)
    }

    private static func field(_ word: Text.Bytes) -> Field? {
        if Text.equals(word, "JABATAN") { return .jabatan }
        if Text.equals(word, "TUGAS") { return .tugas }
        if Text.equals(word, "FUNGSI") { return .fungsi }
        return nil
    }

    /// `headerField` on Characters, for a line that is not all ASCII: digits and letters are
    /// Unicode's, and the word is upper-cased by Unicode's rules.
    private func headerFieldUnicode() -> (Field, Text.Bytes, Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        var s = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        let digits = s.prefix(while: { $0.isNumber })
        guard !digits.isEmpty else { return nil }
        s = s.dropFirst(digits.count).drop(while: { $0 == " " })
        guard s.first == "." else { return nil }
        s = s.dropFirst().drop(while: { $0 == " " })
        let word = s.prefix(while: { $0.isLetter }).uppercased()
        let fields: [String: Field] = ["JABATAN": .jabatan, "TUGAS": .tugas, "FUNGSI": .fungsi]
        guard let field = fields[word] else { return nil }
        s = s.dropFirst(word.count).drop(while: { $0 == " " })
        if s.first == ":" { s = s.dropFirst() }
        s = s.drop(while: { $0 == " " || $0 == "\t" })
        let column = text.distance(from: text.startIndex, to: s.startIndex) + 1
        return (field, Text.trim(Text.Bytes(rebasing: bytes[text.utf8.distance(from: text.startIndex, to: s.startIndex)...])), column)
    }

    /// `a. ...`, `- b. ...`, `c) ...`: a letter, a dot or parenthesis, then a space or tab.
    static func isListItem(_ text: Text.Bytes, isASCII: Bool) -> Bool {
        guard isASCII else { return isListItem(String(decoding: text, as: UTF8.self)) }
        var i = 0
        if text.first == UInt8(ascii: "-") {
            i = 1
            while i < text.count && text[i] == 0x20 { i += 1 }
        }
        guard i + 2 < text.count, Text.isLetter(text[i]) else { return false }
        let mark = text[i + 1], gap = text[i + 2]
        return (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")")) && (gap == 0x20 || gap == 0x09)
    }

    /// `isListItem` on Characters, for text that is not all ASCII.
    private static func isListItem(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        guard let letter = s.first, letter.isLetter else { return false }
        let mark = s.dropFirst().first, gap = s.dropFirst(2).first
        return (mark == "." || mark == ")") && (gap == " " || gap == "\t")
    }

    /// Whether the text is a list item, and the offset where its text starts (after `- a. `).
    static func listItemStart(_ text: Text.Bytes) -> (Bool, Int) {
        var i = 0
        if text.first == UInt8(ascii: "-") {
            i = 1
            while i < text.count && text[i] == 0x20 { i += 1 }
        }
        guard isListItem(Text.Bytes(rebasing: text[i...]), isASCII: true) else { return (false, i) }
        i += 2
        while i < text.count && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
        return (true, i)
    }

    /// `listItemStart` on Characters, for text that is not all ASCII.
    static func listItemStart(_ text: String) -> (Bool, Int) {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst().drop(while: { $0 == " " }) }
        let isItem = isListItem(String(s))
        if isItem { s = s.dropFirst(2).drop(while: { $0 == " " || $0 == "\t" }) }
        return (isItem, text.utf8.distance(from: text.startIndex, to: s.startIndex))
    }

    /// Splits a row on tabs into `cells`, each trimmed, with the column its text starts at.
    func splitCells(into cells: inout [CatalogueCell]) {
        cells.removeAll(keepingCapacity: true)
        var column = 1, start = 0
        while true {
            let end = Text.index(of: 0x09, in: bytes, from: start) ?? bytes.count
            let raw = Text.Bytes(rebasing: bytes[start..<end])
            let text = Text.trim(raw)
            // The column where the cell's text starts, so a diagnostic points at it.
            var lead = 0
            if !text.isEmpty { while lead < raw.count && raw[lead] == 0x20 { lead += 1 } }
            cells.append(CatalogueCell(text: text, column: column + lead))
            // Columns count characters: bytes, unless the cell is not ASCII.
            column += (isASCII || Text.isASCII(raw) ? raw.count : String(decoding: raw, as: UTF8.self).count) + 1
            if end == bytes.count { break }
            start = end + 1
        }
    }
}
