/// The settings (polarity, consolidation) indicators declare in realisations files: for each
/// indicator and setting, the first declaration and where it is, which a later different one
/// points at.
///
/// One flat entry per indicator, found through a table of indices: a dictionary of name ->
/// (text, location) per indicator held ~360 bytes for each of the province's ~25,000 declaring
/// indicators (8.9 MB of the run's peak); an entry here is ~150.
struct DeclaredSettings: Sendable {
    struct Declaration: Sendable {
        var text: String
        var location: SourceLocation
    }

    private struct Entry: Sendable {
        var indicator: Int
        var polarity: Declaration?
        var consolidation: Declaration?
    }

    private var entries: [Entry] = []
    private var entryOf: [Int32: Int32] = [:]

    /// How many indicators declare something.
    var count: Int { entries.count }

    /// The first declaration of `field` (a setting column) for the indicator.
    subscript(indicator: Int, field: RealisationColumn) -> Declaration? {
        guard let k = entryOf[Int32(truncatingIfNeeded: indicator)] else { return nil }
        return field == .polarity ? entries[Int(k)].polarity : entries[Int(k)].consolidation
    }

    /// Keeps a declaration unless the indicator has declared `field` already.
    mutating func declare(_ indicator: Int, _ field: RealisationColumn, text: String, at location: SourceLocation) {
        let key = Int32(truncatingIfNeeded: indicator)
        let k: Int
        if let found = entryOf[key] {
            k = Int(found)
        } else {
            k = entries.count
            entryOf[key] = Int32(k)
            entries.append(Entry(indicator: indicator))
        }
        let declaration = Declaration(text: text, location: location)
        if field == .polarity {
            if entries[k].polarity == nil { entries[k].polarity = declaration }
        } else if entries[k].consolidation == nil {
            entries[k].consolidation = declaration
        }
    }

    /// Every declaration: indicators in the order they first declared something, each one's
    /// settings by name (a snapshot writes them so, and declaring them again in that order
    /// makes the same value).
    func listed() -> [(indicator: Int, settings: [(name: String, Declaration)])] {
        entries.map { entry in
            let settings: [(name: String, Declaration)] = [(RealisationColumn.consolidation, entry.consolidation), (.polarity, entry.polarity)]
                .compactMap { field, declaration in declaration.map { (field.name, $0) } }
            return (entry.indicator, settings)
        }
    }
}
