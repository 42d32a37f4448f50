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

    public var kind: Kind
    /// Index into `Organisation.units`.
    public var unit: Int
    /// The name was found as written (by the unit rule), not tolerantly.
    public var exact: Bool
    public var weight: Double
    /// What the catalogue (or the file) says: the task, the title, the words shared.
    public var quote: String

    public init(kind: Kind, unit: Int, exact: Bool, weight: Double, quote: String) {
        self.kind = kind
        self.unit = unit
        self.exact = exact
        self.weight = weight
        self.quote = quote
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
