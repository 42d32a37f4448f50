import Foundation
import Testing
import TestSupport

/// What a statically linked iki must not use, because it brings Foundation's internationalisation
/// (FoundationInternationalization, ICU's code and 38 MB of data) or libxml2 into the binary and
/// into every start: iki's cold start is measured against sqlite3's (bench/results/cold-start.md).
/// Each has a small replacement of our own; a test here fails when a use comes back.
@Suite("Startup cost")
struct StartupCostTests {
    /// Each forbidden text in code (comments are not code), with its reason and what to use instead.
    static let forbidden: [(text: String, reason: String)] = [
        ("import FoundationXML", "libxml2, libicuuc and libicudata loaded at start: use XMLTokenizer (Catalogue/Reading)"),
        ("XMLParser", "FoundationXML, libxml2: use XMLTokenizer"),
        ("XMLDocument", "FoundationXML, libxml2: use XMLTokenizer"),
        ("String(format:", "FoundationInternationalization and ICU data: fixedDecimals/printfDecimals (Base/NumberText.swift)"),
        ("DateFormatter", "ICU date formats: CivilTime (Base/CivilTime.swift)"),
        ("ISO8601", "ISO8601DateFormatter and ISO8601FormatStyle pull ICU: CivilTime.iso8601"),
        ("NumberFormatter", "ICU number formats: formatNumber/fixedDecimals"),
        ("Calendar", "Calendar is FoundationInternationalization's: CivilTime"),
        ("TimeZone", "TimeZone's database and names come with ICU: CivilTime works in UTC"),
        ("Locale(", "a Locale other than POSIX loads ICU's data"),
        ("Locale.current", "the user's locale loads ICU's data"),
        (".formatted(", "FormatStyle is ICU's"),
        ("localizedStandardCompare", "ICU collation"),
        ("localizedCompare", "ICU collation"),
        ("localizedCaseInsensitiveCompare", "ICU collation"),
        ("String(localized:", "localised resources need FoundationInternationalization"),
        ("PropertyListDecoder", "FoundationInternationalization's date handling"),
    ]

    /// Every `.swift` file under Sources/, with its text.
    static func sources() -> [(path: String, text: String)] {
        let root = packageRoot.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(atPath: root.path)
        var files: [(String, String)] = []
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            files.append(("Sources/" + path, (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// A line without its `//` comment (a `//` inside a string literal cuts the line short too:
    /// it can only hide a use, never invent one).
    static func code(_ line: Substring) -> Substring {
        guard let comment = line.range(of: "//") else { return line }
        return line[..<comment.lowerBound]
    }

    /// `text` in `code` as a name of its own: `useUTF8Locale()` is not `Locale(`.
    static func uses(_ code: Substring, _ text: String) -> Bool {
        var rest = code[...]
        while let found = rest.range(of: text) {
            let before = found.lowerBound == code.startIndex ? nil : code[code.index(before: found.lowerBound)]
            if !(text.first?.isLetter ?? false) || !(before.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
            rest = code[found.upperBound...]
        }
        return false
    }

    @Test("Sources use none of the APIs that link ICU or libxml2 into iki")
    func noInternationalization() {
        let files = Self.sources()
        #expect(files.count > 100)
        for (path, text) in files {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = Self.code(line)
                for (forbidden, reason) in Self.forbidden where Self.uses(code, forbidden) {
                    Issue.record("\(path):\(number + 1) uses \(forbidden): \(reason)")
                }
            }
        }
    }

    @Test("the check sees a use in code and not in a comment")
    func checkWorks() {
        #expect(Self.code("let x = String(format: \"%d\", 1) // fine").contains("String(format:"))
        #expect(!Self.code("// String(format: was here").contains("String(format:"))
        #expect(Self.uses("let l = Locale(identifier: \"id\")", "Locale("))
        #expect(!Self.uses("Self.useUTF8Locale()", "Locale("))
    }
}
