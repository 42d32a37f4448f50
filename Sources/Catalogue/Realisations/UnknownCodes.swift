import Foundation

/// The indicator codes nearest an unknown code, from one trigram index shared by the files of a
/// load (built on the first unknown code, on whichever thread meets it first).
final class CodeSuggestions: @unchecked Sendable {
    private let lock = NSLock()
    private var index: NearestIndex?
    private let codes: () -> [String]

    init(indicators: [Indicator]) {
        codes = { indicators.map(\.code) }
    }

    func nearest(_ code: String) -> [String] {
        lock.lock()
        if index == nil { index = NearestIndex(names: codes()) }
        let index = index!
        lock.unlock()
        return index.names(to: code, limit: 3, always: true)
    }
}

/// One file's unknown codes: each distinct code is ranked once, and only the first
/// `UnknownCodes.suggested` of a file get suggestions, so a file of unknown codes costs little
/// more than reading it. Every row with an unknown code is still reported.
struct UnknownCodes {
    static let suggested = 100
    let suggestions: CodeSuggestions
    private var seen: [String: [String]] = [:]
    private var capped = false

    init(suggestions: CodeSuggestions) { self.suggestions = suggestions }

    /// The notes under an unknown code's error.
    mutating func notes(for code: String) -> [Message?] {
        if let near = seen[code] { return [.nearest(near, separator: ", ")] }
        if seen.count >= Self.suggested {
            if capped { return [] }
            capped = true
            return [.suggestionsCapped(Self.suggested)]
        }
        let near = suggestions.nearest(code)
        seen[code] = near
        return [.nearest(near, separator: ", ")]
    }
}
