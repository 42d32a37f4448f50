import Foundation
import Testing
@testable import Base
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

    @Test("collapse keeps already collapsed text, a lone tab included, as it always has")
    func collapseKeeps() {
        #expect(Text.collapse("a\tb") == "a\tb")
        #expect(Text.collapse("a\t b") == "a b")
        #expect(Text.collapse("a\u{00A0}b") == "a b")
        #expect(Text.collapse("x · y") == "x · y")
        #expect(onBytes("a  b") { Text.isCollapsed($0) } == false)
        #expect(onBytes(" a") { Text.isCollapsed($0) } == false)
        #expect(onBytes("a b") { Text.isCollapsed($0) } == true)
        #expect(onBytes("") { Text.collapse($0) } == "")
        #expect(onBytes(" \u{00A0}Jumlah\t\tdata ") { Text.collapse($0) } == "Jumlah data")
    }

    @Test("bytes: trim, ASCII check, byte and ASCII-case-insensitive search, words, equality")
    func bytes() {
        #expect(onBytes(" \t a b \r") { String(decoding: Text.trim($0), as: UTF8.self) } == "a b")
        #expect(onBytes("   ") { Text.trim($0).isEmpty })
        #expect(onBytes("Jumlah koperasi aktif") { Text.isASCII($0) })
        #expect(onBytes("Jumlah koperasi aktif ×") { Text.isASCII($0) } == false)
        #expect(onBytes("a\tb\tc") { Text.index(of: 0x09, in: $0, from: 2) } == 3)
        #expect(onBytes("abc") { Text.index(of: 0x09, in: $0) } == nil)
        #expect(onBytes("Tugas LAIN yang diberikan") { Text.find("lain yang di", in: $0) } == 6)
        #expect(onBytes("lain") { Text.find("lain yang", in: $0) } == nil)
        #expect(onBytes("x / y") { Text.find(" / ", in: $0, from: 2) } == nil)
        #expect(onBytes("  KEPALA  seksi ") { Text.words($0).map { String(decoding: $0, as: UTF8.self) } } == ["KEPALA", "seksi"])
        #expect(onBytes("Jabatan") { Text.equals($0, "JABATAN") })
        #expect(onBytes("Jabatan:") { Text.equals($0, "JABATAN") } == false)
        #expect(onBytes("...UPT,") { String(decoding: Text.trim($0, where: Text.isPunctuation), as: UTF8.self) } == "UPT")
        #expect(Text.trim(" .Kepala Seksi;", where: { $0 == 0x20 || $0 == 0x2E || $0 == 0x3B }) == "Kepala Seksi")
    }

    @Test("lowercasedWords: the words lowercased() and a split on Characters give, on bytes where that is the same")
    func lowercasedWords() {
        // The loader splits every text of a catalogue into words; bytes must give what Characters do.
        let characters = { (text: String) in
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let texts = [
            "Jumlah KUMKM yang difasilitasi / Jumlah KUMKM x 100%", "A × B ÷ 3,5×10", "×Awal dan akhir÷",
            "Mañana × 100", "e\u{301}x × 2", "baris\r\nbaru", "no\u{00A0}break", "×\u{301}a", "", "×÷",
            "Kepala Seksi 2 (UPT) - a.b", "ǅemal İstanbul × ß",
        ]
        for text in texts {
            #expect(Text.lowercasedWords(text) == characters(text), "\(text.debugDescription)")
        }
        #expect(Array("a × b ÷ c".utf8).withUnsafeBufferPointer { Text.signsOnly($0) })
        #expect(!Array("a × é".utf8).withUnsafeBufferPointer { Text.signsOnly($0) })
        #expect(!Array("a ×\u{301}".utf8).withUnsafeBufferPointer { Text.signsOnly($0) })
    }

    @Test("upperCollapsed: upper-cased, whitespace runs made one space, as uppercased() and split would")
    func upperCollapsed() {
        #expect(Text.upperCollapsed("  kepala\t seksi  Permodalan ") == "KEPALA SEKSI PERMODALAN")
        #expect(Text.upperCollapsed("kepala ıbu") == "KEPALA IBU")
        #expect(Text.upperCollapsed("") == "")
    }

    @Test("punctuation on bytes is ASCII's Unicode punctuation")
    func punctuation() {
        for b in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(b)
            let unicode = CharacterSet.punctuationCharacters.contains(scalar)
            #expect(Text.isPunctuation(b) == unicode, "\(scalar)")
        }
    }

    @Test("find from the needle's rarest byte: the first occurrence a byte-by-byte scan finds, at every offset")
    func findFirst() {
        let naive = { (needle: String, text: String, from: Int) -> Int? in
            let n = Array(needle.utf8).map(Text.lower), t = Array(text.utf8).map(Text.lower)
            guard !n.isEmpty, from + n.count <= t.count else { return nil }
            return (from...(t.count - n.count)).first { Array(t[$0..<($0 + n.count)]) == n }
        }
        let needles = ["lain yang di", "LAIN", " / ", "\\frac", "y", "Yang", "sebanyak", "<u>", "aa", ""]
        for at in 0..<20 {
            for filler in ["yang yang ", "lain lain ", "Y/y/Y/y/", "aaaaaaaa"] {
                let text = String(String(repeating: filler, count: 3).prefix(at)) + "Lain Yang Diberikan / sebanyak <U>x</u> \\frac" + String(filler.prefix(at % 5))
                for needle in needles {
                    for from in [0, at, at + 3] {
                        let found = Array(text.utf8).withUnsafeBufferPointer { Text.find(needle, in: $0, from: from) }
                        #expect(found == naive(needle, text, from), "\(needle) in \(text.debugDescription) from \(from)")
                    }
                }
            }
        }
        #expect(Array("lain yang di".utf8).withUnsafeBufferPointer { Text.anchor(of: $0) } == 5)
    }

    @Test("hash: the same for texts equal as Strings (other code points for the same characters), apart for others")
    func hash() {
        func hash(_ texts: String...) -> UInt64 {
            var h: UInt64 = 0
            for text in texts { Text.hash(text, into: &h) }
            return h
        }
        #expect(hash("Caf\u{E9} × 2") == hash("Cafe\u{301} × 2"))
        #expect(hash("\u{212B}ngstr\u{F6}m") == hash("\u{C5}ngstr\u{F6}m"))
        #expect(hash("Jumlah SPJ") == hash("Jumlah SPJ"))
        #expect(hash("Jumlah SPJ") != hash("Jumlah SPK"))
        #expect(hash("ab", "c") != hash("a", "bc"))
        #expect(hash("A × B ÷ 3") != hash("A x B : 3"))
        // Characters before U+0300 are composed as they are; a combining mark or a sign past it is not.
        #expect(onBytes("A × B ÷ Mañana") { Text.isComposed($0) })
        #expect(!onBytes("e\u{301}") { Text.isComposed($0) })
        #expect(!onBytes("\u{212B}") { Text.isComposed($0) })
    }

    private func onBytes<R>(_ text: String, _ body: (Text.Bytes) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }
}

