import Catalogue
import Foundation

/// The bundled data in `<root>/examples`: the catalogue, the organisation, the 2026 targets and
/// realisations.
public enum Bundled {
    public static func path(_ name: String) -> String { packageRoot.appendingPathComponent("examples/\(name)").path }

    public static let cataloguePath = path("catalogue.txt")
    public static let organisationPath = path("organisation.csv")
    public static let targetsPath = path("targets-2026.csv")
    public static let realisationsPath = path("realisations-2026.csv")

    // MARK: As a dataset

    public static let sources = Dataset.Sources(
        catalogue: cataloguePath, organisation: organisationPath,
        realisations: [targetsPath, realisationsPath])

    /// The dataset and its diagnostics, loaded once.
    public static let loaded: (Dataset, [Diagnostic]) = Dataset.load(sources)
    public static var dataset: Dataset { loaded.0 }

    /// The latest month with realisations in the bundled data: what `show` and other statements
    /// use without `for`.
    public static let latest = Period.month(2026, 10)

    public static func index(_ code: String) -> Int { dataset.catalogue.indicatorIndex(code: code)! }

    // MARK: The catalogue alone

    /// The catalogue as the loader reads it, without an organisation file.
    public static func catalogue() -> (Catalogue, [Diagnostic]) { Catalogue.load(path: cataloguePath) }

    /// The catalogue completed by the bundled organisation file.
    public static func organised() -> (Catalogue, [Diagnostic]) {
        var (catalogue, diagnostics) = Catalogue.load(path: cataloguePath)
        diagnostics += OrganisationFile.apply(path: organisationPath, to: &catalogue)
        return (catalogue, diagnostics)
    }

    /// The catalogue's text.
    public static func text() throws -> String { try String(contentsOfFile: cataloguePath, encoding: .utf8) }
}
