import Foundation

extension RealisationStore {
    /// Loads files in order, as `load(path:)` one by one would, reading a batch of them at a time
    /// in parallel (reading is most of the work; adding rows is cheap and stays in file order).
    /// While a batch's rows are added, the next batch is read on the other threads, so the cores
    /// do not wait for the adding; the catalogue is only read until every file is in, and then
    /// gets the settings the files declared.
    public mutating func load(paths: [String], catalogue: inout Catalogue, format: NumberFormat = NumberFormat(),
                              progress: ProgressReporter? = nil, cancellation: LoadCancellation = .never) -> [Diagnostic] {
        var settings = IndicatorSettings()
        let diagnostics = load(paths: paths, reading: catalogue, settings: &settings, format: format, progress: progress,
                               cancellation: cancellation)
        settings.apply(to: &catalogue)
        return diagnostics
    }

    /// Its own function, so every reader's hold on the catalogue has ended before the settings
    /// change it (which would otherwise copy every indicator).
    private mutating func load(paths: [String], reading catalogue: Catalogue, settings: inout IndicatorSettings,
                               format: NumberFormat, progress: ProgressReporter?, cancellation: LoadCancellation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The files share one index of codes for their suggestions (made on the first unknown code).
        let suggestions = CodeSuggestions(indicators: catalogue.indicators)
        let readBatch = { @Sendable (batch: Range<Int>) in
            Self.read(paths[batch], catalogue: catalogue, format: format, suggestions: suggestions, progress: progress,
                      cancellation: cancellation)
        }
        inBatches(of: 32, count: paths.count, cancellation: cancellation, make: readBatch) { read in
            for k in read.indices { diagnostics += add(&read[k], reading: catalogue, settings: &settings) }
        }
        return diagnostics
    }

    /// A batch of files read in parallel.
    static func read(_ paths: ArraySlice<String>, catalogue: Catalogue, format: NumberFormat, suggestions: CodeSuggestions,
                     progress: ProgressReporter? = nil, cancellation: LoadCancellation = .never) -> [RealisationFile] {
        concurrentMap(paths.indices) {
            RealisationFile.read(path: paths[$0], catalogue: catalogue, format: format, suggestions: suggestions,
                                 progress: progress, cancellation: cancellation)
        }.flatMap { $0 }
    }
}

/// Polarities and consolidations the files declared, set on the catalogue's indicators once the
/// files are in (each file's in file order, as when set after each file: nothing reads them
/// while rows are added).
struct IndicatorSettings {
    private var polarities: [(Int, Polarity)] = []
    private var consolidations: [(Int, Consolidation)] = []

    mutating func add(_ polarities: [Int: Polarity], _ consolidations: [Int: Consolidation]) {
        self.polarities += polarities.map { ($0.key, $0.value) }
        self.consolidations += consolidations.map { ($0.key, $0.value) }
    }

    func apply(to catalogue: inout Catalogue) {
        for (index, polarity) in polarities { catalogue.indicators[index].polarity = polarity }
        for (index, consolidation) in consolidations { catalogue.indicators[index].consolidation = consolidation }
    }
}
