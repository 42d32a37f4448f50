import Foundation
import Testing

/// `--catalogue X.docx`: the office's Word file gives what its text export gives.
@Suite("Command line: Word catalogues", .serialized)
struct WordCLITests {
    static func fixture(_ name: String) -> String { Iki.root.appendingPathComponent("Tests/Fixtures/office/\(name)").path }
    static let text = Iki.root.appendingPathComponent("examples/catalogue.txt").path

    @Test("iki template --period 2026 prints byte for byte what the text catalogue gives, for both .docx styles",
          arguments: ["catalogue-plain.docx", "catalogue-word.docx"])
    func template(_ name: String) throws {
        let expected = try Iki.run(["template", "--period", "2026", "--catalogue", Self.text])
        let actual = try Iki.run(["template", "--period", "2026", "--catalogue", Self.fixture(name)])
        #expect(actual.status == expected.status)
        #expect(actual.stdout.count > 1000)
        #expect(actual.stdout == expected.stdout)
    }

    @Test("iki check reports the same counts and the same warnings (at places in the document)",
          arguments: ["catalogue-plain.docx", "catalogue-word.docx"])
    func check(_ name: String) throws {
        let expected = try Iki.run(["check", "--catalogue", Self.text])
        let actual = try Iki.run(["check", "--catalogue", Self.fixture(name)])
        #expect(actual.status == expected.status)
        #expect(actual.stdout.split(separator: "\n").dropFirst() == expected.stdout.split(separator: "\n").dropFirst())
        #expect(actual.stdout.contains("indicators: 75 (11 ratio, 64 count)"))
        // The same warnings, each at a paragraph instead of a line.
        let messages = { (s: String) in s.split(separator: "\n").map { line in line.range(of: "warning: ").map { String(line[$0.upperBound...]) } ?? String(line) } }
        let textWarnings = messages(expected.stderr), wordWarnings = messages(actual.stderr)
        #expect(wordWarnings.count == 3)  // the three positions the organisation inference leaves unresolved
        #expect(wordWarnings == textWarnings)
        #expect(actual.stderr.contains(": paragraph "))
    }

    @Test("a catalogue folder lists .docx beside .txt, and skips Word's ~$ lock file")
    func folder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: Self.fixture("catalogue-word.docx"), toPath: folder.file("dinas.docx"))
        try folder.write("~$dinas.docx", "lock")
        let result = try Iki.run(["check", "--catalogue", folder.path])
        #expect(result.stdout.contains("positions: 54"))
        #expect(!result.stderr.contains("~$"))
    }
}
