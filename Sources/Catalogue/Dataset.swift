import Dispatch
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
        /// Catalogue files, or folders of them (every `*.txt` inside, in name order).
        public var catalogues: [String]
        /// An organisation file for a single catalogue. With several, each catalogue's own
        /// `NAME.organisation.csv` beside it is used.
        public var organisation: String?
        /// Realisations/targets files, or folders of them (every `*.csv` inside, in name order).
        public var realisations: [String]
        public var format: NumberFormat
        public var scale: Scale

        public init(catalogue: String, organisation: String? = nil, realisations: [String] = [],
                    format: NumberFormat = NumberFormat(), scale: Scale = .standard) {
            self.init(catalogues: [catalogue], organisation: organisation, realisations: realisations, format: format, scale: scale)
        }

        public init(catalogues: [String], organisation: String? = nil, realisations: [String] = [],
                    format: NumberFormat = NumberFormat(), scale: Scale = .standard) {
            self.catalogues = catalogues
            self.organisation = organisation
            self.realisations = realisations
            self.format = format
            self.scale = scale
        }

        /// The first catalogue given; setting it replaces them all.
        public var catalogue: String {
            get { catalogues.first ?? "" }
            set { catalogues = [newValue] }
        }
    }

    /// Loads catalogues (each with its organisation file), then realisation files, collecting
    /// every diagnostic; what loaded cleanly is kept even when other parts have errors.
    public static func load(_ sources: Sources) -> (Dataset, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let files = expand(sources.catalogues, extension: "txt", &diagnostics)
        if files.count > 1, let organisation = sources.organisation {
            diagnostics.append(.error("--organisation '\(organisation)' is for one catalogue; with \(files.count), put NAME.organisation.csv beside each catalogue NAME.txt"))
        }
        // Several catalogues are merged as they load, so each part's arrays go once it is in; their
        // own code index would be rebuilt by the merge, so they are parsed without one. Offices
        // load independently: a batch at a time on every core, merged in file order, so codes and
        // diagnostics are as if loaded one by one (and a batch bounds what waits in memory).
        var merger = Catalogue.Merger(count: files.count)
        var single: Catalogue?
        for batch in stride(from: 0, to: files.count, by: 32) {
            let loaded = concurrentMap(batch..<min(batch + 32, files.count)) { loadOffice(files[$0], of: files.count, sources) }
            for (part, found) in loaded {
                diagnostics += found
                if files.count == 1 { single = part } else { merger.add(part) }
            }
        }
        var catalogue = single ?? merger.finish()
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        let paths = expand(sources.realisations, extension: "csv", &diagnostics)
        // Rows are rarely under 32 bytes of CSV (a code, a period, numbers); fewer reserved only
        // means the array grows as usual.
        let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        store.reserveCapacity(rows: bytes / 32)
        diagnostics += store.load(paths: paths, catalogue: &catalogue, format: sources.format)
        return (Dataset(catalogue: catalogue, realisations: store, scale: sources.scale), diagnostics)
    }

    /// One catalogue file of `count` with its organisation file, and what they had to say.
    static func loadOffice(_ file: String, of count: Int, _ sources: Sources) -> (Catalogue, [Diagnostic]) {
        var (part, diagnostics) = CatalogueParser.load(path: file, indexingCodes: count == 1)
        let beside = (file as NSString).deletingPathExtension + ".organisation.csv"
        if count == 1, let organisation = sources.organisation {
            diagnostics += OrganisationFile.apply(path: organisation, to: &part)
        } else if count > 1 || sources.organisation == nil, FileManager.default.fileExists(atPath: beside) {
            diagnostics += OrganisationFile.apply(path: beside, to: &part)
        }
        diagnostics += part.organisationDiagnostics()
        return (part, diagnostics)
    }

    /// `indices.map(transform)`, the elements computed in parallel.
    static func concurrentMap<T: Sendable>(_ indices: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: indices.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own element and nothing else.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: indices.count) { i in
                slots[i] = transform(indices.lowerBound + i)
            }
        }
        return results.map { $0! }
    }

    /// Files as given, and for a folder every file with the extension inside it, in name order.
    static func expand(_ paths: [String], extension ext: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { ($0 as NSString).pathExtension.lowercased() == ext && !$0.hasSuffix(".organisation.csv") && !$0.hasPrefix(".") }
                .sorted()
            if names.isEmpty {
                diagnostics.append(.error("folder '\(path)' has no .\(ext) files"))
            }
            files += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    public func evaluate(_ indicator: Int, in period: Period) -> Evaluation {
        realisations.evaluate(indicator, in: period, catalogue: catalogue, scale: scale)
    }
}
