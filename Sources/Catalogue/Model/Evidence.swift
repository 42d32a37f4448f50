/// Why a position is in its unit: each piece of evidence names a unit and weighs for it; the unit
/// with the most weight wins, an exact name always outweighs a tolerant one, and a tie is left
/// unresolved with its candidates named (see `Organisation/EvidenceScore.swift`).
public struct Evidence: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The title makes the position the unit's head: `KEPALA SEKSI PERMODALAN`.
        case heads
        /// The title names the unit: `PENGELOLA DATA SEKSI PERTANIAN, ...`.
        case titleNames = "title-names"
        /// A task names the superior heading the unit: "tugas lain yang diberikan oleh Kepala ...".
        case superior
        /// A task, objective, indicator or data source names the unit: "Laporan Kegiatan Seksi ...".
        case textNames = "text-names"
        /// The title has (most of) the words of the unit's name: `PENGADMINISTRASI KEUANGAN`.
        case titleWords = "title-words"
        /// Tasks, functions, objectives and indicators use (most of) the words of the unit's name.
        case sharedWords = "shared-words"
        /// The positions before and after it in the document are in the unit.
        case documentOrder = "document-order"
        /// The organisation file gives the unit.
        case file
    }

    // Stored in this order so the small fields share one word: 40 bytes, not 48.
    public var kind: Kind
    /// The name was found as written (by the unit rule), not tolerantly.
    public var exact: Bool
    /// The organisation file's line (`quote` is then `text:line`); 0 for none.
    private(set) var line: Int32
    /// Index into `Organisation.units`.
    public var unit: Int
    public var weight: Double
    /// The quote, or the organisation file's path when `line` is set: that one String is shared
    /// by every position the file gives, where `file:line` made one per position (~10 MB at
    /// province scale, where the files give every position).
    private(set) var text: String

    /// What the catalogue (or the file) says: the task, the title, the words shared; `file:line`
    /// for the organisation file.
    public var quote: String {
        get { line == 0 ? text : "\(text):\(line)" }
        set { (text, line) = (newValue, 0) }
    }

    public init(kind: Kind, unit: Int, exact: Bool, weight: Double, quote: String) {
        self.kind = kind
        self.unit = unit
        self.exact = exact
        self.weight = weight
        text = quote
        line = 0
    }

    /// Evidence quoting a line of the organisation file `file` (kept as `file`, shared).
    public init(kind: Kind, unit: Int, exact: Bool, weight: Double, file: String, line: Int) {
        self.init(kind: kind, unit: unit, exact: exact, weight: weight, quote: file)
        // A line past Int32 (never in a real file) is quoted in full.
        if let line = Int32(exactly: line), line > 0 { self.line = line } else { text = "\(file):\(line)" }
    }

    /// Equal when they say the same: a quote kept as `file:line` in one String equals the same
    /// quote kept as the file and its line.
    public static func == (a: Evidence, b: Evidence) -> Bool {
        a.kind == b.kind && a.exact == b.exact && a.unit == b.unit && a.weight == b.weight
            && (a.line == b.line ? a.text == b.text : a.quote == b.quote)
    }
}

/// How sure the inference is of a position's unit.
public enum Confidence: String, Sendable, CaseIterable {
    /// Heads the unit, or an exact name with a clear lead.
    case high
    /// A tolerant name or the words of the title, with a lead.
    case medium
    /// Only shared words or the document's order, or a narrow lead: check it.
    case low
    /// The organisation file gives it.
    case given
    /// No unit: no evidence, or a tie.
    case unresolved
}
