import Dispatch
import Foundation

/// Loading catalogues, one stage after another:
///
///     read (a format's reader)  ->  build (CatalogueBuilder)  ->  assign codes  ->  infer the organisation
///     ->  apply the organisation file  ->  merge offices (several files)
///
/// Only the first stage knows a file format; a new format is a reader that feeds the builder
/// `CatalogueEvent`s (see there) and calls `assemble`.
extension Catalogue {
    /// Reads and loads one catalogue file; an unreadable file is an error and an empty catalogue.
    public static func load(path: String) -> (Catalogue, [Diagnostic]) {
        load(path: path, indexingCodes: true)
    }

    /// Loads a catalogue in the text format from its bytes (UTF-8, with or without BOM, LF or CRLF).
    public static func read(_ bytes: [UInt8], file: String) -> (Catalogue, [Diagnostic]) {
        assemble(file: file, indexingCodes: true) { TextCatalogueReader.read(bytes, into: &$0) }
    }

    public static func read(_ text: String, file: String) -> (Catalogue, [Diagnostic]) {
        read(Array(text.utf8), file: file)
    }

    /// `indexingCodes`: whether to build `codeIndex`; a catalogue about to be merged does without,
    /// as the merge builds its own.
    static func load(path: String, indexingCodes: Bool) -> (Catalogue, [Diagnostic]) {
        if Text.fileExtension(path).lowercased() == "docx" {
            return WordCatalogueReader.load(path: path, indexingCodes: indexingCodes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Catalogue(file: path), [.error(.unreadableCatalogue(path))])
        }
        return assemble(file: path, indexingCodes: indexingCodes) { TextCatalogueReader.read([UInt8](data), into: &$0) }
    }

    /// One office's catalogue: `read` hands the builder the document's events; then the stages every
    /// format shares: the builder's own checks, indicator codes (once every position is known, as a
    /// clash is settled in document order) and the organisation inferred from titles and tasks.
    package static func assemble(file: String, indexingCodes: Bool, read: (inout CatalogueBuilder) -> Void) -> (Catalogue, [Diagnostic]) {
        var builder = CatalogueBuilder(file: file)
        read(&builder)
        var (catalogue, diagnostics) = builder.finish()
        IndicatorCodes.assign(&catalogue, indexing: indexingCodes)
        OrganisationInference.infer(&catalogue)
        catalogue.offices = [Office(metadata: catalogue.metadata, file: file, code: "")]
        return (catalogue, diagnostics)
    }

    /// Catalogue files, each with its organisation file (`organisation` for a single file, else each
    /// one's `NAME.organisation.csv` beside it), merged into one when there are several.
    ///
    /// Several catalogues are merged as they load, so each part's arrays go once it is in; their
    /// own code index would be rebuilt by the merge, so they are loaded without one. Offices load
    /// independently: a batch at a time on every core, merged in file order, so codes and
    /// diagnostics are as if loaded one by one (and a batch bounds what waits in memory).
    static func load(files: [String], organisation: String?, progress: ProgressReporter? = nil,
                     cancellation: LoadCancellation = .never) -> (Catalogue, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        progress?.begin(.catalogues, files: files.count, bytes: progress == nil ? 0 : files.reduce(0) { $0 + ProgressReporter.size($1) })
        if files.count > 1, let organisation {
            diagnostics.append(.error(.organisationForOneCatalogue(organisation, catalogues: files.count)))
        }
        var merger = Catalogue.Merger(count: files.count)
        // The first catalogue kept waits for a second: when it stays alone (its office given
        // twice), it loads as the one file it is, with the codes it has alone.
        var first: Catalogue?
        var kept = 0
        var sameOffice = SameOffice()
        let loadBatch = { @Sendable (batch: Range<Int>) in
            concurrentMap(batch) { k in
                // Cancelled: an empty part, so the batch keeps one entry per file.
                let (part, found) = cancellation.isCancelled() ? (Catalogue(file: files[k]), [])
                    : loadOffice(files[k], of: files.count, organisation: organisation)
                progress?.fileDone(bytes: ProgressReporter.size(files[k]), rows: part.indicators.count)
                return (part, found, files.count > 1 ? SameOffice.describe(part, file: files[k]) : nil)
            }
        }
        // The merge is serial: while it takes one batch in, the next batch loads on the other
        // threads, so both cores stay busy (and at most two batches wait in memory).
        inBatches(of: 32, count: files.count, cancellation: cancellation, make: loadBatch) { loaded in
            // One office given twice is loaded once (`SameOffice`); the other file's own
            // diagnostics would repeat the kept one's, so only what `SameOffice` says is kept.
            let (keep, said) = sameOffice.choose(loaded.compactMap(\.2))
            for j in loaded.indices {
                if let diagnostic = said[j] { diagnostics.append(diagnostic) }
                guard keep.isEmpty || keep[j] else { continue }
                diagnostics += loaded[j].1
                // Handed over, so the merger holds the part's arrays alone and changes them in place.
                let part = loaded[j].0
                loaded[j].0 = Catalogue(file: "")
                kept += 1
                if kept == 1 {
                    first = consume part
                } else {
                    if let waiting = first.take() { merger.add(waiting) }
                    merger.add(consume part)
                }
            }
        }
        guard kept == 1, var only = first else { return (merger.finish(), diagnostics) }
        // Loaded as one of several, without its code index.
        if files.count > 1 { IndicatorCodes.assign(&only, indexing: true) }
        return (only, diagnostics)
    }

