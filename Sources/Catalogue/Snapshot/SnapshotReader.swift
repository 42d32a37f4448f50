import Foundation

/// The snapshot's bytes (a mapped file) -> the dataset and diagnostics the load produced, or why
/// not. Nothing is trusted before the magic, version, lengths, key and checksum agree; after that
/// every read is still bounds-checked and every index checked against what it points into, so a
/// forged file is refused, not a crash.
enum SnapshotReader {
    /// `release` is told of each stretch of the file already read (8 MB pieces of the big
    /// sections), so the mapping's pages need not all stay resident at once.
    /// `parallelFrom`: the size from which a part is decoded on two threads (tests set both ways).
    /// `key`: the whole key; or, with `hashes`, its `stated` part, compared at once, and `hashes`
    /// gives the rest (`SnapshotKey.started`), compared once decoded and before any of it is used.
    /// `owner`: what keeps `file` mapped; given, the rows and their numbers are read in place
    /// (the store keeps `owner`), else copied.
    static func read(_ file: UnsafeRawBufferPointer, key: String, hashes: (() -> String)? = nil, release: ((UnsafeRawBufferPointer) -> Void)? = nil,
                     owner: AnyObject? = nil,
                     parallelFrom: Int = SnapshotFormat.parallelFrom) throws(SnapshotProblem) -> (Dataset, [Diagnostic]) {
        var header = ByteReader(file)
        let magic = SnapshotFormat.magic
        guard file.count >= magic.count, magic.indices.allSatisfy({ file[$0] == magic[$0] }) else { throw .foreign }
        _ = try header.take(magic.count)
        guard try header.u32() == SnapshotFormat.version else { throw .stale }
        guard Int(try header.u32()) == SnapshotFormat.sectionCount else { throw .damaged("the number of sections") }
        var lengths: [Int] = []
        var total = header.offset + 8 * SnapshotFormat.sectionCount + 16
        for _ in 0..<SnapshotFormat.sectionCount {
            let length = try header.u64()
            guard length < UInt64(file.count) else { throw .damaged(.length, detail: "a section longer than the file") }
            lengths.append(Int(length))
            total += Int(length) + SnapshotFormat.padding(Int(length))
        }
        guard total == file.count else { throw .damaged(.length, detail: "\(file.count) bytes where the header says \(total)") }
        var sections: [UnsafeRawBufferPointer] = []
        var at = header.offset
        for length in lengths {
            sections.append(UnsafeRawBufferPointer(rebasing: file[at..<at + length]))
            at += length + SnapshotFormat.padding(length)
        }
        var trailer = ByteReader(UnsafeRawBufferPointer(rebasing: file[at...]))
        let stored = try trailer.u64()
        guard SnapshotFormat.endMagic.withUnsafeBytes({ same(UnsafeRawBufferPointer(rebasing: file[(at + 8)...]), $0) }) else { throw .damaged("its end") }
        // Another load's snapshot (changed files, another iki) is not damaged, only not this one.
        var key = key
        let stated = key.utf8.count
        guard key.withUTF8({ same(hashes == nil ? sections[0] : UnsafeRawBufferPointer(rebasing: sections[0].prefix(stated)), UnsafeRawBufferPointer($0)) }) else {
            throw .stale
        }
        var checksum = WordHash()
        for section in sections { checksum.add(section, done: release) }
        guard checksum.value == stored else { throw .damaged(.checksum) }

        var table = ByteReader(sections[1])
        try table.readStringTable(parallelFrom: parallelFrom)
        guard table.offset == table.count else { throw .damaged("bytes after the strings") }
        let strings = table.table
        table.table = []
        // Made into Strings: the table's pages need not stay while the model is decoded (the peak).
        release?(sections[1])
        var head = ByteReader(sections[2])
        head.table = strings
        var catalogue = try head.catalogueHead()
        guard head.offset == head.count else { throw .damaged("bytes after the units") }
        nonisolated(unsafe) let release = release
        // Positions on one core, the rest on the other: both only read the table and the head.
        let unitCount = catalogue.organisation.units.count, officeCount = max(catalogue.offices.count, 1)
        nonisolated(unsafe) let positionBytes = sections[3], restBytes = sections[4]
        @Sendable func positions() throws(SnapshotProblem) -> [Position] {
            var reader = ByteReader(positionBytes)
            reader.table = strings
            let list = try reader.positions(units: unitCount, offices: officeCount, release: release)
            guard reader.offset == reader.count else { throw .damaged("bytes after the positions") }
            return list
        }
        @Sendable func rest() throws(SnapshotProblem) -> ByteReader.Rest {
            var reader = ByteReader(restBytes)
            reader.table = strings
            // The positions' count comes first in theirs (checked there too).
            var count = ByteReader(positionBytes)
            let rest = try reader.rest(positions: try count.count(size: 64), release: release)
            guard reader.offset == reader.count else { throw .damaged("bytes after the model") }
            return rest
        }
        let decoded = positionBytes.count + restBytes.count < parallelFrom
            ? (try positions(), try rest())
            : try both({ () throws(SnapshotProblem) in try positions() }, { () throws(SnapshotProblem) in try rest() })
        catalogue.positions = decoded.0
        catalogue.indicators = decoded.1.indicators
        // Built from the codes when a code is first looked up (not written: most queries never do).
        catalogue.codes = CodeIndex(nil)
        var store = decoded.1.store
        let diagnostics = decoded.1.diagnostics
        let indicatorCount = catalogue.indicators.count
        for p in catalogue.positions where p.indicatorIndices.contains(where: { $0 >= indicatorCount }) {
            throw .damaged("position \(p.code) names an indicator past \(indicatorCount)")
        }
        // Decoded: their pages need not stay while the rows are copied (the peak).
        for k in 1...4 { release?(sections[k]) }
        guard sections[5].count % MemoryLayout<StoredRow>.stride == 0, sections[6].count % 8 == 0, sections[7].count % 4 == 0,
              sections[8].count % 4 == 0 else {
            throw .damaged("rows of a part size")
        }
        var rows = ByteReader(sections[5]), numbers = ByteReader(sections[6])
        if let owner {
            store.stored = try rows.view(StoredRow.self, count: sections[5].count / MemoryLayout<StoredRow>.stride, owner: owner)
            store.numbers = try numbers.view(Double.self, count: sections[6].count / 8, owner: owner)
        } else {
            store.stored = MappedArray(try rows.raw(StoredRow.self, count: sections[5].count / MemoryLayout<StoredRow>.stride, done: release))
            store.numbers = MappedArray(try numbers.raw(Double.self, count: sections[6].count / 8, done: release))
        }
        var perIndicator = ByteReader(sections[7])
        store.lastRow = try perIndicator.raw(Int32.self, count: sections[7].count / 4)
        perIndicator = ByteReader(sections[8])
        store.rowCount = try perIndicator.raw(Int32.self, count: sections[8].count / 4)
        try store.checkAndIndex(indicators: catalogue.indicators.count, release: owner == nil ? nil : release)
        if var hashed = hashes?() {
            guard hashed.withUTF8({ same(UnsafeRawBufferPointer(rebasing: sections[0][stated...]), UnsafeRawBufferPointer($0)) }) else { throw .stale }
        }
        return (Dataset(catalogue: catalogue, realisations: store), diagnostics)
    }
}

