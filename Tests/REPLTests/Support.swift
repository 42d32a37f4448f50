import Catalogue
import Foundation

/// The package root, found from this file: `<root>/Tests/REPLTests/Support.swift`.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled data (catalogue, organisation, 2026 targets and realisations), loaded once.
enum Bundled {
    static func path(_ name: String) -> String { packageRoot.appendingPathComponent("examples/\(name)").path }

    static let dataset: Dataset = Dataset.load(Dataset.Sources(
        catalogue: path("catalogue.txt"), organisation: path("organisation.csv"),
        realisations: [path("targets-2026.csv"), path("realisations-2026.csv")])).0
}

/// A fresh folder under the temporary directory; `remove()` deletes it.
struct TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("iki-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
