import Foundation

/// Everything a query runs over: the catalogue (with its organisation) and the realisations.
public struct Dataset: Sendable {
    public var catalogue: Catalogue
    public var realisations: RealisationStore
    public var scale: Scale

    public init(catalogue: Catalogue, realisations: RealisationStore? = nil, scale: Scale = .standard) {
        self.catalogue = catalogue
        self.realisations = realisations ?? RealisationStore(indicatorCount: catalogue.indicators.count)
        self.scale = scale
    }

    /// What to load.
    public struct Sources: Sendable {
        public var catalogue: String
        public var organisation: String?
        public var realisations: [String]
        public var format: NumberFormat
        public var scale: Scale

        public init(catalogue: String, organisation: String? = nil, realisations: [String] = [],
                    format: NumberFormat = NumberFormat(), scale: Scale = .standard) {
            self.catalogue = catalogue
            self.organisation = organisation
            self.realisations = realisations
            self.format = format
            self.scale = scale
        }
    }

    /// Loads catalogue, organisation file and realisation files in that order, collecting every
    /// diagnostic; what loaded cleanly is kept even when other parts have errors.
    public static func load(_ sources: Sources) -> (Dataset, [Diagnostic]) {
        var (catalogue, diagnostics) = CatalogueParser.load(path: sources.catalogue)
        if let organisation = sources.organisation {
            diagnostics += OrganisationFile.apply(path: organisation, to: &catalogue)
        }
        diagnostics += catalogue.organisationDiagnostics()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        for path in sources.realisations {
            diagnostics += store.load(path: path, catalogue: &catalogue, format: sources.format)
        }
        return (Dataset(catalogue: catalogue, realisations: store, scale: sources.scale), diagnostics)
    }

    public func evaluate(_ indicator: Int, in period: Period) -> Evaluation {
        realisations.evaluate(indicator, in: period, catalogue: catalogue, scale: scale)
    }
}
