import Catalogue
import Foundation
import Query
import Testing
@testable import REPL

/// Candidates over the bundled data.
func complete(_ text: String, directory: String = FileManager.default.currentDirectoryPath) -> [String] {
    Completion.candidates(text, dataset: Bundled.dataset, directory: directory)
}

@Suite("Completion: what Tab offers where")
struct CompletionTests {
    let units = Bundled.dataset.catalogue.organisation.units

    @Test("statement keywords at the start, Indonesian ones only once typed")
    func statementKeywords() {
        #expect(Set(complete("")) == ["show", "describe", "explain", "export", "set", "load", "help", "quit", "lint", "report"])
        #expect(complete("sh") == ["show"])
        #expect(complete("SH") == ["show"])
        #expect(complete("ta") == ["tampilkan"])
        #expect(complete("je") == ["jelaskan"])
        #expect(Set(complete("e")) == ["explain", "export", "ekspor", "exit"])
        #expect(complete("show units; sh") == ["show"])
        #expect(complete("explain ") == ["show"])
        #expect(complete("explain show u") == ["units", "unit"])
        #expect(complete("rencana tampilkan unit where ki") == ["kind"])
        #expect(complete("show units;\nde") == ["describe"])
        #expect(complete("xyz").isEmpty)
    }

    @Test("things after show and describe")
    func things() {
        #expect(complete("show ") == ["indicators", "positions", "units", "objectives", "realisations"])
        #expect(complete("show u") == ["units", "unit"])
        #expect(complete("show pos") == ["positions", "position"])
        #expect(complete("tampilkan indi") == ["indicators", "indicator", "indikator"])
        #expect(complete("describe ob") == ["objectives", "objective"])
        #expect(complete("show jab") == ["jabatan"])
    }

    @Test("field names of the current thing in columns, where and order by")
    func fields() {
        let indicatorFields = Schema.fields(.indicators).map(\.name)
        let afterThing = complete("show indicators ")
        #expect(Array(afterThing.prefix(indicatorFields.count)) == indicatorFields)
        #expect(afterThing.contains("where") && afterThing.contains("order") && !afterThing.contains("capaian"))
        #expect(complete("show indicators achi") == ["achievement"])
        #expect(complete("show indicators code, achi") == ["achievement"])
        #expect(complete("show indicators code,achi") == ["achievement"])
        #expect(complete("show indicators where achi") == ["achievement"])
        #expect(complete("show indicators where achievement < 80% and bid") == ["bidang"])
        #expect(Set(complete("show indicators where (achievement < 80% or targ")) == ["target", "target_unit", "target_source"])
        #expect(complete("show indicators order by achi") == ["achievement"])
        #expect(complete("show indicators group by bid") == ["bidang"])
        #expect(complete("show indicators bidang, avg(achi") == ["achievement"])
        #expect(Set(complete("show indicators where realisation - tar")) == ["target", "target_unit", "target_source"])
        #expect(complete("show indicators where capa") == ["capaian", "capaian_sebelumnya"])
        #expect(complete("tampilkan indikator dimana capa") == ["capaian", "capaian_sebelumnya"])
        #expect(complete("show indicators av") == ["avg("])
        #expect(complete("show units ki") == ["kind"])
        #expect(complete("show units formu").isEmpty, "units have no formula")
        #expect(complete("show realisations no") == ["note"])
        #expect(complete("show indicators no").isEmpty, "only realisations have a note")
        #expect(complete("show indicators code,\nachi") == ["achievement"], "an earlier line of the statement counts")
        #expect(complete("export show units ki") == ["kind"])
    }

    @Test("clause and condition keywords after an operand")
    func clauseKeywords() {
        #expect(complete("show indicators code w") == ["where"])
        #expect(complete("show indicators code a") == ["as"])
        #expect(complete("show indicators where achievement ") == ["and", "or", "not", "is", "in", "between", "like", "contains", "for", "group", "order", "limit"])
        #expect(complete("show indicators where achievement < 80% o") == ["or", "order"])
        #expect(complete("show indicators where achievement < 80% d") == ["dan", "dalam"])
        #expect(complete("show indicators where achievement is ") == ["missing", "not"])
        #expect(complete("show indicators where achievement is not ") == ["missing"])
        #expect(complete("show indicators group ") == ["by"])
        #expect(complete("show indicators where achievement < 80% order by achievement ") == ["asc", "desc", "for", "group", "limit"])
        #expect(complete("show indicators order by achievement desc ") == ["where", "for", "group", "limit"])
        #expect(complete("show indicators where x = 1 l") == ["like", "limit"])
        #expect(complete("export show units t") == ["to"])
        #expect(complete("show units t").isEmpty, "to belongs to export")
        #expect(complete("show indicators limit ").isEmpty)
    }

