import Testing
@testable import REPL

@Suite("The statement buffer: what runs when a line is typed or a block pasted")
struct StatementBufferTests {
    /// Feeds `batches` (each the lines of one Enter or one paste); returns what ran at each end.
    func feed(_ buffer: inout StatementBuffer, _ batches: [[String]]) -> [String?] {
        batches.map { batch in
            for line in batch { buffer.add(line) }
            return buffer.endBatch()
        }
    }

    @Test("the issue's example typed over three lines runs once, whole, at its ';'")
    func typedThreeLines() {
        var buffer = StatementBuffer()
        let ran = feed(&buffer, [["show indicators bidang, avg(achievement) as average,"], ["count(*) as n"], ["group by bidang;"]])
        #expect(ran == [nil, nil, "show indicators bidang, avg(achievement) as average,\ncount(*) as n\ngroup by bidang;"])
        #expect(buffer.isEmpty)
    }

    @Test("a single-line statement without ';' runs at Enter when nothing is pending")
    func singleLine() {
        var buffer = StatementBuffer()
        #expect(feed(&buffer, [["show units"]]) == ["show units"])
        #expect(buffer.isEmpty)
        #expect(feed(&buffer, [["show units; show positions"]]) == ["show units; show positions"])
    }

    @Test("a statement started on an earlier line waits for its ';' even when it looks complete")
    func waitsForSemicolon() {
        var buffer = StatementBuffer()
        let ran = feed(&buffer, [["show units unit, kind where"], ["kind = \"upt\""], ["order by unit"], [";"]])
        #expect(ran == [nil, nil, nil, "show units unit, kind where\nkind = \"upt\"\norder by unit\n;"])
    }

    @Test("a pasted block runs whole at its end: every statement up to the last, which needs no ';' when complete")
    func pastedBlock() {
        var buffer = StatementBuffer()
        let example = ["show indicators code, position, achievement, realisation - target as gap",
                       "  where kind = \"count\" and achievement is not missing", "  order by achievement", "  limit 10"]
        #expect(feed(&buffer, [example]) == [example.joined(separator: "\n")])
        let script = ["set period 2026-09;", "export show indicators where achievement < 80% to \"under-80.csv\";",
                      "export show indicators bidang, avg(achievement) group by bidang to \"bidang.json\" format json"]
        #expect(feed(&buffer, [script]) == [script.joined(separator: "\n")])
    }

    @Test("a paste ending inside a statement runs what is whole and keeps the rest pending")
    func pasteEndingOpen() {
        var buffer = StatementBuffer()
        let ran = feed(&buffer, [["show units;", "show indicators where"]])
        #expect(ran == ["show units;"])
        #expect(buffer.lines == ["show indicators where"])
        #expect(buffer.prompt == "where> ")
        #expect(feed(&buffer, [["achievement < 60%;"]]) == ["show indicators where\nachievement < 60%;"])
    }

    @Test("what follows the last ';' of a line stays pending with the rest of its statement")
    func restAfterSemicolon() {
        var buffer = StatementBuffer()
        #expect(feed(&buffer, [["show units where"], ["kind = \"upt\"; show positions where"]]) == [nil, "show units where\nkind = \"upt\";"])
        #expect(buffer.lines == [" show positions where"])
        #expect(feed(&buffer, [["indicators > 1"]]) == [nil])
        #expect(buffer.prompt == "  ;> ")
    }

    @Test("blank lines and comments alone run nothing and leave nothing pending")
    func blankAndComments() {
        var buffer = StatementBuffer()
        #expect(feed(&buffer, [[""], ["   "], ["-- a note"]]) == [nil, nil, nil])
        #expect(buffer.isEmpty)
        #expect(feed(&buffer, [["show units; -- all of them"]]) == ["show units;"])
        #expect(buffer.isEmpty)
    }

    @Test("the continuation prompt shows what is open", arguments: [
        ("show indicators where indicator contains \"two", "  \"> "),
        ("show indicators where indicator contains 'two", "  '> "),
        ("show indicators where code in (SDIN-1,", "  (> "),
        ("show indicators bidang, avg(achievement", "  (> "),
        ("show indicators where achievement <", "where> "),
        ("tampilkan indikator dimana", "dimana> "),
        ("show indicators bidang, avg(achievement) as average,", "show> "),
        ("show indicators group by", "group> "),
        ("show units;\nshow indicators order by", "order> "),
        ("show indicators\nwhere achievement < 60%", "  ;> "),
        ("set", "set> "),
    ])
    func prompt(_ text: String, _ expected: String) {
        #expect(StatementBuffer.prompt(for: text) == expected)
    }

    @Test("Ctrl-C forgets what is pending")
    func clear() {
        var buffer = StatementBuffer()
        _ = feed(&buffer, [["show indicators where"]])
        buffer.clear()
        #expect(buffer.isEmpty)
        #expect(feed(&buffer, [["show units"]]) == ["show units"])
    }
}
