import Catalogue

/// Where an evaluation went past the largest Double: each arithmetic operator and aggregate call
/// of a plan is a site, and the rows (or groups) where it overflowed are counted there, so the
/// result shows the value as missing and says so once per site, with the caret on the operator
/// or the call (not on the statement as a whole).
final class OverflowTally {
    private struct Site {
        var message: (Int) -> Message
        var location: SourceLocation
        var length: Int
        /// A set, not a count: a sorted column is evaluated twice for one row.
        var rows: Set<Int> = []
    }
    private var sites: [Site] = []

    /// A new site; `message` is given the number of rows.
    func site(_ message: @escaping (Int) -> Message, at location: SourceLocation, length: Int) -> Int {
        sites.append(Site(message: message, location: location, length: length))
        return sites.count - 1
    }

    func overflowed(_ site: Int, row: Int) {
        sites[site].rows.insert(row)
    }

    /// Forgets the rows counted, so a plan run again warns afresh.
    func reset() {
        for i in sites.indices { sites[i].rows = [] }
    }

    /// One warning per site that overflowed, in the order of the statement.
    var warnings: [Diagnostic] {
        sites.filter { !$0.rows.isEmpty }.map { .warning($0.message($0.rows.count), at: $0.location, length: $0.length) }
    }
}
