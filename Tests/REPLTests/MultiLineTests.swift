import Testing
@testable import REPL

@Suite("Multi-line input: when a statement is complete")
struct MultiLineTests {
    @Test("complete statements", arguments: [
        "", "   \n  ", "show indicators", "show indicators where achievement < 80%",
        "show indicators where achievement is not missing", "show indicators order by achievement desc",
        "show realisations code, period", "show indicators code, achievement as capaian_x limit 10",
        "tampilkan indikator dimana capaian < 80%", "describe indicators", "describe indicator SDIN-1",
        "help", "help show", "help fields", "bantuan", "quit", "keluar", "exit", "set format csv", "set timer on", "load catalogue \"x.txt\"",
        "export show units to \"units.csv\"", "export show units to \"units.csv\" format csv",
        "show indicators where achievement < 80% -- under target", "-- just a comment",
        "show units; show positions", "show indicators where (achievement < 80%)",
        "explain show units", "rencana tampilkan indikator dimana capaian < 80%",
    ])
    func complete(_ text: String) {
        #expect(MultiLine.isComplete(text))
    }

    @Test("statements that need more", arguments: [
        "show", "describe", "show indicators where", "show indicators where achievement <",
        "show indicators where achievement <=", "show indicators where achievement =", "show indicators code,",
        "show indicators where achievement between 60% and", "show indicators where a > 1 and", "show indicators where a > 1 or",
        "show indicators where not", "show indicators where achievement is", "show indicators where achievement is not",
        "show indicators where code in", "show indicators where indicator like", "show indicators where indicator contains",
        "show indicators group", "show indicators group by", "show indicators order", "show indicators order by",
        "show indicators for", "show indicators limit", "show indicators realisation - target as",
        "show indicators realisation -", "show indicators realisation +", "show indicators realisation *",
        "tampilkan", "tampilkan indikator dimana", "tampilkan indikator dimana capaian < 80% dan",
        "tampilkan indikator urutkan berdasarkan", "show indicators where bidang = \"Fasilitasi",
        "show indicators where bidang = 'Fasilitasi", "show indicators where (achievement < 80%",
        "show indicators bidang, avg(achievement", "show indicators where code in (SDIN-1, SDIN-2",
        "export", "export show units", "export show units to", "export show units to \"u.csv\" format",
        "ekspor show units ke", "set", "set format", "set param x =", "atur periode", "load", "load catalogue",
        "show units; show", "show indicators where -- the condition follows\n",
        "show indicators where achievement < 80% and -- more below",
        "explain", "explain show", "explain show indicators where", "rencana",
    ])
    func incomplete(_ text: String) {
        #expect(!MultiLine.isComplete(text))
    }

    @Test("a final ';' completes whatever comes before it", arguments: [
        "show indicators where;", "show indicators where (achievement < 80%;", "set;", "show units;\n",
    ])
    func semicolon(_ text: String) {
        #expect(MultiLine.isComplete(text))
    }

    @Test("a string with ';' or '--' inside stays open")
    func stringsHideSemicolons() {
        #expect(!MultiLine.isComplete("show indicators where indicator contains \"a;"))
        #expect(!MultiLine.isComplete("show indicators where indicator contains \"a -- b"))
        #expect(MultiLine.isComplete("show indicators where indicator contains \"a -- b\""))
    }

    @Test("a statement over several lines completes when its last line does")
    func severalLines() {
        #expect(!MultiLine.isComplete("show indicators code, achievement\nwhere bidang = \"Fasilitasi Pembiayaan\"\nand"))
        #expect(MultiLine.isComplete("show indicators code, achievement\nwhere bidang = \"Fasilitasi Pembiayaan\"\nand achievement < 80%"))
        #expect(MultiLine.isComplete("show indicators where indicator contains \"two\nlines\""))
    }

    @Test("other lexical errors complete the statement, for the parser to report")
    func lexicalErrors() {
        #expect(MultiLine.isComplete("show indicators where achievement ! 80"))
        #expect(MultiLine.isComplete("show indicators where x = 12abc"))
        #expect(MultiLine.isComplete("show indicators where x = #"))
    }
}
