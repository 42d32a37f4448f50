// Over 400 lines because it is the one message catalogue by design: every message of every stage,
// so a text is written once and translations can sit beside it.

/// Every message iki prints about an input or a statement, in one place: each has a stable id
/// (for tests and for code that must recognise a message) and its English and Indonesian texts. Code never writes a message inline; it calls
/// one of the constructors below, so one message is written once.
///
/// Sections follow the stages (Catalogue, lexer and parser, resolver and interpreter, session):
/// add a message to the section of the stage that reports it.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// Stable, kebab-case: `unknown-parameter`. Tests and callers compare ids, never texts.
    public let id: String
    /// The English text.
    public let english: String
    /// The Indonesian text (Bahasa Indonesia, as an analyst in a regional office writes it).
    public let indonesian: String

    /// A message in both languages: `Message(id: "x", "english text", id: "teks Indonesia")`.
    public init(id: String, _ english: String, id indonesian: String) {
        self.id = id
        self.english = english
        self.indonesian = indonesian
    }

    /// The text in the language the user chose (`Language.current`).
    public var text: String { Language.current == .indonesian ? indonesian : english }

    public var description: String { text }
}

/// The language of messages, headers and help: English or Bahasa Indonesia.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case indonesian = "id"

    /// Read wherever a message is turned into text. Task-local, so tests in parallel and a session
    /// can each have their own: the front end runs its work inside
    /// `Language.$current.withValue(chosen) { ... }` (chosen by `--lang`, `LANG`, the configuration
    /// file or `set language`).
    @TaskLocal public static var current: Language = .english
}

extension Message {
    // MARK: - Shared by every stage