/// Equal bytes, compared by `memcmp` (`elementsEqual` steps through iterators a byte at a time:
/// 70 M instructions for a province's key).
private func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
}

extension ByteReader {
    mutating func location() throws(SnapshotProblem) -> SourceLocation {
        let file = try string(), line = try int(), column = try int()
        return SourceLocation(file: file, line: line, column: column, place: try optionalString())
    }

    mutating func metadata() throws(SnapshotProblem) -> Metadata {
        var m = Metadata()
        m.office = try optionalString()
        m.region = try optionalString()
        m.head = try optionalString()
        m.headTitle = try optionalString()
        m.rank = try optionalString()
        m.nip = try optionalString()
        return m
    }

    mutating func message() throws(SnapshotProblem) -> Message? {
        guard try bool() else { return nil }
        let id = try string(), english = try string()
        return .restored(id: id, english: english, indonesian: try string())
    }

    /// Each enum's cases, taken once per read (`allCases` per record would allocate each time).
    struct Cases {
        let unit = UnitKind.allCases, evidence = Evidence.Kind.allCases, confidence = Confidence.allCases
        let indicator = IndicatorKind.allCases, polarity = Polarity.allCases, consolidation = Consolidation.allCases
    }

    /// The catalogue's file, metadata, offices and units: what positions and the rest refer to.
    mutating func catalogueHead() throws(SnapshotProblem) -> Catalogue {
        var c = Catalogue(file: try string(), metadata: try metadata())
        let cases = Cases()
        let officeCount = try count(size: 32)
        for _ in 0..<officeCount {
            let metadata = try metadata()
            c.offices.append(Office(metadata: metadata, file: try string(), code: try string()))
        }
        let unitCount = try count(size: 25)
        for _ in 0..<unitCount {
            var unit = Unit(kind: try ordinal(cases.unit), fullName: try string(), shortName: try string(),
                            parent: try optionalIndex(below: unitCount))
            unit.office = try int()
            c.organisation.units.append(unit)
        }
        try organisationIndex(&c.organisation)
        return c
    }

