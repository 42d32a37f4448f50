import Foundation
import Testing
@testable import Catalogue

/// Several offices at once (a province): every catalogue in a folder, each with the organisation
/// file beside it, codes kept unique by the office's code in front.
@Suite("Several offices' catalogues")
struct MultiOfficeTests {
    /// A folder with the bundled catalogue three times, signed for three regions, each with its
    /// organisation file beside it.
    static func province() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iki-province-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try Bundled.text()
        let organisation = try String(contentsOfFile: Bundled.organisationPath, encoding: .utf8)
        for (i, region) in ["KABUPATEN MALANG", "KOTA BATU", "KOTA MALANG"].enumerated() {
            try text.replacingOccurrences(of: "KABUPATEN MALANG", with: region).write(toFile: "\(folder)/office-\(i + 1).txt", atomically: true, encoding: .utf8)
            try organisation.write(toFile: "\(folder)/office-\(i + 1).organisation.csv", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("a folder loads every catalogue in it; offices come from the signature blocks")
    func folder() throws {
        let folder = try Self.province()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogues: [folder]))
        #expect(diagnostics.isEmpty)
        let catalogue = dataset.catalogue
        #expect(catalogue.offices.map { $0.metadata.region ?? "" } == ["Kabupaten Malang", "Kota Batu", "Kota Malang"])
        #expect(catalogue.positions.count == 3 * 54)
        #expect(catalogue.indicators.count == 3 * 75)
        #expect(catalogue.unresolvedPositions.isEmpty, "each office's organisation file beside it was applied")
        #expect(catalogue.positions.map(\.office) == (0..<3).flatMap { Array(repeating: $0, count: 54) })
    }

    @Test("codes get the office's code in front and stay unique; a clash of office codes gets a suffix")
    func codes() throws {
        let folder = try Self.province()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dataset, _) = Dataset.load(Dataset.Sources(catalogues: [folder]))
        let catalogue = dataset.catalogue
        // KABUPATEN MALANG and KOTA MALANG both give KMAL: the second gets two letters from a hash
        // of its signature block (not of its file's path, so the codes do not depend on it).
        #expect(catalogue.offices.map(\.code) == ["KMAL.DKUMIK", "KBAT.DKUMIK", "KMAL.DKUMIK." + IndicatorCodes.suffix(title: "Kota Malang|Dinas Koperasi dan Usaha Mikro")])
        #expect(catalogue.indicators[0].code == "KMAL.DKUMIK.SDIN-1")
        #expect(catalogue.indicators[75].code == "KBAT.DKUMIK.SDIN-1")
        #expect(Set(catalogue.indicators.map(\.code)).count == 225)
        #expect(catalogue.indicator(code: "kbat.dkumik.sdin-1")?.name == catalogue.indicators[0].name)
    }

    @Test("units belong to their office, and a unit name finds the unit in every office")
    func units() throws {
        let folder = try Self.province()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dataset, _) = Dataset.load(Dataset.Sources(catalogues: [folder]))
        let org = dataset.catalogue.organisation
        #expect(org.units.count == 3 * 22)
        let ids = org.units(named: "Fasilitasi Pembiayaan")
        #expect(ids.map { org.units[$0].office } == [0, 1, 2])
        for position in dataset.catalogue.positions {
            let unit = try #require(position.unit)
            #expect(org.units[unit].office == position.office)
        }
    }

    @Test("an organisation file given for several catalogues is an error that says what to do")
    func organisationForSeveral() throws {
        let folder = try Self.province()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, diagnostics) = Dataset.load(Dataset.Sources(catalogues: [folder], organisation: Bundled.organisationPath))
        #expect(diagnostics.first?.description == "error: --organisation '\(Bundled.organisationPath)' is for one catalogue; with 3, put NAME.organisation.csv beside each catalogue NAME.txt")
    }

    @Test("realisations from a folder: every .csv inside, in name order")
    func realisationFolder() throws {
        let folder = try Self.province()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/realisations"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "code,period,value\nKBAT.DKUMIK.KSPER-1,2026-10,3\n".write(toFile: data + "/b.csv", atomically: true, encoding: .utf8)
        try "code,period,value\nKMAL.DKUMIK.KSPER-1,2026-10,2\n".write(toFile: data + "/a.csv", atomically: true, encoding: .utf8)
        let (dataset, diagnostics) = Dataset.load(Dataset.Sources(catalogues: [folder], realisations: [data]))
        #expect(diagnostics.isEmpty)
        #expect(dataset.realisations.rows.map(\.value) == [2, 3])
        #expect(dataset.realisations.rows.map(\.location.file) == [data + "/a.csv", data + "/b.csv"])
    }

    @Test("an empty folder is an error naming it")
    func emptyFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iki-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, diagnostics) = Dataset.load(Dataset.Sources(catalogues: [folder]))
        #expect(diagnostics.first?.description == "error: folder '\(folder)' has no .txt or .docx files")
    }
}
