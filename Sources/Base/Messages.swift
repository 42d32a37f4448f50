/// Every message iki prints about an input or a statement, in one place: each has a stable id
/// (for tests, for code that must recognise a message, and for the Indonesian texts that will sit
/// beside the English ones) and its English text. Code never writes a message inline; it calls
/// one of the constructors below, so one message is written once.
///
/// Sections follow the stages (Catalogue, lexer and parser, resolver and interpreter, session):
/// add a message to the section of the stage that reports it.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// Stable, kebab-case: `unknown-parameter`. Tests and callers compare ids, never texts.
    public let id: String
    /// The English text.
    public let text: String

    public init(id: String, _ text: String) {
        self.id = id
        self.text = text
    }

    public var description: String { text }
}

extension Message {
    // MARK: - Shared by every stage

    /// The note under a misspelt name: `did you mean achievement?`; nil when there is nothing
    /// near enough to suggest.
    public static func didYouMean(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "did-you-mean", "did you mean \(names.joined(separator: ", "))?")
    }

    /// The same, found among `candidates` (see `Nearest.names`).
    public static func didYouMean(_ word: String, among candidates: [String]) -> Message? {
        didYouMean(Nearest.names(to: word, in: candidates))
    }

    /// How periods are written, the note under every "is not a period".
    public static var periodForms: Message {
        Message(id: "period-forms", "periods are written " + Period.acceptedForms)
    }

    public static func notAPeriod(_ text: String) -> Message {
        Message(id: "not-a-period", "'\(text)' is not a period")
    }

    public static func unknownParameter(_ name: String) -> Message {
        Message(id: "unknown-parameter", "no parameter $\(name) is set")
    }

    public static func parameterNotAPeriod(_ name: String) -> Message {
        Message(id: "parameter-not-a-period", "parameter $\(name) is not a period")
    }

    public static func giveParameter(_ name: String, example: String = "2026-10") -> Message {
        Message(id: "give-parameter", "give it with --param \(name)=\(example)")
    }

    // MARK: - Catalogue: loading catalogues, organisation files and realisations

    /// Catalogue text quoted in a message, cut to `limit` characters.
    private static func clip(_ text: String, _ limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The note under a name that matched nothing: the nearest ones, or nil when there are none.
    public static func nearest(_ names: [String], separator: String) -> Message? {
        names.isEmpty ? nil : Message(id: "nearest", "nearest: " + names.joined(separator: separator))
    }

    public static func unreadableCatalogue(_ path: String) -> Message {
        Message(id: "unreadable-catalogue", "cannot read catalogue file '\(path)'")
    }

    public static func organisationForOneCatalogue(_ organisation: String, catalogues: Int) -> Message {
        Message(id: "organisation-for-one-catalogue", "--organisation '\(organisation)' is for one catalogue; with \(catalogues), put NAME.organisation.csv beside each catalogue NAME.txt")
    }

    public static func folderWithoutFiles(_ path: String, extension ext: String) -> Message {
        Message(id: "folder-without-files", "folder '\(path)' has no .\(ext) files")
    }

    // The text catalogue's lines.

    public static var lineNotUTF8: Message {
        Message(id: "line-not-utf8", "line is not valid UTF-8; save the file as UTF-8")
    }

    public static var rowWithoutTableHeader: Message {
        Message(id: "row-without-table-header", "table row without a table header line above it; read as an indicator")
    }

    public static func textBetweenHeadingFields(_ text: String) -> Message {
        Message(id: "text-between-heading-fields", "text between the position's heading fields is ignored: '\(clip(text))'")
    }

    // Positions, indicators and the signature, whatever the format.

    public static var positionWithoutHeading: Message {
        Message(id: "position-without-heading", "position starts without an 'INDIKATOR KINERJA INDIVIDU' heading")
    }

    public static var untitledJabatan: Message {
        Message(id: "untitled-jabatan", "'JABATAN' has no title; kept as an untitled position")
    }

    /// `what`: the part of a block that came outside one (`TUGAS`, `FUNGSI`, `table header`).
    public static func outsidePositionBlock(_ what: String) -> Message {
        Message(id: "outside-position-block", "\(what) outside a position block (no 'JABATAN' before it)")
    }

    public static func extraCells(_ count: Int, extra: String) -> Message {
        Message(id: "extra-cells", "row has \(count) cells, expected 4 (objective, indicator, formula, source); extra text kept in the source: '\(clip(extra))'")
    }

    public static var rowWithoutIndicatorName: Message {
        Message(id: "row-without-indicator-name", "table row has no indicator name (second cell is empty)")
    }

    public static func fewCells(_ count: Int) -> Message {
        Message(id: "few-cells", "row has \(count) cells, expected 4 (objective, indicator, formula, source)")
    }

    public static func indicatorWithoutObjective(_ name: String) -> Message {
        Message(id: "indicator-without-objective", "indicator '\(clip(name))' has no objective (first cell empty and no row above it)")
    }

    public static var unbalancedFraction: Message {
        Message(id: "unbalanced-fraction", "formula has a \\frac whose braces do not close; read as a count")
    }

    public static func indicatorWithoutFormula(_ name: String) -> Message {
        Message(id: "indicator-without-formula", "indicator '\(clip(name))' has no formula; read as a count")
    }

    public static var positionWithoutJabatan: Message {
        Message(id: "position-without-jabatan", "position block has no 'JABATAN' line; kept as an untitled position")
    }

    public static func positionWithoutIndicators(_ title: String) -> Message {
        Message(id: "position-without-indicators", "position '\(title)' has no indicators")
    }

    public static func textOutsideBlocks(_ text: String) -> Message {
        Message(id: "text-outside-blocks", "text outside any position block is ignored: '\(clip(text))'")
    }

    public static var signatureNotRecognised: Message {
        Message(id: "signature-not-recognised", "closing signature block not recognised (no 'NIP' line); office metadata unknown")
    }

    public static var noSignature: Message {
        Message(id: "no-signature", "no closing signature block; office metadata unknown")
    }

    public static var noPositions: Message {
        Message(id: "no-positions", "no positions found: expected blocks headed 'INDIKATOR KINERJA INDIVIDU' with a '1. JABATAN :' line")
    }

    // The organisation: inferred, and the organisation file.

    /// `head`: the position heading the unit, and whom its tasks say it gets other tasks from.
    public static func bidangUnknown(_ unit: String, head: (title: String, superior: String?)?) -> Message {
        let said = head.map { " (its head '\($0.title)' gets other tasks from '\($0.superior ?? "nobody named")')" } ?? ""
        return Message(id: "bidang-unknown", "cannot tell which bidang \(unit) belongs to\(said); give its parent in the organisation file")
    }

    /// `reason`: one of the reasons below.
    public static func unitUnresolved(_ title: String, reason: Message) -> Message {
        Message(id: "unit-unresolved", "unit of '\(title)' is unresolved: \(reason.text); give it in the organisation file")
    }

    // Why organisation inference found no unit for a position.

    public static var noUnitGiven: Message {
        Message(id: "no-unit-given", "no unit given")
    }

    public static var superiorIsHeadOfOffice: Message {
        Message(id: "superior-is-head-of-office", "it gets other tasks from the head of office directly")
    }

    public static var noSuperiorNamed: Message {
        Message(id: "no-superior-named", "its tasks name no superior")
    }

    public static var noSekretariat: Message {
        Message(id: "no-sekretariat", "it reports to the Sekretaris, but the catalogue has no Sekretariat")
    }

    public static func superiorNamesNoUnit(_ text: String) -> Message {
        Message(id: "superior-names-no-unit", "its tasks say '\(text)', which names no unit")
    }

    public static func namesNoUnit(_ quoted: String) -> Message {
        Message(id: "names-no-unit", "'\(quoted)' names no unit")
    }

    public static func noUnitMatches(_ quoted: String) -> Message {
        Message(id: "no-unit-matches", "no unit matches '\(quoted)'")
    }

    public static func matchesTwoUnits(_ quoted: String, _ first: String, _ second: String) -> Message {
        Message(id: "matches-two-units", "'\(quoted)' matches both \(first) and \(second)")
    }

    public static var noUnitColumn: Message {
        Message(id: "no-unit-column", "organisation file has no 'unit' column; expected a header like 'position,unit,parent'")
    }

    public static var rowWithoutUnit: Message {
        Message(id: "row-without-unit", "row has no unit")
    }

    public static func bidangLevelWithParent(_ unit: String) -> Message {
        Message(id: "bidang-level-with-parent", "\(unit) is a bidang-level unit and has no parent")
    }

    public static func parentCycle(_ parent: String) -> Message {
        Message(id: "parent-cycle", "parent \(parent) would make a cycle")
    }

    public static func secondParent(_ unit: String, earlier: String, line: Int) -> Message {
        Message(id: "second-parent", "\(unit) already has parent \(earlier) (line \(line))")
    }

    public static func unknownPosition(_ name: String, in file: String) -> Message {
        Message(id: "unknown-position", "no position '\(name)' in \(file)")
    }

    public static func positionUnitGivenTwice(_ title: String, line: Int) -> Message {
        Message(id: "position-unit-given-twice", "position '\(title)' is already given a unit on line \(line)")
    }

    public static func ambiguousUnit(_ name: String, _ units: [String]) -> Message {
        Message(id: "ambiguous-unit", "unit name '\(name)' is ambiguous: " + units.joined(separator: ", "))
    }

    /// `creating`: in the `unit` column, where a unit with a parent is created.
    public static func unknownUnit(_ name: String, creating: Bool) -> Message {
        Message(id: "unknown-unit", "no unit named '\(name)'" + (creating ? " (to create one, give its parent)" : ""))
    }

    // Realisations and targets.

    public static func missingRealisationColumn(_ name: String) -> Message {
        Message(id: "missing-realisation-column", "no '\(name)' column; the header must name code, period and value/numerator/denominator/target (any order)")
    }

    public static var semicolonHeader: Message {
        Message(id: "semicolon-header", "the header is separated by ';': for files from Excel in Indonesian locale use --decimal-comma")
    }

    public static var rowWithoutCode: Message {
        Message(id: "row-without-code", "row has no code")
    }

    public static func unknownIndicatorCode(_ code: String) -> Message {
        Message(id: "unknown-indicator-code", "unknown indicator code '\(code)'")
    }

    public static var rowWithoutPeriod: Message {
        Message(id: "row-without-period", "row has no period")
    }

    public static func malformedPeriod(_ text: String) -> Message {
        Message(id: "malformed-period", "malformed period '\(text)'")
    }

    /// `decimalCommaHint`: the text has a comma and --decimal-comma is off.
    public static func notANumber(_ field: String, _ text: String, decimalCommaHint: Bool) -> Message {
        Message(id: "not-a-number", "\(field) '\(text)' is not a number" + (decimalCommaHint ? "; for decimal commas (87,5) use --decimal-comma" : ""))
    }

    public static func countWithRatio(_ code: String) -> Message {
        Message(id: "count-with-ratio", "\(code) is a count: give its realisation in 'value', not numerator/denominator")
    }

    public static var halfARatio: Message {
        Message(id: "half-a-ratio", "give both numerator and denominator, or neither")
    }

    public static var negativeDenominator: Message {
        Message(id: "negative-denominator", "denominator is negative")
    }

    /// `ratio`: numerator/denominator x 100, already written with two decimals.
    public static func valueDisagrees(_ value: Double, ratio: String) -> Message {
        Message(id: "value-disagrees", "value \(value) disagrees with numerator/denominator = \(ratio)%")
    }

    public static var tooManyRows: Message {
        Message(id: "too-many-rows", "too many realisation rows: at most \(Int32.max) can be loaded")
    }

    public static func notOneOf(_ field: String, _ text: String, options: [String]) -> Message {
        Message(id: "not-one-of", "\(field) '\(text)' is not one of \(options.joined(separator: ", "))")
    }

    public static func declaredDifferently(_ field: String, code: String, earlier: String, at location: SourceLocation) -> Message {
        Message(id: "declared-differently", "\(field) of \(code) was declared '\(earlier)' at \(location.file):\(location.line)")
    }

    public static func secondRow(_ code: String, _ period: Period, first location: SourceLocation) -> Message {
        Message(id: "second-row", "second row for \(code) in \(period); the first is at \(location.file):\(location.line)")
    }

    // MARK: - Query: lexer and parser

    // MARK: - Query: resolver, planner and interpreter

    // MARK: - Session, shell and command line
}

extension Diagnostic {
    /// The one way to make a diagnostic from a catalogue message: its id is kept, so callers can
    /// recognise it (`diagnostic.id == "unterminated-string"`) without reading its text.
    public init(_ severity: Severity, _ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                notes: [Message?] = []) {
        self.init(severity, message.text, at: location, notes: notes.compactMap { $0?.text })
        self.id = message.id
        self.length = max(1, length)
    }

    public static func error(_ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                             notes: [Message?] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length, notes: notes)
    }

    public static func warning(_ message: Message, at location: SourceLocation? = nil, length: Int = 1,
                               notes: [Message?] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, length: length, notes: notes)
    }
}
