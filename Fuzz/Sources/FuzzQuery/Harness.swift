import Catalogue
import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
/// The bundled catalogue, organisation, targets and realisations, loaded once per process.
let dataset = Dataset.load(Dataset.Sources(
    catalogue: packageRoot + "/examples/catalogue.txt", organisation: packageRoot + "/examples/organisation.csv",
    realisations: [packageRoot + "/examples/targets-2026.csv", packageRoot + "/examples/realisations-2026.csv"])).0

/// One input: see `FuzzEntry.query`.
func fuzzOne(_ bytes: [UInt8]) -> Int { FuzzEntry.query(bytes, dataset: dataset) }
