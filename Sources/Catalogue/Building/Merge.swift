import Foundation

extension Catalogue {
    /// One catalogue of several offices' catalogues: positions, indicators and units side by side,
    /// each knowing its office. Indicator codes get the office's code in front
    /// (`KMAL.DKUMIK.SDIN-1`), so they stay unique across offices.
    ///
    /// Offices are merged one at a time, so that a loader can let each part go once it is in (the
    /// merged catalogue shares the parts' Strings, not their arrays).
    struct Merger {
        private var merged: Catalogue
        private var taken: Set<String> = []
        /// The texts kept so far. Offices repeat tasks, functions and indicators word for word,
        /// and a repeat then shares the String kept first instead of keeping its own copy.
        private var texts = TextTable<Void>()

        init(count: Int) { merged = Catalogue(file: "\(count) catalogues") }

        /// Takes `part` in. Its arrays, handed over (`Load` keeps no other copy), are changed in
        /// place and appended: a position's tasks, evidence and indices are not copied, nor freed
        /// here on the merging thread.
        mutating func add(_ part: consuming Catalogue) {
            let k = merged.offices.count
            var code = officeCode(part.metadata, file: part.file)
            if taken.contains(code) {
                // Two letters from the signature block only, so the same data gets the same codes
                // however its files are named or given; identical blocks are numbered.
                let base = code + "." + IndicatorCodes.suffix(title: (part.metadata.region ?? "") + "|" + (part.metadata.office ?? ""))
                code = base
                var n = 2
                while taken.contains(code) { code = base + String(n); n += 1 }
            }
            taken.insert(code)
            merged.offices.append(Office(metadata: part.metadata, file: part.file, code: code))

            let positionOffset = merged.positions.count, indicatorOffset = merged.indicators.count
            let unitOffset = merged.organisation.units.count
            for var unit in part.organisation.units {
                unit.parent = unit.parent.map { $0 + unitOffset }
                unit.office = k
                merged.organisation.units.append(unit)
            }
            var positions = part.positions
            part.positions = []
            for p in positions.indices {
                positions[p].office = k
                positions[p].title = shared(positions[p].title)
                share(&positions[p].tasks)
                share(&positions[p].functions)
                positions[p].superiorText = positions[p].superiorText.map { shared($0) }
                positions[p].unit = positions[p].unit.map { $0 + unitOffset }
                positions[p].heads = positions[p].heads.map { $0 + unitOffset }
                for e in positions[p].evidence.indices { positions[p].evidence[e].unit += unitOffset }
                for c in positions[p].candidates.indices { positions[p].candidates[c] += unitOffset }
                for i in positions[p].indicatorIndices.indices { positions[p].indicatorIndices[i] += indicatorOffset }
            }
            merged.positions.append(contentsOf: positions)
            var indicators = part.indicators
            part.indicators = []
            merged.codeIndex.reserveCapacity(merged.codeIndex.count + indicators.count)
            for i in indicators.indices {
                indicators[i].positionIndex += positionOffset
                indicators[i].name = shared(indicators[i].name)
                indicators[i].objective = shared(indicators[i].objective)
                indicators[i].source = shared(indicators[i].source)
                indicators[i].formula.text = shared(indicators[i].formula.text)
                indicators[i].formula.numerator = indicators[i].formula.numerator.map { shared($0) }
                indicators[i].formula.denominator = indicators[i].formula.denominator.map { shared($0) }
                indicators[i].code = code + "." + indicators[i].code
                merged.codeIndex[IndicatorCodes.key(indicators[i].code)] = indicatorOffset + i
            }
            merged.indicators.append(contentsOf: indicators)
        }

        private mutating func share(_ texts: inout [String]) {
            for t in texts.indices { texts[t] = shared(texts[t]) }
        }

        /// The String kept for this text. (Up to 15 bytes a String needs no storage of its own.)
        private mutating func shared(_ text: String) -> String {
            text.utf8.count <= 15 ? text : texts.kept(text)
        }

        mutating func finish() -> Catalogue {
            merged.organisation.index()
            return merged
        }
    }

    /// REGION.OFFICE from the signature block, each part made like a position code
    /// (KABUPATEN MALANG -> KMAL, DINAS KOPERASI DAN USAHA MIKRO -> DKUMIK); the file's name when
    /// the block is missing.
    static func officeCode(_ metadata: Metadata, file: String) -> String {
        guard let office = metadata.office else {
            return IndicatorCodes.positionCode(title: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        }
        let region = metadata.region.map { IndicatorCodes.positionCode(title: $0) + "." } ?? ""
        return region + IndicatorCodes.positionCode(title: office)
    }
}
