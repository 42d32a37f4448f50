import Catalogue
import Foundation
import Testing
@testable import Query

/// Queries over several offices: office and region are fields, and codes with the office in
/// front can be written without quotes.
@Suite("Several offices")
struct SeveralOfficesTests {
    static let dataset: Dataset = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iki-offices-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try! String(contentsOf: root.appendingPathComponent("examples/catalogue.txt"), encoding: .utf8)
        let organisation = try! String(contentsOf: root.appendingPathComponent("examples/organisation.csv"), encoding: .utf8)
        for (i, region) in ["KABUPATEN MALANG", "KOTA BATU"].enumerated() {
            try! text.replacingOccurrences(of: "KABUPATEN MALANG", with: region).write(toFile: "\(folder)/o\(i).txt", atomically: true, encoding: .utf8)
            try! organisation.write(toFile: "\(folder)/o\(i).organisation.csv", atomically: true, encoding: .utf8)
        }
        return Dataset.load(Dataset.Sources(catalogues: [folder])).0
    }()

    @Test("region and office group and filter")
    func groupByRegion() throws {
        let interpreter = Interpreter(dataset: Self.dataset)
        let result = try interpreter.run(try Parser.parse("show indicators region, office, count(*) group by region, office")[0])
        #expect(lines(result) == ["Kabupaten Malang | Dinas Koperasi dan Usaha Mikro | 75", "Kota Batu | Dinas Koperasi dan Usaha Mikro | 75"])
        let batu = try interpreter.run(try Parser.parse("show positions code where region = \"Kota Batu\" and bidang = \"Fasilitasi Pembiayaan\"")[0])
        #expect(batu.rows.count == 8)
    }

    @Test("a code with the office in front, without quotes")
    func dottedCode() throws {
        let interpreter = Interpreter(dataset: Self.dataset)
        let result = try interpreter.run(try Parser.parse("show indicators code, region where code = KBAT.DKUMIK.SDIN-1")[0])
        #expect(lines(result) == ["KBAT.DKUMIK.SDIN-1 | Kota Batu"])
    }
}
