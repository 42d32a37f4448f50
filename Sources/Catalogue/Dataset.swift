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
        /// Catalogue files (text or Word), or folders of them (every `*.txt` and `*.docx` inside, in
        /// name order).
        public var catalogues: [String]
        /// An organisation file for a single catalogue. With several, each catalogue's own
        /// `NAME.organisation.csv` beside it is used.
        public var organisation: String?
        /// Realisations/targets files, or folders of them (every `*.csv` and `*.xlsx` inside, in name order).
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
    /// `progress` is told of each file as it is done (a progress line on a terminal). Cancelled, it
    /// stops between files or within one and returns what it had, incomplete.
    public static func load(_ sources: Sources, progress: ProgressReporter? = nil,
                            cancellation: LoadCancellation = .never) -> (Dataset, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let files = expand(sources.catalogues, extensions: catalogueExtensions, &diagnostics)
        var (catalogue, found) = Catalogue.load(files: files, organisation: sources.organisation, progress: progress,
                                                cancellation: cancellation)
        diagnostics += found
        if cancellation.isCancelled() { return (Dataset(catalogue: catalogue, scale: sources.scale), diagnostics) }
        var store = RealisationStore(indicatorCount: catalogue.indicators.count)
        let paths = expand(sources.realisations, extensions: realisationExtensions, &diagnostics)
        // Rows are rarely under 32 bytes of CSV (a code, a period, numbers); fewer reserved only
        // means the array grows as usual.
        let bytes = paths.reduce(0) { $0 + ProgressReporter.size($1) }
        store.reserveCapacity(rows: bytes / 32)
        progress?.begin(.realisations, files: paths.count, bytes: bytes)
        diagnostics += store.load(paths: paths, catalogue: &catalogue, format: sources.format, progress: progress,
                                  cancellation: cancellation)
        return (Dataset(catalogue: catalogue, realisations: store, scale: sources.scale), diagnostics)
    }

    /// What a folder of catalogues and a folder of realisations are read for (the snapshot's key
    /// lists the same files).
    static let catalogueExtensions = ["txt", "docx"]
    static let realisationExtensions = ["csv", "xlsx"]

    /// Files as given, and for a folder every file with one of the extensions inside it, in name
    /// order (not Word's `~$` lock file of a document open in Word).
    static func expand(_ paths: [String], extensions: [String], _ diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { extensions.contains(Text.fileExtension($0).lowercased()) && !$0.hasSuffix(".organisation.csv") && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
                .sorted()
            if names.isEmpty {
                diagnostics.append(.error(.folderWithoutFiles(path, extension: extensions.joined(separator: " or ."))))
            }
            files += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    public func evaluate(_ indicator: Int, in period: Period) -> Evaluation {
        realisations.evaluate(indicator, in: period, catalogue: catalogue, scale: scale)
    }
}