    /// One catalogue file of `count` with its organisation file, and what they had to say.
    static func loadOffice(_ file: String, of count: Int, organisation: String?) -> (Catalogue, [Diagnostic]) {
        var (part, diagnostics) = load(path: file, indexingCodes: count == 1)
        let beside = (file as NSString).deletingPathExtension + ".organisation.csv"
        if count == 1, let organisation {
            diagnostics += OrganisationFile.apply(path: organisation, to: &part)
        } else if count > 1 || organisation == nil, FileManager.default.fileExists(atPath: beside) {
            diagnostics += OrganisationFile.apply(path: beside, to: &part)
        }
        diagnostics += part.organisationDiagnostics()
        return (part, diagnostics)
    }
}

/// Asked between files and every few thousand rows while loading: true (Ctrl-C in the shell)
/// abandons the load, and the caller throws away what was read (the shell keeps its old data).
public struct LoadCancellation: Sendable {
    public let isCancelled: @Sendable () -> Bool
    public init(_ isCancelled: @escaping @Sendable () -> Bool) { self.isCancelled = isCancelled }
    public static let never = LoadCancellation { false }
    /// How many records a reader reads between two questions.
    static let rows = 4096
}

/// A value computed on another thread while the caller does other work; `take` gives it.
final class InBackground<T: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after it.
    private var value: T?
    private var work: (@Sendable () -> T)?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        self.work = work
        DispatchQueue.global().async { self.run() }
    }

    /// The work, and what it captured, let go before `done` is signalled: a caller that then
    /// changes a value the work read (the catalogue) is its only holder and changes it in place.
    private func run() {
        value = work.take()!()
        done.signal()
    }

    /// The value, handed over: this object keeps no copy (arrays in it stay uniquely held, so
    /// the caller changes them in place). Called once.
    func take() -> T {
        done.wait()
        defer { value = nil }
        return value!
    }
}

/// Work done a batch of `size` at a time: each batch made by `make` on other threads while the
/// caller takes the one before in (`take`, on the calling thread, in batch order), so the cores do
/// not wait for the serial part, and at most two batches are held. Cancelled, it stops before the
/// next batch is taken in (waiting for the one being made).
func inBatches<T: Sendable>(of size: Int, count: Int, cancellation: LoadCancellation,
                            make: @escaping @Sendable (Range<Int>) -> T, take: (inout T) -> Void) {
    let batches = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    guard let first = batches.first, !cancellation.isCancelled() else { return }
    // The first batch is made on this thread: nothing is taken in yet to overlap it with, and a
    // single big file (one CSV for a province) is then parsed in this thread's malloc arena, where
    // its freed temporaries are reused by what follows (from another thread's arena they were not:
    // the one-file layout's cold peak was 20 MB higher).
    var made = make(first)
    for b in batches.indices {
        let next = b + 1 < batches.count ? InBackground { [batch = batches[b + 1]] in make(batch) } : nil
        take(&made)
        guard let next else { break }
        if cancellation.isCancelled() { _ = next.take(); break }
        made = next.take()
    }
}

/// `indices.map(transform)`, the elements computed in parallel.
func concurrentMap<T: Sendable>(_ indices: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
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
