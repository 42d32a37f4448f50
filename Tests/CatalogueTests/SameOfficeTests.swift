import Foundation
import Testing
@testable import Catalogue

/// An office's folder holding its catalogue twice (the Word document and the text exported from
/// it): loaded once, as the one file would load, with a warning naming both files; two different
/// versions of one office's catalogue are an error, and still only one is loaded.
@Suite("Catalogue: one office's catalogue given twice")
struct SameOfficeTests {
    static let text = packageRoot.appendingPathComponent("examples/catalogue.txt").path
    static let word = packageRoot.appendingPathComponent("Tests/Fixtures/office/catalogue-word.docx").path

    /// A folder of copies; `textEdit` changes the last text file copied.
    static func folder(_ files: [(name: String, from: String)], textEdit: ((String) -> String)? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let lastText = files.last { $0.name.hasSuffix(".txt") }?.name
        for (name, from) in files {
            if name == lastText, let textEdit {
                _ = try folder.write(name, textEdit(try String(contentsOfFile: from, encoding: .utf8)))
            } else {
                try FileManager.default.copyItem(atPath: from, toPath: folder.file(name))
            }
        }
        return folder
    }

    @Test("catalogue.docx and catalogue.txt of the same document: one office, the .docx loaded, codes as for the one file, a warning naming both")
    func sameDocumentTwice() throws {
        let folder = try Self.folder([("catalogue.docx", Self.word), ("catalogue.txt", Self.text)])
        defer { folder.remove() }
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogue: folder.url.path))
        let (alone, _) = Catalogue.load(path: Self.word)
        #expect(dataset.catalogue.offices.count == 1)
        #expect(dataset.catalogue.file == folder.file("catalogue.docx"))
        #expect(dataset.catalogue.indicators.map(\.code) == alone.indicators.map(\.code))
        #expect(dataset.catalogue.indicatorIndex(code: alone.indicators[0].code) == 0)
        let same = diagnostics.filter { $0.id == "same-office-twice" }
        #expect(same.map(\.description) == [
            "\(folder.file("catalogue.txt")): warning: the same catalogue as '\(folder.file("catalogue.docx"))' (Dinas Koperasi dan Usaha Mikro, Kabupaten Malang: 54 positions, 75 indicators, the same texts); loaded once, from '\(folder.file("catalogue.docx"))', and '\(folder.file("catalogue.txt"))' left out",
        ])
        // Nothing else is said twice: the text's own warnings are the document's.
        let single = try Self.folder([("catalogue.docx", Self.word)])
        defer { single.remove() }
        let (_, singleDiagnostics) = Dataset.load(Dataset.Sources(catalogue: single.url.path))
        #expect(diagnostics.count == singleDiagnostics.count + 1)
    }

    @Test("the Word document is preferred even when the text comes first in name order")
    func wordPreferred() throws {
        let folder = try Self.folder([("a-ekspor.txt", Self.text), ("b-asli.docx", Self.word)])
        defer { folder.remove() }
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogue: folder.url.path))
        #expect(dataset.catalogue.file == folder.file("b-asli.docx"))
        #expect(diagnostics.filter { $0.id == "same-office-twice" }.map { $0.location?.file } == [folder.file("a-ekspor.txt")])
    }

    @Test("two different versions of one office's catalogue: an error naming both, one loaded")
    func differentVersions() throws {
        let folder = try Self.folder([("catalogue.docx", Self.word), ("catalogue.txt", Self.text)]) {
            $0.replacingOccurrences(of: "Perencanaan kegiatan kesekretariatan.", with: "Perencanaan kegiatan kesekretariatan dan keuangan.")
        }
        defer { folder.remove() }
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogue: folder.url.path))
        #expect(dataset.catalogue.offices.count == 1)
        #expect(dataset.catalogue.positions.count == 54)
        let differs = diagnostics.filter { $0.id == "same-office-differs" }
        #expect(differs.count == 1)
        #expect(differs.first?.severity == .error)
        #expect(differs.first?.description.hasPrefix("\(folder.file("catalogue.txt")): error: the catalogue of the same office as '\(folder.file("catalogue.docx"))' (Dinas Koperasi dan Usaha Mikro, Kabupaten Malang) but not the same") == true)
    }

    @Test("two offices in one folder are both loaded, as before")
    func twoOffices() throws {
        let folder = try Self.folder([("a.txt", Self.text), ("b.txt", Self.text)]) {
            $0.replacingOccurrences(of: "KABUPATEN MALANG", with: "KABUPATEN BLITAR")
        }
        defer { folder.remove() }
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogue: folder.url.path))
        #expect(dataset.catalogue.offices.count == 2)
        #expect(!diagnostics.contains { $0.id?.hasPrefix("same-office") == true })
    }
}
