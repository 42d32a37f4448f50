import Base
import Render
import Testing
@testable import REPL

@Suite("Meta-commands of sqlite3 and psql: run as the iki statement, which a note names")
struct MetaCommandTests {
    @Test("each is mapped to its statement", arguments: [
        (".quit", "quit"), (".exit", "quit"), ("\\q", "quit"), (".help", "help"), ("\\?", "help"),
        (".mode csv", "set format csv"), (".mode tabs", "set format tsv"), (".mode line", "set format record"),
        (".MODE JSON", "set format json"), ("\\x", "set format record"),
    ])
    func mapped(_ line: String, _ statement: String) {
        let translation = MetaCommand.translate(line, format: .auto)
        #expect(translation?.statement == statement)
        #expect(translation?.note.id == "meta-command-is")
    }

    @Test("\\x switches records off again")
    func toggle() {
        #expect(MetaCommand.translate("\\x", format: .record)?.statement == "set format auto")
        #expect(MetaCommand.translate("\\x", format: .record)?.note.text == "'\\x' is 'set format auto' in iki")
    }

    @Test("an unknown one, or .mode without a known mode, runs nothing and says what to type")
    func unknown() {
        let unknown = MetaCommand.translate(".dump", format: .auto)
        #expect(unknown?.statement == nil)
        #expect(unknown?.note.text == "'.dump' is not an iki command; iki statements end with ';' (type 'help' to list them, 'quit' to leave)")
        let mode = MetaCommand.translate(".mode html", format: .auto)
        #expect(mode?.statement == nil)
        #expect(mode?.note.text == "'.mode' is 'set format table|auto|record|csv|tsv|json|markdown' in iki")
    }

    @Test("statements are not meta-commands")
    func statements() {
        #expect(MetaCommand.translate("show units", format: .auto) == nil)
        #expect(MetaCommand.translate("", format: .auto) == nil)
    }
}