    @Test("unit names in quotes after bidang =, seksi = and unit =, by the kind of the field")
    func unitNames() {
        #expect(complete("show indicators where bidang = \"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show indicators where bidang = \"fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show indicators where bidang = 'Fas") == ["'Fasilitasi Pembiayaan'"])
        #expect(complete("show indicators where bidang=\"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("tampilkan indikator dimana bidang = \"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show indicators where bidang != \"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show indicators where bidang = \"Bidang Bina Fas") == ["\"Fasilitasi Pembiayaan\""], "by the full name too")
        #expect(complete("show indicators where bidang = \"Fasilitasi P") == ["\"Fasilitasi Pembiayaan\""], "spaces stay in the word")

        let bidangLevel = units.filter { $0.kind.isBidangLevel }.map { "\"\($0.shortName)\"" }
        #expect(complete("show indicators where bidang = \"") == bidangLevel)
        #expect(complete("show indicators where bidang = \"").contains("\"Sekretariat\""))
        #expect(complete("show indicators where bidang = \"Perm").isEmpty, "Permodalan is a seksi")
        #expect(complete("show indicators where seksi = \"Perm") == ["\"Permodalan\""])
        #expect(complete("show indicators where seksi = \"Keu") == ["\"Keuangan dan Aset\""], "a sub bagian is a seksi-level unit")
        #expect(complete("show indicators where seksi = \"Fas").isEmpty)
        #expect(Set(complete("show indicators where unit = \"P")).isSuperset(of: ["\"Permodalan\"", "\"Produksi dan Pemasaran Koperasi\""]))
        #expect(complete("show indicators where bidang in (\"Sekretariat\", \"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show indicators where bidang not in (\"Fas") == ["\"Fasilitasi Pembiayaan\""])
        #expect(complete("show units where unit = \"Tata") == ["\"Tata Usaha\""])
        #expect(complete("show indicators where bidang = ") == bidangLevel, "before the quote, the quoted names")
        #expect(complete("show indicators where indicator = \"Fas").isEmpty, "not a unit field")
        #expect(complete("show indicators where kind = \"c") == ["\"count\""])
    }

    @Test("indicator codes after code = and describe indicator")
    func codes() {
        let all = Bundled.dataset.catalogue.indicators.map(\.code)
        #expect(complete("show indicators where code = SDIN") == ["SDIN-1", "SDIN-2", "SDIN-3"])
        #expect(complete("show indicators where code = sdin-") == ["SDIN-1", "SDIN-2", "SDIN-3"])
        #expect(complete("show indicators where code=SDIN-2") == ["SDIN-2"])
        #expect(complete("show indicators where kode = SDIN") == ["SDIN-1", "SDIN-2", "SDIN-3"])
        #expect(complete("show indicators where code in (SDIN-1, SDIN") == ["SDIN-1", "SDIN-2", "SDIN-3"])
        #expect(complete("describe indicator ") == all)
        #expect(complete("describe indicator SDIN") == ["SDIN-1", "SDIN-2", "SDIN-3"])
        #expect(complete("jelaskan indikator SDIN-3") == ["SDIN-3"])
        #expect(complete("describe indicator SDIN-1 ").isEmpty)
    }

    @Test("position titles in quotes")
    func positions() {
        #expect(complete("describe position \"SEKRETARIS") == ["\"SEKRETARIS DINAS\""])
        #expect(complete("show positions where position = \"SEKRETARIS") == ["\"SEKRETARIS DINAS\""])
    }

    @Test("periods after for and set period")
    func periods() {
        let forPeriods = complete("show indicators for ")
        #expect(forPeriods.contains("2026-10") && forPeriods.contains("2026-01"))
        #expect(complete("show indicators for 2026-1") == ["2026-10"])
        #expect(complete("set period ").first == "latest")
        #expect(complete("set period 2026-1") == ["2026-10"])
    }

    @Test("settings, formats, help topics")
    func settings() {
        #expect(complete("set ") == ["format", "period", "output", "timer", "width", "param", "language", "rules", "pager"])
        #expect(complete("set language ") == ["en", "id"])
        #expect(complete("set f") == ["format"])
        #expect(complete("set format ") == ["table", "auto", "record", "csv", "tsv", "json", "markdown", "xlsx"])
        #expect(complete("set format c") == ["csv"])
        #expect(complete("atur format j") == ["json"])
        #expect(complete("set timer ") == ["on", "off"])
        #expect(complete("set output s") == ["stdout"])
        #expect(complete("help ").contains("fields") && complete("help ").contains("indicators"))
        #expect(complete("help op") == ["operators"])
        #expect(complete("quit ").isEmpty)
        #expect(complete("load ") == ["catalogue", "organisation", "realisations"])
        #expect(complete("load o") == ["organisation", "organization", "organisasi"])
        #expect(complete("export ") == ["show"])
        #expect(complete("export show units to \"u.csv\" ") == ["format"])
        #expect(complete("export show units to \"u.csv\" format m") == ["markdown"])
    }

