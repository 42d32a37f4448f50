import Catalogue
import Foundation
import Testing

/// Inputs that crashed a fuzz harness, replayed through the harness's own entry points
/// (`FuzzEntry`, Fuzz/EntryPoints.swift): see Tests/Fuzz/README.md.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ folder: String, _ target: String) -> [(String, [UInt8])] {
        let directory = packageRoot.appendingPathComponent("Tests/Fuzz/\(folder)/\(target)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.map { ($0, Array(FileManager.default.contents(atPath: directory.appendingPathComponent($0).path) ?? Data())) }
    }

    static func replay(_ folder: String) {
        let catalogue = Bundled.catalogue().0
        for (name, bytes) in inputs(folder, "catalogue") { #expect(FuzzEntry.catalogue(bytes) != Int.min, "\(name)") }
        for (name, bytes) in inputs(folder, "csv") { #expect(FuzzEntry.csv(bytes, catalogue: catalogue) != Int.min, "\(name)") }
        for (name, bytes) in inputs(folder, "query") { #expect(FuzzEntry.query(bytes, dataset: Bundled.dataset) != Int.min, "\(name)") }
    }

    @Test("every input of Tests/Fuzz/regressions runs through its harness without crashing")
    func regressions() { Self.replay("regressions") }

    @Test("the entry points do their work on a plain input of each kind")
    func entryPoints() throws {
        #expect(FuzzEntry.catalogue(Array(try Bundled.text().utf8)) > 75)
        #expect(FuzzEntry.csv([1] + Array("code,period,value\nSDIN-1,2026-10,5\n".utf8), catalogue: Bundled.catalogue().0) != 0)
        #expect(FuzzEntry.query(Array("show units; show indicators where achievement < 80%".utf8), dataset: Bundled.dataset) > 100)
    }

    @Test("inputs still crashing, in Tests/Fuzz/pending (IKI_FUZZ_PENDING=1 only)",
          .enabled(if: ProcessInfo.processInfo.environment["IKI_FUZZ_PENDING"] == "1"))
    func pending() { Self.replay("pending") }
}
