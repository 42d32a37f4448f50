/// A loaded dataset and its diagnostics -> the snapshot's bytes (see `SnapshotFormat` for the
/// layout). Everything the load produced is written, field by field in the order
/// `SnapshotReader` reads it back; a field added to the model and not here makes
/// `SnapshotTests` ("round trip") fail, as its dump compares every field.
enum SnapshotWriter {
    /// Hands the file's bytes to `emit` a piece at a time: the rows go from the store's own
    /// array, not copied into a buffer first.
    static func write(_ dataset: Dataset, diagnostics: [Diagnostic], key: String, to emit: (UnsafeRawBufferPointer) -> Void) {
        // The model in three sections: what both others need (offices, units), the positions, then
        // the rest; the reader decodes the last two at once. The code index is not written: the
        // catalogue builds it from the codes when one is first looked up.
        var model = ByteWriter()
        model.catalogueHead(dataset.catalogue)
        let positionsStart = model.bytes.count
        model.positions(dataset.catalogue.positions)
        let restStart = model.bytes.count
        model.indicators(dataset.catalogue)
        model.store(dataset.realisations)
        model.diagnostics(diagnostics)
        // The table and the records are sections of their own, so neither is copied into the other.
        let strings = model.stringTable()
        model.strings = [:]
        let store = dataset.realisations
        let keyBytes = Array(key.utf8)
        var checksum = WordHash()
        var header = ByteWriter()
        header.bytes = SnapshotFormat.magic
        header.u32(SnapshotFormat.version)
        header.u32(UInt32(SnapshotFormat.sectionCount))
        let lengths = [keyBytes.count, strings.count, positionsStart, restStart - positionsStart, model.bytes.count - restStart,
                       store.stored.count * MemoryLayout<StoredRow>.stride, store.numbers.count * 8, store.lastRow.count * 4, store.rowCount.count * 4]
        for length in lengths { header.u64(UInt64(length)) }
        header.bytes.withUnsafeBytes(emit)
        let zeros = [UInt8](repeating: 0, count: 8)
        func section(_ raw: UnsafeRawBufferPointer) {
            checksum.add(raw)
            emit(raw)
            zeros.withUnsafeBytes { emit(UnsafeRawBufferPointer(rebasing: $0.prefix(SnapshotFormat.padding(raw.count)))) }
        }
        keyBytes.withUnsafeBytes(section)
        strings.withUnsafeBytes(section)
        model.bytes.withUnsafeBytes { bytes in
            for part in [0..<positionsStart, positionsStart..<restStart, restStart..<bytes.count] {
                section(UnsafeRawBufferPointer(rebasing: bytes[part]))
            }
        }
        store.stored.withUnsafeBytes(section)
        store.numbers.withUnsafeBytes(section)
        store.lastRow.withUnsafeBytes(section)
        store.rowCount.withUnsafeBytes(section)
        var trailer = ByteWriter()
        trailer.u64(checksum.value)
        trailer.bytes += SnapshotFormat.endMagic
        trailer.bytes.withUnsafeBytes(emit)
    }

    /// The whole file in memory (tests, and a small dataset).
    static func bytes(_ dataset: Dataset, diagnostics: [Diagnostic], key: String) -> [UInt8] {
        var out: [UInt8] = []
        write(dataset, diagnostics: diagnostics, key: key) { out.append(contentsOf: $0) }
        return out
    }
}

extension ByteWriter {
    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
        string(l.place)
    }

    mutating func metadata(_ m: Metadata) {
        for field in [m.office, m.region, m.head, m.headTitle, m.rank, m.nip] { string(field) }
    }

    mutating func message(_ m: Message?) {
        bool(m != nil)
        guard let m else { return }
        string(m.id)
        string(m.english)
        string(m.indonesian)
    }

    mutating func catalogueHead(_ c: Catalogue) {
        string(c.file)
        metadata(c.metadata)
        int(c.offices.count)
        for office in c.offices {
            metadata(office.metadata)
            string(office.file)
            string(office.code)
        }
        int(c.organisation.units.count)
        for unit in c.organisation.units {
            ordinal(unit.kind)
            string(unit.fullName)
            string(unit.shortName)
            int(unit.parent)
            int(unit.office)
        }
        let index = c.organisation.indexedCount == c.organisation.units.count ? c.organisation.keyIndex : nil
        bool(index != nil)
        if let index {
            int(index.count)
            for (key, ids) in index {
                string(key)
                ints(ids)
            }
        }
    }

    mutating func positions(_ list: [Position]) {
        int(list.count)
        for p in list { position(p) }
    }

    mutating func indicators(_ c: Catalogue) {
        int(c.indicators.count)
        for i in c.indicators { indicator(i) }
    }

    mutating func position(_ p: Position) {
        string(p.title)
        strings(p.tasks)
        strings(p.functions)
        ints(p.indicatorIndices)
        location(p.location)
        string(p.code)
        int(p.office)
        string(p.superiorText)
        int(p.unit)
        int(p.heads)
        message(p.unresolvedReason)
        int(p.evidence.count)
        for e in p.evidence {
            ordinal(e.kind)
            int(e.unit)
            bool(e.exact)
            double(e.weight)
            // The organisation file's path and line apart: one table entry for every position it gives.
            string(e.text)
            int(Int(e.line))
        }
        ordinal(p.confidence)
        ints(p.candidates)
    }

    mutating func indicator(_ i: Indicator) {
        string(i.code)
        string(i.name)
        string(i.objective)
        ordinal(i.formula.kind)
        string(i.formula.numerator)
        string(i.formula.denominator)
        string(i.formula.text)
        double(i.formula.yearlyTarget)
        string(i.formula.targetUnit)
        string(i.source)
        int(i.positionIndex)
        int(i.ordinal)
        location(i.location)
        ordinal(i.polarity)
        optionalOrdinal(i.consolidation)
    }

    /// The store's side tables; its rows and per-indicator arrays are sections of their own.
    mutating func store(_ s: RealisationStore) {
        strings(s.files)
        ints(s.fileStarts)
        int(s.sheets.count)
        for sheet in s.sheets { string(sheet) }
        strings(s.noteTexts)
        int(s.notes.count)
        for (row, note) in s.notes.sorted(by: { $0.key < $1.key }) {
            int(Int(row))
            int(Int(note))
        }
        int(s.targetUppers.count)
        for (row, upper) in s.targetUppers.sorted(by: { $0.key < $1.key }) {
            int(Int(row))
            double(upper)
        }
        int(s.declared.count)
        for (indicator, settings) in s.declared.listed() {
            int(indicator)
            int(settings.count)
            for (name, declaration) in settings {
                string(name)
                string(declaration.text)
                location(declaration.location)
            }
        }
        for period in [s.latestReported, s.latestMonth] {
            bool(period != nil)
            if let period { u32(period.packed) }
        }
    }

    mutating func diagnostics(_ list: [Diagnostic]) {
        int(list.count)
        for d in list {
            u8(d.severity == .error ? 1 : 0)
            bool(d.location != nil)
            if let l = d.location { location(l) }
            string(d.message)
            strings(d.notes)
            int(d.length)
            string(d.id)
        }
    }
}