    @Test("file names in quotes after load, to and set output, relative to the current directory")
    func files() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: folder.path + "/catalogue.txt", contents: Data()))
        #expect(fm.createFile(atPath: folder.path + "/cat notes.txt", contents: Data()))
        #expect(fm.createFile(atPath: folder.path + "/.hidden", contents: Data()))
        #expect(fm.createFile(atPath: folder.path + "/data/r-2026.csv", contents: Data()))
        let dir = folder.path

        #expect(complete("load catalogue \"", directory: dir) == ["\"cat notes.txt\"", "\"catalogue.txt\"", "\"data/"])
        #expect(complete("load catalogue \"cata", directory: dir) == ["\"catalogue.txt\""])
        #expect(complete("load catalogue 'cata", directory: dir) == ["'catalogue.txt'"])
        #expect(complete("load catalogue \"cat n", directory: dir) == ["\"cat notes.txt\""])
        #expect(complete("load realisations \"d", directory: dir) == ["\"data/"])
        #expect(complete("load realisations \"data/", directory: dir) == ["\"data/r-2026.csv\""])
        #expect(complete("load realisations \"data/r", directory: dir) == ["\"data/r-2026.csv\""])
        #expect(complete("load catalogue \".h", directory: dir) == ["\".hidden\""])
        #expect(complete("load catalogue ", directory: dir) == ["\"cat notes.txt\"", "\"catalogue.txt\"", "\"data/"])
        #expect(complete("export show units to \"cat", directory: dir) == ["\"cat notes.txt\"", "\"catalogue.txt\""])
        #expect(complete("ekspor tampilkan units ke \"cata", directory: dir) == ["\"catalogue.txt\""])
        #expect(complete("set output \"cata", directory: dir) == ["\"catalogue.txt\""])
        #expect(complete("load catalogue \"nothing-here/", directory: dir).isEmpty)
        #expect(complete("load catalogue \"" + dir + "/cata", directory: "/") == ["\"" + dir + "/catalogue.txt\""], "absolute paths")
    }

    @Test("nothing inside a comment or after text the lexer cannot read")
    func nothing() {
        #expect(complete("show indicators -- achi").isEmpty)
        #expect(complete("show indicators where x = 12abc ").isEmpty)
        #expect(complete("show nonsense ").isEmpty)
    }

    @Test("every candidate starts with the word it replaces")
    func candidatesExtendTheWord() {
        for text in ["show indicators where ach", "show indicators where bidang = \"P", "describe indicator K", "s", "show indicators for 2026"] {
            let word = String(text[LineEditor.wordStart(in: text)...]).lowercased()
            for candidate in complete(text) {
                #expect(candidate.lowercased().hasPrefix(word), "\(candidate) for \(text)")
            }
        }
    }
}

@Suite("The word Tab replaces, and the prefix several candidates share")
struct WordTests {
    func word(_ text: String) -> String { String(text[LineEditor.wordStart(in: text)...]) }

    @Test func words() {
        #expect(word("") == "")
        #expect(word("show ind") == "ind")
        #expect(word("show indicators ") == "")
        #expect(word("show indicators code,achi") == "achi")
        #expect(word("avg(achi") == "achi")
        #expect(word("code=SDIN-") == "SDIN-")
        #expect(word("x >= 2026-1") == "2026-1")
        #expect(word("bidang = \"Fasilitasi Pe") == "\"Fasilitasi Pe")
        #expect(word("bidang = 'Fasilitasi Pe") == "'Fasilitasi Pe")
        #expect(word("x = \"a\" and y = \"it\"\"s wo") == "\"it\"\"s wo", "a doubled quote stays in the string")
        #expect(word("x = \"a\"") == "", "after a closed string")
        #expect(word("x = \"it's") == "\"it's", "the other quote is a character")
        #expect(word("show units;sh") == "sh")
    }

    @Test func commonPrefix() {
        #expect(LineEditor.commonPrefix(["target", "target_unit", "target_source"]) == "target")
        #expect(LineEditor.commonPrefix(["Show", "shown"]) == "Show")
        #expect(LineEditor.commonPrefix(["abc", "xyz"]) == "")
        #expect(LineEditor.commonPrefix([]) == "")
        #expect(LineEditor.commonPrefix(["\"Pengembangan", "\"Pengelola"]) == "\"Penge")
    }

    @Test("after report: for and to, then a period after for, nothing after the file")
    func report() {
        #expect(complete("report ") == ["for", "to"])
        #expect(complete("report for ").contains("2026-10"))
        #expect(complete("report for 2026-10 ") == ["to"])
        #expect(complete("laporan untuk 2026-10 k") == ["ke"])
    }
}