/// Keys that tell texts apart byte for byte.
@Suite("File extensions")
struct FileExtensionTests {
    @Test("Text.fileExtension gives what NSString's pathExtension gives, for the names iki meets and their edges")
    func likeNSString() {
        for path in Self.paths {
            #expect(Text.fileExtension(path) == (path as NSString).pathExtension, "\(path)")
        }
    }

    @Test("Text.deletingExtension gives what NSString's deletingPathExtension gives (the organisation file beside a catalogue)")
    func deletingLikeNSString() {
        for path in Self.paths {
            #expect(Text.deletingExtension(path) == (path as NSString).deletingPathExtension, "\(path)")
        }
    }

    static let paths = ["a.txt", ".csv", "a.", "dir.d/file", "dir/x.TXT", "a.b c", "x.tar.gz", "/", "", "a/b.csv/", "..", "a..b",
                        "~$x.docx", "a. b", "/work/data/kab-malang.organisation.csv", "Laporan Oktober.xlsx", "ringkasan.HTML", "dir//x.json//",
                        "a/.txt", "a/b.txt//", "\u{E9}.\u{E9}", "a.\u{301}x", "/x/.", "x/..", "a/b/", "./a.txt", "../b/c.docx", "a/..", "/a/b.c/d"]
}

@Suite("Messages in two languages")
struct MessageLanguageTests {
    @Test("a message shows in the language of the task")
    func language() {
        let both = Message(id: "x", "no such file", id: "berkas tidak ada")
        #expect(both.text == "no such file")
        Language.$current.withValue(.indonesian) {
            #expect(both.text == "berkas tidak ada")
        }
        #expect(both.text == "no such file")
    }
}
