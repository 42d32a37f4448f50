/// The loaded catalogue of one office: its positions (jabatan), their indicators, the organisation
/// inferred from them, and the metadata of the closing signature block.
public struct Catalogue: Sendable {
    public var file: String
    public var metadata: Metadata
    /// The offices whose catalogues were loaded: one, or several for a province or the nation.
    public var offices: [Office] = []
    public var positions: [Position]
    public var indicators: [Indicator]
    public var organisation: Organisation

    public init(file: String, metadata: Metadata = Metadata(), positions: [Position] = [],
                indicators: [Indicator] = [], organisation: Organisation = Organisation()) {
        self.file = file
        self.metadata = metadata
        self.positions = positions
        self.indicators = indicators
        self.organisation = organisation
    }

    /// The indicator with this code; codes compare case-insensitively because analysts type them.
    public func indicator(code: String) -> Indicator? {
        indicatorIndex(code: code).map { indicators[$0] }
    }

    public func indicatorIndex(code: String) -> Int? {
        codeIndex[code.uppercased()]
    }

    /// Positions whose unit or bidang is still unknown.
    public var unresolvedPositions: [Int] {
        // The unit id, not `bidang(of:)`: that takes a copy of each position.
        positions.indices.filter { p in positions[p].unit.flatMap { organisation.bidangLevel(of: $0) } == nil }
    }

    /// One warning per position whose unit is unknown and per unit whose bidang is unknown, each
    /// naming the position and what its tasks said, so the organisation file can be completed.
    public func organisationDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (id, unit) in organisation.units.enumerated() where organisation.bidangLevel(of: id) == nil {
            let head = positions.first { $0.heads == id }
            diagnostics.append(.warning(.bidangUnknown(unit.fullName, head: head.map { ($0.title, $0.superiorText) }), at: head?.location))
        }
        for position in positions where position.unit == nil {
            diagnostics.append(.warning(.unitUnresolved(position.title, reason: position.unresolvedReason ?? .noUnitGiven), at: position.location))
        }
        return diagnostics
    }

    /// Upper-cased code -> index into `indicators`; built once when codes are assigned. A
    /// snapshot's catalogue builds it from the codes on first use instead (`CodeIndex`): most
    /// warm queries never look a code up, and at province scale it was 8.5 MB of the open.
    var codeIndex: [String: Int] {
        get { codes.index(indicators) }
        _modify {
            // Changed in place when this catalogue alone holds the box (a copy's is copied first).
            if !isKnownUniquelyReferenced(&codes) { codes = CodeIndex(codes.index(indicators)) }
            var index = codes.take(indicators)
            defer { codes.put(index) }
            yield &index
        }
        set { codes = CodeIndex(newValue) }
    }
    var codes = CodeIndex([:])

    /// The unit of a position, and the bidang-level unit above it.
    public func unit(of position: Position) -> Unit? { position.unit.map { organisation.units[$0] } }
    public func bidang(of position: Position) -> Unit? { position.unit.flatMap { organisation.bidangLevel(of: $0) }.map { organisation.units[$0] } }
    public func seksi(of position: Position) -> Unit? {
        guard let id = position.unit else { return nil }
        let unit = organisation.units[id]
        return unit.kind == .seksi || unit.kind == .subBagian ? unit : nil
    }
}

/// One loaded office: what its signature block says, its file, and the code its indicator codes
/// start with when several offices are loaded ("" when only one is).
public struct Office: Sendable, Equatable {
    public var metadata: Metadata
    public var file: String
    public var code: String
}

/// What the signature block at the end of the document tells about the office.
public struct Metadata: Sendable, Equatable {
    public var office: String?
    public var region: String?
    public var head: String?
    public var headTitle: String?
    public var rank: String?
    public var nip: String?
    public init() {}
}

public struct Position: Sendable {
    /// The title as written after `JABATAN :` (the document writes them in capitals).
    public var title: String
    public var tasks: [String]
    public var functions: [String]
    /// Indices into `Catalogue.indicators`, in document order.
    public var indicatorIndices: [Int]
    public var location: SourceLocation
    /// The short code its indicator codes start with.
    public var code: String
    /// Index into `Catalogue.offices`.
    public var office: Int = 0
    /// Who gives this position its "other tasks", as the task text names them.
    public var superiorText: String?
    public var unit: Int?
    /// Set when the title makes this position the head of a unit (`KEPALA SEKSI ...`).
    public var heads: Int?
    /// Why inference found no unit (for the warning), until an organisation file gives one.
    public var unresolvedReason: Message?
    /// What points to its unit, strongest first, and how sure that makes the unit.
    public var evidence: [Evidence] = []
    public var confidence: Confidence = .unresolved
    /// The units a tie left it between (unit ids), for the warning and the draft.
    public var candidates: [Int] = []

    public init(title: String, location: SourceLocation) {
        self.title = title
        self.tasks = []
        self.functions = []
        self.indicatorIndices = []
        self.location = location
        self.code = ""
    }
}

public enum IndicatorKind: String, Sendable, CaseIterable {
    /// numerator / denominator x 100%
    case ratio
    /// a plain number of things
    case count
}

/// Whether a bigger realisation is better (positive) or worse (negative, e.g. bad loans).
public enum Polarity: String, Sendable, CaseIterable {
    case positive, negative
}

/// How the rows inside a period combine into its realisation.
public enum Consolidation: String, Sendable, CaseIterable {
    case sum, average, last
}

public struct Formula: Sendable, Equatable {
    // Stored with the small fields last, which then need no padding: 74 bytes, not 88 (with
    // `Indicator`'s order, 16 bytes of each of a province's 140,000 indicators).
    public var numerator: String?
    public var denominator: String?
    /// The formula as plain text, markup removed.
    public var text: String
    public var targetUnit: String?
    /// A yearly target the text states (`sebanyak 125 KUMKM`), and its unit (`targetUnit`: `KUMKM`).
    public var yearlyTarget: Double?
    public var kind: IndicatorKind

    public init(kind: IndicatorKind, numerator: String? = nil, denominator: String? = nil, text: String,
                yearlyTarget: Double? = nil, targetUnit: String? = nil) {
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.text = text
        self.yearlyTarget = yearlyTarget
        self.targetUnit = targetUnit
    }
}

public struct Indicator: Sendable {
    // Stored in this order so the formula's small fields and the two below share one word: 208
    // bytes, not 224.
    public var code: String
    public var name: String
    /// The strategic objective (sasaran strategis) it measures.
    public var objective: String
    public var source: String
    public var positionIndex: Int
    /// 1-based place among its position's indicators.
    public var ordinal: Int
    public var location: SourceLocation
    public var formula: Formula
    public var polarity: Polarity = .positive
    /// nil: the default for its kind (sum for counts, ratio of sums for ratios).
    public var consolidation: Consolidation?

    init(code: String, name: String, objective: String, formula: Formula, source: String, positionIndex: Int, ordinal: Int,
         location: SourceLocation, polarity: Polarity = .positive, consolidation: Consolidation? = nil) {
        self.code = code
        self.name = name
        self.objective = objective
        self.formula = formula
        self.source = source
        self.positionIndex = positionIndex
        self.ordinal = ordinal
        self.location = location
        self.polarity = polarity
        self.consolidation = consolidation
    }

    public var kind: IndicatorKind { formula.kind }
}
