import Foundation
import Testing
import TestSupport

/// The layout rules of the repository, checked so they stay true: source files stay small, and
/// ARCHITECTURE.md's stage table names exactly the files that exist.
@Suite("Source layout")
struct SourceLayoutTests {
    /// Every `.swift` file under Sources/, relative to the package root, sorted.
    static let sources: [String] = {
        let root = packageRoot.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".swift") { files.append("Sources/" + path) }
        }
        return files.sorted()
    }()

    static func text(_ relative: String) -> String {
        (try? String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }

    /// A long file says why at its top (a comment in its first ten lines containing
    /// "over 400 lines"): a reader should not have to find out by scrolling.
    @Test("no source file is over 400 lines without a reason written at its top")
    func fileLength() {
        for file in Self.sources {
            let lines = Self.text(file).split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 400 else { continue }
            let head = lines.prefix(10).joined(separator: "\n").lowercased()
            #expect(head.contains("over 400 lines"), "\(file) has \(lines.count) lines and no reason at its top")
        }
    }

    /// ARCHITECTURE.md's tables list files as `Module/File.swift` (or a folder as `Module/Folder/`):
    /// every source file must be listed, and every listed file must exist.
    @Test("ARCHITECTURE.md names every source file, and only files that exist")
    func architectureNamesEverySource() throws {
        let architecture = Self.text("ARCHITECTURE.md")
        try #require(!architecture.isEmpty, "ARCHITECTURE.md is missing")
        let named = Set(Self.backticked(architecture).filter { $0.hasSuffix(".swift") })
        let existing = Set(Self.sources.map { String($0.dropFirst("Sources/".count)) })
        for file in existing.sorted() where !named.contains(file) {
            let folder = file.split(separator: "/").dropLast().joined(separator: "/") + "/"
            #expect(Self.backticked(architecture).contains(folder), "ARCHITECTURE.md does not name \(file) (nor its folder)")
        }
        // Recipes name files to create with NAME in them; tests are named from the package root.
        for file in named.sorted() where !file.contains("NAME") {
            if file.hasPrefix("Tests/") {
                #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(file).path),
                        "ARCHITECTURE.md names \(file), which does not exist")
            } else {
                #expect(existing.contains(file), "ARCHITECTURE.md names \(file), which does not exist under Sources/")
            }
        }
    }

    /// The texts between backticks.
    static func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
