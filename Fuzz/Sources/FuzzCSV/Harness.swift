import Catalogue
import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
/// The bundled catalogue (without its organisation file), read once per process.
let bundled = Catalogue.load(path: packageRoot + "/examples/catalogue.txt").0

/// One input: see `FuzzEntry.csv`.
func fuzzOne(_ bytes: [UInt8]) -> Int { FuzzEntry.csv(bytes, catalogue: bundled) }
