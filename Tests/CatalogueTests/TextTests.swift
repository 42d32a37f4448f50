import Testing
@testable import Catalogue

/// The byte-level whitespace helpers the loader runs on every line behave like the Character-level
/// operations they replace.
@Suite("Whitespace helpers")
struct TextTests {
    @Test("collapse: runs of spaces, tabs, line ends and no-break spaces become one space; ends trimmed")
    func collapse() {
        #expect(Text.collapse("  Jumlah \t koperasi\u{00A0}\u{00A0}aktif \r\n") == "Jumlah koperasi aktif")
        #expect(Text.collapse("") == "")
        #expect(Text.collapse(" \t ") == "")
        #expect(Text.collapse("Sudah rapi") == "Sudah rapi")
        #expect(Text.collapse("Mañana  ×  100%") == "Mañana × 100%")
    }

    @Test("trim: spaces and tabs at both ends only")
    func trim() {
        #expect(Text.trim("\t a  b \t") == "a  b")
        #expect(Text.trim("   ") == "")
        #expect(Text.trim("é") == "é")
        #expect(Text.trim(Substring(" x ")) == "x")
    }

    @Test("range(of:in:): ASCII case-insensitive, on the original string's indices")
    func range() {
        let text = "Melaksanakan Tugas Lain Yang Diberikan oleh Kasubag"
        let r = Text.range(of: "lain yang diberikan", in: text)
        #expect(r.map { String(text[$0]) } == "Lain Yang Diberikan")
        #expect(Text.range(of: "tidak ada", in: text) == nil)
        #expect(Text.range(of: "", in: text) == nil)
    }
}