    /// The note under a misspelt name: `did you mean achievement?`; nil when there is nothing
    /// near enough to suggest.
    public static func didYouMean(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "did-you-mean", "did you mean \(names.joined(separator: ", "))?", id: "apakah maksud Anda \(names.joined(separator: ", "))?")
    }

    /// The same, found among `candidates` (see `Nearest.names`).
    public static func didYouMean(_ word: String, among candidates: [String]) -> Message? {
        didYouMean(Nearest.names(to: word, in: candidates))
    }

    /// How periods are written, the note under every "is not a period".
    public static var periodForms: Message {
        Message(id: "period-forms", "periods are written " + Period.acceptedForms, id: "periode ditulis " + Period.acceptedForms)
    }

    public static func notAPeriod(_ text: String) -> Message {
        Message(id: "not-a-period", "'\(text)' is not a period", id: "\'\(text)\' bukan periode")
    }

    public static func unknownParameter(_ name: String) -> Message {
        Message(id: "unknown-parameter", "no parameter $\(name) is set", id: "parameter $\(name) belum diatur")
    }

    public static func parameterNotAPeriod(_ name: String) -> Message {
        Message(id: "parameter-not-a-period", "parameter $\(name) is not a period", id: "parameter $\(name) bukan periode")
    }

    public static func giveParameter(_ name: String, example: String = "2026-10") -> Message {
        Message(id: "give-parameter", "give it with --param \(name)=\(example)", id: "berikan dengan --param \(name)=\(example)")
    }

    // MARK: - CSV files (Base/CSV.swift)

    public static func cannotReadFile(_ path: String, reason: String) -> Message {
        Message(id: "cannot-read-file", "cannot read '\(path)': \(reason)", id: "tidak dapat membaca \'\(path)\': \(reason)")
    }

    public static var unterminatedQuotedField: Message {
        Message(id: "unterminated-quoted-field", "unterminated quoted field: no closing '\"' before the end of the file", id: "kolom berpetik tidak ditutup: tidak ada \'\"\' penutup sebelum akhir berkas")
    }

    public static func textAfterClosingQuote(expected delimiter: String) -> Message {
        Message(id: "text-after-closing-quote", "unexpected text after the closing quote; expected \(delimiter) or the end of the line", id: "ada teks setelah petik penutup; seharusnya \(delimiter) atau akhir baris")
    }

    /// `byte`: two hexadecimal digits.
    public static func invalidUTF8(byte: String) -> Message {
        Message(id: "invalid-utf8", "invalid UTF-8 (byte 0x\(byte)); the file must be saved as UTF-8", id: "UTF-8 tidak valid (bita 0x\(byte)); berkas harus disimpan sebagai UTF-8")
    }

    // MARK: - Catalogue: loading catalogues, organisation files and realisations

    /// Catalogue text quoted in a message, cut to `limit` characters.
    private static func clip(_ text: String, _ limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public static func unreadableCatalogue(_ path: String) -> Message {
        Message(id: "unreadable-catalogue", "cannot read catalogue file '\(path)'", id: "tidak dapat membaca berkas katalog \'\(path)\'")
    }

    public static func organisationForOneCatalogue(_ organisation: String, catalogues: Int) -> Message {
        Message(id: "organisation-for-one-catalogue", "--organisation '\(organisation)' is for one catalogue; with \(catalogues), put NAME.organisation.csv beside each catalogue NAME.txt", id: "--organisation \'\(organisation)\' hanya untuk satu katalog; dengan \(catalogues) katalog, letakkan NAMA.organisation.csv di samping setiap katalog NAMA.txt")
    }

    public static func folderWithoutFiles(_ path: String, extension ext: String) -> Message {
        Message(id: "folder-without-files", "folder '\(path)' has no .\(ext) files", id: "folder \'\(path)\' tidak berisi berkas .\(ext)")
    }

    // The text catalogue's lines.

    public static var lineNotUTF8: Message {
        Message(id: "line-not-utf8", "line is not valid UTF-8; save the file as UTF-8", id: "baris bukan UTF-8 yang valid; simpan berkas sebagai UTF-8")
    }

    public static var rowWithoutTableHeader: Message {
        Message(id: "row-without-table-header", "table row without a table header line above it; read as an indicator", id: "baris tabel tanpa baris judul tabel di atasnya; dibaca sebagai indikator")
    }

    public static func textBetweenHeadingFields(_ text: String) -> Message {
        Message(id: "text-between-heading-fields", "text between the position's heading fields is ignored: '\(clip(text))'", id: "teks di antara isian judul jabatan diabaikan: \'\(clip(text))\'")
    }

    // Positions, indicators and the signature, whatever the format.

    public static var positionWithoutHeading: Message {
        Message(id: "position-without-heading", "position starts without an 'INDIKATOR KINERJA INDIVIDU' heading", id: "jabatan dimulai tanpa judul \'INDIKATOR KINERJA INDIVIDU\'")
    }

    public static var untitledJabatan: Message {
        Message(id: "untitled-jabatan", "'JABATAN' has no title; kept as an untitled position", id: "\'JABATAN\' tidak bernama; disimpan sebagai jabatan tanpa nama")
    }

    /// `what`: the part of a block that came outside one (`TUGAS`, `FUNGSI`, `table header`).
    public static func outsidePositionBlock(_ what: String) -> Message {
        Message(id: "outside-position-block", "\(what) outside a position block (no 'JABATAN' before it)", id: "\(what) di luar blok jabatan (tidak ada \'JABATAN\' sebelumnya)")
    }

    public static func extraCells(_ count: Int, extra: String) -> Message {
        Message(id: "extra-cells", "row has \(count) cells, expected 4 (objective, indicator, formula, source); extra text kept in the source: '\(clip(extra))'", id: "baris berisi \(count) sel, seharusnya 4 (sasaran, indikator, rumus, sumber); teks lebihnya disimpan di sumber: \'\(clip(extra))\'")
    }

    public static var rowWithoutIndicatorName: Message {
        Message(id: "row-without-indicator-name", "table row has no indicator name (second cell is empty)", id: "baris tabel tanpa nama indikator (sel kedua kosong)")
    }

    public static func fewCells(_ count: Int) -> Message {
        Message(id: "few-cells", "row has \(count) cells, expected 4 (objective, indicator, formula, source)", id: "baris berisi \(count) sel, seharusnya 4 (sasaran, indikator, rumus, sumber)")
    }

    public static func indicatorWithoutObjective(_ name: String) -> Message {
        Message(id: "indicator-without-objective", "indicator '\(clip(name))' has no objective (first cell empty and no row above it)", id: "indikator \'\(clip(name))\' tidak bersasaran (sel pertama kosong dan tidak ada baris di atasnya)")
    }

    public static var unbalancedFraction: Message {
        Message(id: "unbalanced-fraction", "formula has a \\frac whose braces do not close; read as a count", id: "rumus memuat \\frac yang kurung kurawalnya tidak ditutup; dibaca sebagai jumlah")
    }

    public static func indicatorWithoutFormula(_ name: String) -> Message {
        Message(id: "indicator-without-formula", "indicator '\(clip(name))' has no formula; read as a count", id: "indikator \'\(clip(name))\' tidak berumus; dibaca sebagai jumlah")
    }

    public static var positionWithoutJabatan: Message {
        Message(id: "position-without-jabatan", "position block has no 'JABATAN' line; kept as an untitled position", id: "blok jabatan tanpa baris \'JABATAN\'; disimpan sebagai jabatan tanpa nama")
    }

    public static func positionWithoutIndicators(_ title: String) -> Message {
        Message(id: "position-without-indicators", "position '\(title)' has no indicators", id: "jabatan \'\(title)\' tidak memiliki indikator")
    }

    public static func textOutsideBlocks(_ text: String) -> Message {
        Message(id: "text-outside-blocks", "text outside any position block is ignored: '\(clip(text))'", id: "teks di luar blok jabatan diabaikan: \'\(clip(text))\'")
    }

    public static var signatureNotRecognised: Message {
        Message(id: "signature-not-recognised", "closing signature block not recognised (no 'NIP' line); office metadata unknown", id: "blok tanda tangan penutup tidak dikenali (tidak ada baris \'NIP\'); data dinas tidak diketahui")
    }

    public static var noSignature: Message {
        Message(id: "no-signature", "no closing signature block; office metadata unknown", id: "tidak ada blok tanda tangan penutup; data dinas tidak diketahui")
    }

    public static var noPositions: Message {
        Message(id: "no-positions", "no positions found: expected blocks headed 'INDIKATOR KINERJA INDIVIDU' with a '1. JABATAN :' line", id: "tidak ada jabatan: seharusnya ada blok berjudul \'INDIKATOR KINERJA INDIVIDU\' dengan baris \'1. JABATAN :\'")
    }

    // The organisation: inferred, and the organisation file.

    /// `head`: the position heading the unit, and whom its tasks say it gets other tasks from.
    public static func bidangUnknown(_ unit: String, head: (title: String, superior: String?)?) -> Message {
        let said = head.map { " (its head '\($0.title)' gets other tasks from '\($0.superior ?? "nobody named")')" } ?? ""
        let saidID = head.map { " (kepalanya '\($0.title)' menerima tugas lain dari '\($0.superior ?? "tidak disebut")')" } ?? ""
        return Message(id: "bidang-unknown", "cannot tell which bidang \(unit) belongs to\(said); give its parent in the organisation file", id: "tidak dapat menentukan bidang dari \(unit)\(saidID); cantumkan induknya di berkas organisasi")
    }

    /// `reason`: one of the reasons below.
    public static func unitUnresolved(_ title: String, reason: Message) -> Message {
        Message(id: "unit-unresolved", "unit of '\(title)' is unresolved: \(reason.english); give it in the organisation file", id: "unit \'\(title)\' belum ditentukan: \(reason.indonesian); cantumkan di berkas organisasi")
    }

    // Why organisation inference found no unit for a position.

    public static var noUnitGiven: Message {
        Message(id: "no-unit-given", "no unit given", id: "unit tidak diberikan")
    }

    public static var superiorIsHeadOfOffice: Message {
        Message(id: "superior-is-head-of-office", "it gets other tasks from the head of office directly", id: "tugas lainnya diterima langsung dari kepala dinas")
    }

    public static var noSuperiorNamed: Message {
        Message(id: "no-superior-named", "its tasks name no superior", id: "tugasnya tidak menyebut atasan")
    }

    public static var noSekretariat: Message {
        Message(id: "no-sekretariat", "it reports to the Sekretaris, but the catalogue has no Sekretariat", id: "melapor kepada Sekretaris, tetapi katalog tidak memuat Sekretariat")
    }

    public static func superiorNamesNoUnit(_ text: String) -> Message {
        Message(id: "superior-names-no-unit", "its tasks say '\(text)', which names no unit", id: "tugasnya menyebut \'\(text)\', yang bukan nama unit")
    }

    public static func namesNoUnit(_ quoted: String) -> Message {
        Message(id: "names-no-unit", "'\(quoted)' names no unit", id: "\'\(quoted)\' bukan nama unit")
    }

    public static func noUnitMatches(_ quoted: String) -> Message {
        Message(id: "no-unit-matches", "no unit matches '\(quoted)'", id: "tidak ada unit yang cocok dengan \'\(quoted)\'")
    }

    public static func matchesTwoUnits(_ quoted: String, _ first: String, _ second: String) -> Message {
        Message(id: "matches-two-units", "'\(quoted)' matches both \(first) and \(second)", id: "\'\(quoted)\' cocok dengan \(first) dan juga \(second)")
    }

    public static var noUnitColumn: Message {
        Message(id: "no-unit-column", "organisation file has no 'unit' column; expected a header like 'position,unit,parent'", id: "berkas organisasi tidak memiliki kolom \'unit\'; seharusnya ada judul seperti \'position,unit,parent\'")
    }

    public static var rowWithoutUnit: Message {
        Message(id: "row-without-unit", "row has no unit", id: "baris tanpa unit")
    }

    public static func bidangLevelWithParent(_ unit: String) -> Message {
        Message(id: "bidang-level-with-parent", "\(unit) is a bidang-level unit and has no parent", id: "\(unit) adalah unit setingkat bidang dan tidak memiliki induk")
    }

    public static func parentCycle(_ parent: String) -> Message {
        Message(id: "parent-cycle", "parent \(parent) would make a cycle", id: "induk \(parent) akan membuat lingkaran")
    }

    public static func secondParent(_ unit: String, earlier: String, line: Int) -> Message {
        Message(id: "second-parent", "\(unit) already has parent \(earlier) (line \(line))", id: "\(unit) sudah berinduk \(earlier) (baris \(line))")
    }

    public static func unknownPosition(_ name: String, in file: String) -> Message {
        Message(id: "unknown-position", "no position '\(name)' in \(file)", id: "tidak ada jabatan \'\(name)\' di \(file)")
    }

    public static func positionUnitGivenTwice(_ title: String, line: Int) -> Message {
        Message(id: "position-unit-given-twice", "position '\(title)' is already given a unit on line \(line)", id: "jabatan \'\(title)\' sudah diberi unit pada baris \(line)")
    }

    public static func ambiguousUnit(_ name: String, _ units: [String]) -> Message {
        Message(id: "ambiguous-unit", "unit name '\(name)' is ambiguous: " + units.joined(separator: ", "), id: "nama unit \'\(name)\' bermakna ganda: " + units.joined(separator: ", "))
    }

    /// `creating`: in the `unit` column, where a unit with a parent is created.
    public static func unknownUnit(_ name: String, creating: Bool) -> Message {
        Message(id: "unknown-unit", "no unit named '\(name)'" + (creating ? " (to create one, give its parent)" : ""), id: "tidak ada unit bernama \'\(name)\'" + (creating ? " (untuk membuatnya, cantumkan induknya)" : ""))
    }

    // Realisations and targets.

    public static func missingRealisationColumn(_ name: String) -> Message {
        Message(id: "missing-realisation-column", "no '\(name)' column; the header must name code, period and value/numerator/denominator/target (any order)", id: "tidak ada kolom \'\(name)\'; judul harus memuat code, period dan value/numerator/denominator/target (urutan bebas)")
    }

    public static var semicolonHeader: Message {
        Message(id: "semicolon-header", "the header is separated by ';': for files from Excel in Indonesian locale use --decimal-comma", id: "judul kolom dipisahkan \';\': untuk berkas dari Excel berbahasa Indonesia gunakan --decimal-comma")
    }

    public static var rowWithoutCode: Message {
        Message(id: "row-without-code", "row has no code", id: "baris tanpa kode")
    }

    public static func unknownIndicatorCode(_ code: String) -> Message {
        Message(id: "unknown-indicator-code", "unknown indicator code '\(code)'", id: "kode indikator \'\(code)\' tidak dikenal")
    }

    public static var rowWithoutPeriod: Message {
        Message(id: "row-without-period", "row has no period", id: "baris tanpa periode")
    }

    public static func malformedPeriod(_ text: String) -> Message {
        Message(id: "malformed-period", "malformed period '\(text)'", id: "periode \'\(text)\' tidak valid")
    }

    /// `decimalCommaHint`: the text has a comma and --decimal-comma is off.
    public static func notANumber(_ field: String, _ text: String, decimalCommaHint: Bool) -> Message {
        Message(id: "not-a-number", "\(field) '\(text)' is not a number" + (decimalCommaHint ? "; for decimal commas (87,5) use --decimal-comma" : ""), id: "\(field) \'\(text)\' bukan angka" + (decimalCommaHint ? "; untuk koma desimal (87,5) gunakan --decimal-comma" : ""))
    }

    public static func countWithRatio(_ code: String) -> Message {
        Message(id: "count-with-ratio", "\(code) is a count: give its realisation in 'value', not numerator/denominator", id: "\(code) adalah indikator jumlah: isi realisasinya di \'value\', bukan numerator/denominator")
    }

    public static var halfARatio: Message {
        Message(id: "half-a-ratio", "give both numerator and denominator, or neither", id: "isi numerator dan denominator sekaligus, atau kosongkan keduanya")
    }

    public static var negativeDenominator: Message {
        Message(id: "negative-denominator", "denominator is negative", id: "penyebut (denominator) bernilai negatif")
    }

    /// `ratio`: numerator/denominator x 100, already written with two decimals.
    public static func valueDisagrees(_ value: Double, ratio: String) -> Message {
        Message(id: "value-disagrees", "value \(value) disagrees with numerator/denominator = \(ratio)%", id: "nilai \(value) tidak sama dengan numerator/denominator = \(ratio)%")
    }

    public static var tooManyRows: Message {
        Message(id: "too-many-rows", "too many realisation rows: at most \(Int32.max) can be loaded", id: "baris realisasi terlalu banyak: paling banyak \(Int32.max) yang dapat dimuat")
    }

    public static func notOneOf(_ field: String, _ text: String, options: [String]) -> Message {
        Message(id: "not-one-of", "\(field) '\(text)' is not one of \(options.joined(separator: ", "))", id: "\(field) \'\(text)\' bukan salah satu dari \(options.joined(separator: ", "))")
    }

    public static func declaredDifferently(_ field: String, code: String, earlier: String, at location: SourceLocation) -> Message {
        Message(id: "declared-differently", "\(field) of \(code) was declared '\(earlier)' at \(location.shortDescription)", id: "\(field) dari \(code) sudah dinyatakan \'\(earlier)\' di \(location.shortDescription)")
    }

    public static func secondRow(_ code: String, _ period: Period, first location: SourceLocation) -> Message {
        Message(id: "second-row", "second row for \(code) in \(period); the first is at \(location.shortDescription)", id: "baris kedua untuk \(code) pada \(period); baris pertama di \(location.shortDescription)")
    }

    // MARK: - Query: lexer and parser

    public static func expressionTooDeep(limit: Int) -> Message {
        Message(id: "expression-too-deep",
                "this expression is nested or chained more than \(limit) levels deep; split it into simpler conditions",
                id: "ekspresi ini bersarang atau berantai lebih dari \(limit) tingkat; pecah menjadi kondisi yang lebih sederhana")
    }

    public static func unterminatedString(_ quote: Character) -> Message {
        Message(id: "unterminated-string", "unterminated string: no closing \(quote) before the end of the input", id: "teks tidak ditutup: tidak ada \(quote) penutup sebelum akhir masukan")
    }

    public static func notANumber(_ text: String) -> Message {
        Message(id: "not-a-number", "'\(text)' is not a number; put text in quotes", id: "\'\(text)\' bukan angka; tulis teks di antara tanda petik")
    }

    public static var parameterNameMissing: Message {
        Message(id: "parameter-name-missing", "'$' must be followed by a parameter name, as in $period", id: "\'$\' harus diikuti nama parameter, seperti $period")
    }

    public static var loneExclamation: Message {
        Message(id: "lone-exclamation", "'!' must be followed by '=' (not equal); for negation write 'not'", id: "\'!\' harus diikuti \'=\' (tidak sama dengan); untuk negasi tulis \'not\' (bukan)")
    }

    public static func unexpectedCharacter(_ c: Character) -> Message {
        Message(id: "unexpected-character", "unexpected character '\(c)'", id: "karakter \'\(c)\' tidak dikenal")
    }

    /// `found` in the parser's messages is the offending token described: `'x'`, `the end of the input`.
    public static func expectedStatementEnd(found: String) -> Message {
        Message(id: "expected-statement-end", "expected ';' or the end of the statement, found \(found)", id: "seharusnya \';\' atau akhir pernyataan, ditemukan \(found)")
    }

    public static var toWithoutExport: Message {
        Message(id: "to-without-export", "'to' belongs to export: write export show ... to \"file.csv\"", id: "\'to\' milik export: tulis export show ... to \"berkas.csv\"")
    }

    public static func expectedStatement(_ statements: [String], found: String) -> Message {
        Message(id: "expected-statement", "expected a statement (\(statements.joined(separator: ", "))), found \(found)", id: "seharusnya sebuah pernyataan (\(statements.joined(separator: ", "))), ditemukan \(found)")
    }

    public static var selectIsShow: Message {
        Message(id: "select-is-show", "SQL's select is show here: show indicators code, achievement where achievement < 80%", id: "select dalam SQL di sini adalah show: show indicators code, achievement where achievement < 80%")
    }

    public static func semicolonBefore(_ word: String) -> Message {
        Message(id: "semicolon-before", "expected ';' before '\(word)': statements are separated by ';'", id: "seharusnya ada \';\' sebelum \'\(word)\': pernyataan dipisahkan dengan \';\'")
    }

    public static func expectedClause(_ clauses: String, afterColumns: Bool, found: String) -> Message {
        Message(id: "expected-clause", "expected \(clauses)\(afterColumns ? " after the columns" : ""), found \(found)", id: "seharusnya \(clauses)\(afterColumns ? " setelah kolom" : ""), ditemukan \(found)")
    }

    /// `show indicators wher achievement < 80%`: the typo was read as a column.
    public static func readAsColumn(_ word: String, _ near: String) -> Message {
        Message(id: "read-as-column", "'\(word)' was read as a column; " + didYouMean([near])!.english, id: "\'\(word)\' dibaca sebagai kolom; " + didYouMean([near])!.indonesian)
    }

    public static func clauseTwice(_ clause: String) -> Message {
        Message(id: "clause-twice", "'\(clause)' appears twice in this statement", id: "\'\(clause)\' muncul dua kali dalam pernyataan ini")
    }

    public static func expectedLimit(found: String) -> Message {
        Message(id: "expected-limit", "expected a whole number after limit, found \(found)", id: "setelah limit harus bilangan bulat, ditemukan \(found)")
    }

    public static func expectedAlias(found: String) -> Message {
        Message(id: "expected-alias", "expected a column name after 'as', found \(found)", id: "setelah \'as\' harus nama kolom, ditemukan \(found)")
    }

    public static var expectedPeriod: Message {
        Message(id: "expected-period", "expected a period after 'for', such as 2026-10", id: "setelah \'for\' harus periode, seperti 2026-10")
    }

    public static func describeTakesOne(_ thing: String) -> Message {
        Message(id: "describe-takes-one", "describe takes one indicator or position; for \(thing) use show \(thing) where ...", id: "describe hanya untuk satu indikator atau jabatan; untuk \(thing) gunakan show \(thing) where ...")
    }

    public static func expectedMissing(negated: Bool, found: String) -> Message {
        Message(id: "expected-missing", "expected 'missing' after 'is\(negated ? " not" : "")', found \(found)", id: "setelah \'is\(negated ? " not" : "")\' harus \'missing\', ditemukan \(found)")
    }

    public static func keywordAsValue(_ keyword: String) -> Message {
        Message(id: "keyword-as-value", "expected a field or value, found the keyword '\(keyword)'", id: "seharusnya kolom atau nilai, ditemukan kata kunci \'\(keyword)\'")
    }

    public static func expectedValue(found: String) -> Message {
        Message(id: "expected-value", "expected a field or value, found \(found)", id: "seharusnya kolom atau nilai, ditemukan \(found)")
    }

    public static func expectedSymbol(_ symbol: String, found: String) -> Message {
        Message(id: "expected-symbol", "expected '\(symbol)', found \(found)", id: "seharusnya \'\(symbol)\', ditemukan \(found)")
    }

    public static func expectedKeyword(_ word: String, after: String, found: String) -> Message {
        Message(id: "expected-keyword", "expected '\(word)' after '\(after)', found \(found)", id: "setelah \'\(after)\' harus \'\(word)\', ditemukan \(found)")
    }

    public static func expectedThing(_ things: [String], found: String) -> Message {
        Message(id: "expected-thing", "expected what to show: \(things.joined(separator: ", ")); found \(found)", id: "apa yang ditampilkan: \(things.joined(separator: ", ")); ditemukan \(found)")
    }

    public static var exportNeedsShow: Message {
        Message(id: "export-needs-show", "expected show after export, as in export show indicators to \"indicators.csv\"", id: "setelah export harus show, seperti export show indicators to \"indikator.csv\"")
    }

    public static func exportNeedsTo(found: String) -> Message {
        Message(id: "export-needs-to", "expected 'to \"file\"' to end the export, found \(found)", id: "export harus diakhiri \'to \"berkas\"\', ditemukan \(found)")
    }

    public static func expectedExportFile(found: String) -> Message {
        Message(id: "expected-export-file", "expected the file name in quotes after 'to', found \(found)", id: "setelah \'to\' harus nama berkas di antara tanda petik, ditemukan \(found)")
    }

    public static func expectedFormat(_ formats: [String], found: String) -> Message {
        Message(id: "expected-format", "expected a format (\(formats.joined(separator: ", "))), found \(found)", id: "seharusnya format (\(formats.joined(separator: ", "))), ditemukan \(found)")
    }

    public static func expectedSetting(_ settings: [String], found: String) -> Message {
        Message(id: "expected-setting", "expected what to set: \(settings.joined(separator: ", ")); found \(found)", id: "apa yang diatur: \(settings.joined(separator: ", ")); ditemukan \(found)")
    }

    public static func expectedOnOff(found: String) -> Message {
        Message(id: "expected-on-off", "expected on or off after 'set timer', found \(found)", id: "setelah \'set timer\' harus on atau off, ditemukan \(found)")
    }

    public static func expectedOutput(found: String) -> Message {
        Message(id: "expected-output", "expected a file name in quotes or stdout after 'set output', found \(found)", id: "setelah \'set output\' harus nama berkas di antara tanda petik atau stdout, ditemukan \(found)")
    }

    public static func expectedParameterName(found: String) -> Message {
        Message(id: "expected-parameter-name", "expected a parameter name after 'set param', found \(found)", id: "setelah \'set param\' harus nama parameter, ditemukan \(found)")
    }

    public static func parameterValue(found: String) -> Message {
        Message(id: "parameter-value", "a parameter's value is a number, text in quotes or a period, found \(found)", id: "nilai parameter berupa angka, teks di antara tanda petik atau periode, ditemukan \(found)")
    }

    public static func expectedLoadKind(_ kinds: String, found: String) -> Message {
        Message(id: "expected-load-kind", "expected what to load: \(kinds); found \(found)", id: "apa yang dimuat: \(kinds); ditemukan \(found)")
    }

    public static func expectedFileName(found: String) -> Message {
        Message(id: "expected-file-name", "expected the file name in quotes, found \(found)", id: "seharusnya nama berkas di antara tanda petik, ditemukan \(found)")
    }

    // MARK: - Query: resolver, planner and interpreter

    /// The note under an unknown parameter when some are set: which ones.
    public static func parametersSet(_ names: [String]) -> Message {
        Message(id: "parameters-set", "parameters set: " + names.sorted().map { "$" + $0 }.joined(separator: ", "), id: "parameter yang diatur: " + names.sorted().map { "$" + $0 }.joined(separator: ", "))
    }

    /// `'-' needs numbers, but 'code' is text`: `what` is the operator or aggregate, `subject` the
    /// operand as written, `article` its type with an article.
    public static func needsNumbers(_ what: String, _ subject: String, _ article: String) -> Message {
        Message(id: "needs-numbers", "\(what) needs numbers, but \(subject) is \(article)", id: "\(what) memerlukan angka, tetapi \(subject) berupa \(article)")
    }

    public static func matchNeedsText(_ op: String, _ subject: String, _ article: String) -> Message {
        Message(id: "match-needs-text", "'\(op)' compares text, but \(subject) is \(article)", id: "\'\(op)\' membandingkan teks, tetapi \(subject) berupa \(article)")
    }

    public static func matchNeedsTextPattern(_ op: String, _ article: String) -> Message {
        Message(id: "match-needs-text-pattern", "'\(op)' needs text on its right, such as \"koperasi\"; found \(article)", id: "\'\(op)\' memerlukan teks di sebelah kanannya, seperti \"koperasi\"; ditemukan \(article)")
    }

    public static func aggregateOutsideColumns(_ name: String) -> Message {
        Message(id: "aggregate-outside-columns",
                "\(name)(...) is an aggregate: use it in the columns of a show, e.g. show indicators bidang, \(name)(achievement) group by bidang",
                id: "\(name)(...) adalah fungsi agregat: gunakan di kolom show, misalnya show indicators bidang, \(name)(achievement) group by bidang")
    }

    public static func unknownFunction(_ name: String) -> Message {
        Message(id: "unknown-function", "unknown function '\(name)'", id: "fungsi \'\(name)\' tidak dikenal")
    }

    /// The note under an unknown function: the functions there are, and a suggestion if any.
    public static func functionsAre(_ suggestion: Message?) -> Message {
        Message(id: "functions-are", "functions are count, sum, avg, min, max" + (suggestion.map { "; " + $0.english } ?? ""), id: "fungsi yang ada: count, sum, avg, min, max" + (suggestion.map { "; " + $0.indonesian } ?? ""))
    }

    public static func expectedCondition(_ subject: String, _ article: String) -> Message {
        Message(id: "expected-condition", "expected a condition such as achievement < 80%, found \(subject), which is \(article)", id: "seharusnya kondisi seperti achievement < 80%, ditemukan \(subject), yang berupa \(article)")
    }

    public static func unitNeverField(_ unit: String, kind: String, field: String) -> Message {
        Message(id: "unit-never-field", "\(unit) is a \(kind), never a \(field), so this comparison matches nothing", id: "\(unit) adalah \(kind), tidak pernah menjadi \(field), jadi perbandingan ini tidak cocok dengan apa pun")
    }

    public static func compareUnitInstead(_ field: String, _ unit: String) -> Message {
        Message(id: "compare-unit-instead", "compare \(field) = \"\(unit)\" (or unit = ...) instead", id: "bandingkan \(field) = \"\(unit)\" (atau unit = ...) sebagai gantinya")
    }

    public static func noUnitNamed(_ name: String) -> Message {
        Message(id: "no-unit-named", "no unit is named \"\(name)\", so this comparison matches nothing", id: "tidak ada unit bernama \"\(name)\", jadi perbandingan ini tidak cocok dengan apa pun")
    }

    /// nil when there is nothing to suggest.
    public static func nearestUnits(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "nearest-units", "nearest units: " + names.map { "\"\($0)\"" }.joined(separator: ", "), id: "unit terdekat: " + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    public static func cannotCompare(_ left: String, _ leftType: String, _ right: String, _ rightType: String) -> Message {
        Message(id: "cannot-compare", "cannot compare \(left) (\(leftType)) with \(right) (\(rightType))", id: "tidak dapat membandingkan \(left) (\(leftType)) dengan \(right) (\(rightType))")
    }

    public static var textComparesWithText: Message {
        Message(id: "text-compares-with-text", "text compares with text: put the value in quotes, or compare a number field", id: "teks dibandingkan dengan teks: tulis nilainya di antara tanda petik, atau bandingkan kolom angka")
    }

    public static var conditionsCompareByEquality: Message {
        Message(id: "conditions-compare-by-equality", "conditions can only be compared with = or !=", id: "kondisi hanya dapat dibandingkan dengan = atau !=")
    }

    /// `"TW9 2026" is not a period`: text in quotes compared with a period.
    public static func textNotAPeriod(_ text: String) -> Message {
        Message(id: "text-not-a-period", "\"\(text)\" is not a period", id: "\"\(text)\" bukan periode")
    }

    public static func cannotCompareWithPeriod(_ subject: String, _ type: String) -> Message {
        Message(id: "cannot-compare-with-period", "cannot compare a period with \(subject) (\(type))", id: "tidak dapat membandingkan periode dengan \(subject) (\(type))")
    }

    public static func unknownField(_ word: String, thing: String) -> Message {
        Message(id: "unknown-field", "unknown field '\(word)' for \(thing)", id: "kolom \'\(word)\' tidak dikenal untuk \(thing)")
    }

    /// A suggestion for a misspelt field, and the clause keyword it may have been meant as.
    public static func orKeyword(_ suggestion: Message, _ keyword: String) -> Message {
        Message(id: suggestion.id, suggestion.english + " (or the keyword '\(keyword)')", id: suggestion.indonesian + " (atau kata kunci \'\(keyword)\')")
    }

    public static func fieldsOf(_ thing: String, _ names: [String]) -> Message {
        Message(id: "fields-of", "fields of \(thing): " + names.joined(separator: ", "), id: "kolom \(thing): " + names.joined(separator: ", "))
    }

    public static func sessionCommand(_ word: String) -> Message {
        Message(id: "session-command", "'\(word)' is a session command; run it in iki, not through the interpreter", id: "\'\(word)\' adalah perintah sesi; jalankan di iki, bukan melalui interpreter")
    }

    public static var quitIsSessionCommand: Message {
        Message(id: "quit-session-command", "quit is a session command", id: "quit adalah perintah sesi")
    }

    public static var interrupted: Message {
        Message(id: "interrupted", "interrupted", id: "dihentikan")
    }

    public static func groupedOrderByColumn(_ columns: [String]) -> Message {
        Message(id: "grouped-order-by-column", "order by in a grouped query must name one of its columns: " + columns.joined(separator: ", "), id: "order by pada kueri berkelompok harus menyebut salah satu kolomnya: " + columns.joined(separator: ", "))
    }

    public static var nestedAggregate: Message {
        Message(id: "nested-aggregate", "an aggregate cannot contain another aggregate", id: "fungsi agregat tidak boleh berisi fungsi agregat lain")
    }

    public static func aggregateNeedsField(_ name: String) -> Message {
        Message(id: "aggregate-needs-field", "\(name)(*) is not defined; give a field, as in \(name)(achievement)", id: "\(name)(*) tidak didefinisikan; sebutkan kolomnya, seperti \(name)(achievement)")
    }

    /// In a grouped column: `-` over something that is not a number.
    public static var groupedNegateNeedsNumber: Message {
        Message(id: "grouped-negate-needs-number", "'-' needs a number", id: "\'-\' memerlukan angka")
    }

    public static func groupedArithmeticNeedsNumbers(_ op: String) -> Message {
        Message(id: "grouped-arithmetic-needs-numbers", "'\(op)' needs numbers on both sides", id: "\'\(op)\' memerlukan angka di kedua sisinya")
    }

    public static func notGroupedNorAggregated(_ text: String) -> Message {
        Message(id: "not-grouped-nor-aggregated",
                "'\(text)' is neither grouped nor aggregated: add it to group by, or use it inside count, sum, avg, min or max",
                id: "\'\(text)\' tidak dikelompokkan dan tidak diagregasi: tambahkan ke group by, atau gunakan di dalam count, sum, avg, min atau max")
    }

    public static func noIndicatorCode(_ code: String) -> Message {
        Message(id: "no-indicator-code", "no indicator with code '\(code)'", id: "tidak ada indikator berkode \'\(code)\'")
    }

    public static func noPosition(_ name: String) -> Message {
        Message(id: "no-position", "no position '\(name)'", id: "tidak ada jabatan \'\(name)\'")
    }

    public static func positionAmbiguous(_ name: String, count: Int) -> Message {
        Message(id: "position-ambiguous", "'\(name)' matches \(count) positions", id: "\'\(name)\' cocok dengan \(count) jabatan")
    }

    /// The names nearest a misspelt code or title; nil when there are none.
    public static func nearest(_ names: [String], separator: String = ", ") -> Message? {
        names.isEmpty ? nil : Message(id: "nearest", "nearest: " + names.joined(separator: separator), id: "terdekat: " + names.joined(separator: separator))
    }

    /// Some of the positions an ambiguous name matches.
    public static func forExample(_ names: [String]) -> Message? {
        names.isEmpty ? nil : Message(id: "for-example", "for example: " + names.joined(separator: "; "), id: "misalnya: " + names.joined(separator: "; "))
    }


    // MARK: - Session, shell and command line

    public static func numberCannotNameFile(_ name: String, _ number: String) -> Message {
        Message(id: "number-cannot-name-file", "parameter $\(name) is the number \(number), which cannot be part of a file name", id: "parameter $\(name) berisi angka \(number), yang tidak dapat menjadi bagian nama berkas")
    }

    public static func cannotWrite(_ path: String, _ reason: String) -> Message {
        Message(id: "cannot-write", "cannot write to '\(path)': \(reason)", id: "tidak dapat menulis ke \'\(path)\': \(reason)")
    }

    /// An export that failed; `unchanged` when the file it would replace is kept as it was.
    public static func cannotWriteExport(_ path: String, _ reason: String, unchanged: Bool) -> Message {
        Message(id: "cannot-write-export", "cannot write '\(path)': \(reason)" + (unchanged ? "; any existing file is unchanged" : ""), id: "tidak dapat menulis \'\(path)\': \(reason)" + (unchanged ? "; berkas yang sudah ada tidak diubah" : ""))
    }

    public static func scaleNotBands(_ text: String) -> Message {
        Message(id: "scale-not-bands", "--scale '\(text)' is not a list like \"91=Sangat Baik,76=Baik,0=Kurang\"", id: "--scale \'\(text)\' bukan daftar seperti \"91=Sangat Baik,76=Baik,0=Kurang\"")
    }

    public static var bundledCatalogueMissing: Message {
        Message(id: "bundled-catalogue-missing", "the bundled catalogue is not installed beside this program; give --catalogue", id: "katalog bawaan tidak terpasang di samping program ini; berikan --catalogue")
    }

    public static func malformedPeriodOption(_ text: String) -> Message {
        Message(id: "malformed-period-option", "malformed period '\(text)'; periods are written \(Period.acceptedForms)", id: "periode \'\(text)\' tidak valid; periode ditulis \(Period.acceptedForms)")
    }

    public static func formatFromExtension(_ path: String, formats: [String]) -> Message {
        Message(id: "format-from-extension",
                "cannot tell the format of '\(path)' from its extension; add 'format \(formats.first ?? "")' (or \(formats.dropFirst().joined(separator: ", ")))",
                id: "format \'\(path)\' tidak dapat ditentukan dari ekstensinya; tambahkan \'format \(formats.first ?? "")\' (atau \(formats.dropFirst().joined(separator: ", ")))")
    }

    public static func unknownFileParameter(_ name: String, path: String) -> Message {
        Message(id: "unknown-file-parameter", "no parameter $\(name) is set for the file name '\(path)'", id: "parameter $\(name) belum diatur untuk nama berkas \'\(path)\'")
    }

    public static func unknownFormat(_ name: String) -> Message {
        Message(id: "unknown-format", "unknown format '\(name)'", id: "format \'\(name)\' tidak dikenal")
    }

    public static var nothingLoaded: Message {
        Message(id: "nothing-loaded", "nothing was loaded; the session keeps its data", id: "tidak ada yang dimuat; sesi tetap memakai datanya")
    }

    public static func loaded(positions: Int, indicators: Int, rows: Int) -> Message {
        Message(id: "loaded", "loaded: \(positions) positions, \(indicators) indicators, \(rows) realisation rows", id: "dimuat: \(positions) jabatan, \(indicators) indikator, \(rows) baris realisasi")
    }

    public static func elapsed(milliseconds: String) -> Message {
        Message(id: "elapsed", "time: \(milliseconds) ms", id: "waktu: \(milliseconds) md")
    }

    public static func banner(office: String, positions: Int, indicators: Int, latest: String?) -> Message {
        Message(id: "banner", "iki: \(office): \(positions) positions, \(indicators) indicators, \(latest.map { "latest period \($0)" } ?? "no realisations"). Type 'help' for help.", id: "iki: \(office): \(positions) jabatan, \(indicators) indikator, \(latest.map { "periode terakhir \($0)" } ?? "belum ada realisasi"). Ketik \'bantuan\' untuk bantuan.")
    }

    public static func noHelp(_ topic: String) -> Message {
        Message(id: "no-help", "no help on '\(topic)'", id: "tidak ada bantuan tentang \'\(topic)\'")
    }

    public static func helpTopics(_ topics: [String], things: [String]) -> Message {
        Message(id: "help-topics", "topics: " + topics.joined(separator: ", ") + ", or a thing (\(things.joined(separator: ", ")))", id: "topik: " + topics.joined(separator: ", ") + ", atau sesuatu yang ditampilkan (\(things.joined(separator: ", ")))")
    }

    public static func parameterNotNameValue(_ text: String) -> Message {
        Message(id: "parameter-not-name-value", "--param '\(text)' is not name=value", id: "--param \'\(text)\' bukan nama=nilai")
    }

    public static func dataHasErrors(_ count: Int) -> Message {
        Message(id: "data-has-errors", "iki: the data has \(count) error(s); fix them (iki check lists everything)", id: "iki: data memuat \(count) galat; perbaiki dulu (iki check menampilkan semuanya)")
    }

    public static func dataHasWarnings(_ count: Int) -> Message {
        Message(id: "data-has-warnings", "iki: \(count) warning(s) loading the data; iki check lists them", id: "iki: \(count) peringatan saat memuat data; iki check menampilkannya")
    }

    public static func cannotReadScript(_ path: String) -> Message {
        Message(id: "cannot-read-script", "iki: cannot read script '\(path)'", id: "iki: tidak dapat membaca skrip \'\(path)\'")
    }
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