    /// Indicator indices are checked by the caller, once the indicators' count is known.
    /// `release` is told of the bytes decoded, every `releaseEvery` records.
    mutating func positions(units: Int, offices: Int, release: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(SnapshotProblem) -> [Position] {
        let cases = Cases()
        let positionCount = try count(size: 64)
        var list: [Position] = []
        list.reserveCapacity(positionCount)
        var released = 0
        for k in 0..<positionCount {
            list.append(try position(units: units, offices: offices, cases: cases))
            if k % Self.releaseEvery == 0 { self.release(since: &released, release) }
        }
        return list
    }

    /// Records decoded between two releases of the bytes behind them (about 1 MB).
    static let releaseEvery = 8192

    /// Tells `release` of the bytes read since `from`, then moves `from` to the offset.
    func release(since from: inout Int, _ release: ((UnsafeRawBufferPointer) -> Void)?) {
        guard let release, offset > from else { return }
        release(UnsafeRawBufferPointer(start: base + from, count: offset - from))
        from = offset
    }

    /// What follows the positions: indicators, the store's side tables and the
    /// load's diagnostics.
    struct Rest: Sendable {
        var indicators: [Indicator]
        var store: RealisationStore
        var diagnostics: [Diagnostic]
    }

    mutating func rest(positions positionCount: Int, release: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(SnapshotProblem) -> Rest {
        let cases = Cases()
        let indicatorCount = try count(size: 64)
        var indicators: [Indicator] = []
        indicators.reserveCapacity(indicatorCount)
        var released = 0
        for k in 0..<indicatorCount {
            indicators.append(try indicator(positions: positionCount, cases: cases))
            if k % Self.releaseEvery == 0 { self.release(since: &released, release) }
        }
        let store = try store(indicators: indicatorCount)
        return Rest(indicators: indicators, store: store, diagnostics: try diagnostics())
    }

    /// The units' name index as the load built it (computing each name's key again was a tenth
    /// of a warm open); an organisation written without one is indexed here.
    mutating func organisationIndex(_ organisation: inout Organisation) throws(SnapshotProblem) {
        guard try bool() else { return organisation.index() }
        let units = organisation.units.count
        let keyCount = try count(size: 12)
        var index: [String: [Int]] = [:]
        index.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            let key = try string()
            index[key] = try indices(below: units)
        }
        organisation.keyIndex = index
        organisation.indexedCount = units
    }

    mutating func position(units: Int, offices: Int, cases: Cases) throws(SnapshotProblem) -> Position {
        let title = try string(), tasks = try strings(), functions = try strings()
        let indicators = try indices(below: Int.max)
        var p = Position(title: title, location: SourceLocation(file: "", line: 0))
        p.tasks = tasks
        p.functions = functions
        p.indicatorIndices = indicators
        p.location = try location()
        p.code = try string()
        p.office = try index(below: offices)
        p.superiorText = try optionalString()
        p.unit = try optionalIndex(below: units)
        p.heads = try optionalIndex(below: units)
        p.unresolvedReason = try message()
        let evidenceCount = try count(size: 30)
        for _ in 0..<evidenceCount {
            let kind = try ordinal(cases.evidence), unit = try index(below: units), exact = try bool(), weight = try double()
            if p.evidence.isEmpty { p.evidence.reserveCapacity(evidenceCount) }
            let text = try string(), line = try int()
            guard line >= 0, line <= Int(Int32.max) else { throw .damaged("an evidence line \(line)") }
            p.evidence.append(line == 0 ? Evidence(kind: kind, unit: unit, exact: exact, weight: weight, quote: text)
                                        : Evidence(kind: kind, unit: unit, exact: exact, weight: weight, file: text, line: line))
        }
        p.confidence = try ordinal(cases.confidence)
        p.candidates = try indices(below: units)
        return p
    }

    mutating func indicator(positions: Int, cases: Cases) throws(SnapshotProblem) -> Indicator {
        let code = try string(), name = try string(), objective = try string()
        let formula = Formula(kind: try ordinal(cases.indicator), numerator: try optionalString(), denominator: try optionalString(),
                              text: try string(), yearlyTarget: try optionalDouble(), targetUnit: try optionalString())
        var i = Indicator(code: code, name: name, objective: objective, formula: formula, source: try string(),
                          positionIndex: try index(below: positions), ordinal: try int(), location: try location())
        i.polarity = try ordinal(cases.polarity)
        i.consolidation = try optionalOrdinal(cases.consolidation)
        return i
    }

    mutating func store(indicators: Int) throws(SnapshotProblem) -> RealisationStore {
        var s = RealisationStore(indicatorCount: 0)
        s.files = try strings()
        s.fileStarts = try indices(below: Int(Int32.max))
        let sheetCount = try count(size: 4)
        for _ in 0..<sheetCount { s.sheets.append(try optionalString()) }
        guard s.fileStarts.count == s.files.count, s.sheets.count == s.files.count else { throw .damaged("the files of the rows") }
        s.noteTexts = try strings()
        for (k, text) in s.noteTexts.enumerated() { s.noteNumbers[text] = Int32(k) }
        let noteCount = try count(size: 16)
        s.notes.reserveCapacity(noteCount)
        for _ in 0..<noteCount {
            let row = Int32(try index(below: Int(Int32.max)))
            s.notes[row] = Int32(try index(below: s.noteTexts.count))
        }
        let upperCount = try count(size: 16)
        for _ in 0..<upperCount {
            let row = Int32(try index(below: Int(Int32.max)))
            s.targetUppers[row] = try double()
        }
        let declaredCount = try count(size: 16)
        for _ in 0..<declaredCount {
            let indicator = try index(below: indicators)
            let settingCount = try count(size: 12)
            for _ in 0..<settingCount {
                let name = try string(), text = try string()
                guard let field = RealisationFile.settingColumns.first(where: { $0.name == name }) else { throw .damaged("a declared setting") }
                s.declared.declare(indicator, field, text: text, at: try location())
            }
        }
        s.latestReported = try period()
        s.latestMonth = try period()
        return s
    }

    mutating func period() throws(SnapshotProblem) -> Period? {
        guard try bool() else { return nil }
        let packed = try u32()
        guard Period.Granularity(rawValue: Int(packed >> 4 & 0xF)) != nil else { throw .damaged("a period") }
        return Period(packed: packed)
    }

    mutating func diagnostics() throws(SnapshotProblem) -> [Diagnostic] {
        let n = try count(size: 30)
        var list: [Diagnostic] = []
        list.reserveCapacity(n)
        for _ in 0..<n {
            let severity: Diagnostic.Severity = try u8() == 1 ? .error : .warning
            let location = try bool() ? try location() : nil
            var d = Diagnostic(severity, try string(), at: location, notes: try strings())
            d.length = try int()
            d.id = try optionalString()
            list.append(d)
        }
        return list
    }
}

extension RealisationStore {
    /// Checks what the rows point at (their indicator, the row before, a valid period) and builds
    /// the by-year index, which follows from the rows as `append` builds it.
    /// `release` is told of each 8 MB of rows checked (rows read in place: the queries fault in
    /// the pages they read).
    mutating func checkAndIndex(indicators: Int, release: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(SnapshotProblem) {
        guard lastRow.count == indicators, rowCount.count == indicators else { throw .damaged("the rows per indicator") }
        let rowTotal = stored.count, numberTotal = numbers.count
        guard fileStarts.allSatisfy({ $0 <= rowTotal }), zip(fileStarts, fileStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw .damaged("the files' first rows")
        }
        guard lastRow.allSatisfy({ $0 >= -1 && Int($0) < rowTotal }), rowCount.allSatisfy({ $0 >= 0 }),
              notes.keys.allSatisfy({ Int($0) < rowTotal }), targetUppers.keys.allSatisfy({ Int($0) < rowTotal }) else {
            throw .damaged("the rows per indicator")
        }
        var counts = [Int32](repeating: 0, count: indicators)
        let perIndicator = rowCount
        var years = byYear
        // The first row that is not valid, if any (a closure cannot throw the typed error). Counts
        // through buffers: an indicator is checked below `indicators`, both arrays' count.
        let bad: Int? = stored.withUnsafeBufferPointer { rows in counts.withUnsafeMutableBufferPointer { counts in perIndicator.withUnsafeBufferPointer { perIndicator in
            let perPiece = max(1, WordHash.chunk / MemoryLayout<StoredRow>.stride)
            for piece in stride(from: 0, to: rows.count, by: perPiece) {
                let end = min(piece + perPiece, rows.count)
                for k in piece..<end {
                    let row = rows[k]
                    guard row.indicator >= 0, Int(row.indicator) < indicators, row.previous >= -1, Int(row.previous) < k, row.present <= 0xF,
                          Int(row.firstNumber) + row.numberCount <= numberTotal,
                          Period.Granularity(rawValue: Int(row.period >> 4 & 0xF)) != nil else {
                        return k
                    }
                    counts[Int(row.indicator)] += 1
                    if perIndicator[Int(row.indicator)] > Self.indexedFrom {
                        years[row.indicator, default: [:]][row.period >> 8, default: []].append(Int32(k))
                    }
                }
                release?(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(rows)[piece * MemoryLayout<StoredRow>.stride..<end * MemoryLayout<StoredRow>.stride]))
            }
            return nil
        } } }
        if let bad { throw .damaged("row \(bad)") }
        byYear = years
        guard counts == rowCount else { throw .damaged("the rows per indicator") }
    }
}
