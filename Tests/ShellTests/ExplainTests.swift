import Query
import Testing

@Suite("explain in the session")
struct ExplainTests {
    @Test("explain prints the plan as text whatever the format, and the statements after it run")
    func explain() {
        let shell = Shell(format: .json)
        #expect(shell.run("explain show units unit where kind = 'bidang' limit 2; rencana tampilkan unit unit batas 1"))
        #expect(shell.err == "")
        let plan = """
            show units
              period: 2026-10 (the latest with realisations)
              filter:
                =: condition
                  field kind: text
                  "bidang": text
              outputs, per row:
                unit: text
                  field unit: unit
              order: none
              limit: 2
            show units
              period: 2026-10 (the latest with realisations)
              filter: none
              outputs, per row:
                unit: text
                  field unit: unit
              order: none
              limit: 1

            """
        #expect(shell.out == plan)
    }

    @Test("explain shows the planner's warnings as show does, and fails where show fails")
    func warningsAndErrors() {
        let shell = Shell(format: .table)
        #expect(shell.run(#"explain show indicators code where bidang = "Fasilitas Pembiayan""#))
        #expect(shell.err.contains("warning: no unit is named \"Fasilitas Pembiayan\", so this comparison matches nothing"))
        #expect(shell.out.contains("= by unit name (0 units): condition"))
        shell.clear()
        #expect(!shell.run("explain show indicators code, count(*)"))
        #expect(shell.out == "")
        #expect(shell.err == """
            <query>:1:25: error: 'code' is neither grouped nor aggregated: add it to group by, or use it inside count, sum, avg, min or max
            explain show indicators code, count(*)
                                    ^~~~

            """)
    }
}
