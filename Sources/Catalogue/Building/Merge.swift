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
        private var texts: Set<ExactText> = []

        init(count: Int) { merged = Catalogue(file: "\(count) catalogues") }

        mutating func add(_ part: Catalogue) {
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
            for var position in part.positions {
                position.office = k
                position.title = shared(position.title)
                position.tasks = position.tasks.map { shared($0) }
                position.functions = position.functions.map { shared($0) }
                position.superiorText = position.superiorText.map { shared($0) }
                position.unit = position.unit.map { $0 + unitOffset }
                position.heads = position.heads.map { $0 + unitOffset }
                for e in position.evidence.indices { position.evidence[e].unit += unitOffset }
                position.candidates = position.candidates.map { $0 + unitOffset }
                position.indicatorIndices = position.indicatorIndices.map { $0 + indicatorOffset }
                merged.positions.append(position)
            }
            for var indicator in part.indicators {
                indicator.positionIndex += positionOffset
                indicator.name = shared(indicator.name)
                indicator.objective = shared(indicator.objective)
                indicator.source = shared(indicator.source)
                indicator.formula.text = shared(indicator.formula.text)
                indicator.formula.numerator = indicator.formula.numerator.map { shared($0) }
                indicator.formula.denominator = indicator.formula.denominator.map { shared($0) }
                indicator.code = code + "." + indicator.code
                merged.codeIndex[IndicatorCodes.key(indicator.code)] = merged.indicators.count
                merged.indicators.append(indicator)
            }
        }

        /// The String kept for this text. (Up to 15 bytes a String needs no storage of its own.)
        private mutating func shared(_ text: String) -> String {
            text.utf8.count <= 15 ? text : texts.insert(ExactText(string: text)).memberAfterInsert.string
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
