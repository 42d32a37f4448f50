import Testing
@testable import Catalogue

/// What keeps a cold load's peak memory within 1.5x its input (issue 15): the values held once per
/// indicator or position stay small, and each compact form reads back exactly what the plain one
/// held.
@Suite("Cold memory: compact evaluations, evidence and declarations")
struct ColdMemoryTests {
    @Test("an evaluation is 120 bytes (168 with optional numbers); each number reads back as set, nil or not, whatever the others are")
    func evaluationNumbers() {
        #expect(MemoryLayout<Evaluation>.stride <= 120)
        let fields: [WritableKeyPath<Evaluation, Double?>] = [\.realisation, \.target, \.achievement, \.score, \.targetUpper]
        for (k, field) in fields.enumerated() {
            var e = Evaluation(realisation: 1, target: 2, achievement: 3, rows: 4)
            e.score = 5
            e.targetUpper = 6
            e[keyPath: field] = nil
            #expect(fields.enumerated().map { e[keyPath: $1] } == fields.indices.map { $0 == k ? nil : [1, 2, 3, 5, 6][$0] })
            e[keyPath: field] = 0
            #expect(e[keyPath: field] == 0, "0 is a number, not a missing one")
            e[keyPath: field] = -.infinity
            #expect(e[keyPath: field] == -.infinity)
        }
        #expect(Evaluation().realisation == nil && Evaluation().achievement == nil && Evaluation().score == nil)
    }

    @Test("evaluations are equal as their optionals are: nil equals nil, a set 0 is not nil")
    func evaluationEquality() {
        #expect(Evaluation() == Evaluation(rows: 0))
        #expect(Evaluation(realisation: 0) != Evaluation())
        var a = Evaluation(realisation: 1, category: "Baik"), b = a
        b.realisation = nil
        b.realisation = 1
        #expect(a == b, "a number set, cleared and set again")
        a.rule = "r"
        #expect(a != b)
        #expect(Evaluation(realisation: .nan) != Evaluation(realisation: .nan), "as Optional<Double> compares NaN")
    }

    @Test("an indicator is 208 bytes (224 with the formula's kind first); each field of its formula reads back as set")
    func indicatorLayout() {
        #expect(MemoryLayout<Indicator>.stride <= 208)
        #expect(MemoryLayout<Formula>.size <= 74)
        let formula = Formula(kind: .count, numerator: "n", denominator: "d", text: "t", yearlyTarget: 125, targetUnit: "KUMKM")
        #expect([formula.numerator, formula.denominator, formula.text, formula.targetUnit] == ["n", "d", "t", "KUMKM"])
        #expect(formula.kind == .count && formula.yearlyTarget == 125)
        let location = SourceLocation(file: "f", line: 3)
        let indicator = Indicator(code: "C-1", name: "n", objective: "o", formula: formula, source: "s", positionIndex: 4, ordinal: 5,
                                  location: location, polarity: .negative, consolidation: .last)
        #expect([indicator.code, indicator.name, indicator.objective, indicator.source] == ["C-1", "n", "o", "s"])
        #expect(indicator.formula == formula && indicator.positionIndex == 4 && indicator.ordinal == 5 && indicator.location == location)
        #expect(indicator.polarity == .negative && indicator.consolidation == .last && indicator.kind == .count)
    }

    @Test("evidence from the organisation file quotes file:line, kept as the file and its line; equal to the same quote in one String")
    func fileEvidence() throws {
        #expect(MemoryLayout<Evidence>.stride <= 40)
        let given = Evidence(kind: .file, unit: 2, exact: true, weight: 3, file: "/data/o.csv", line: 12)
        #expect(given.quote == "/data/o.csv:12")
        #expect(given == Evidence(kind: .file, unit: 2, exact: true, weight: 3, quote: "/data/o.csv:12"))
        #expect(given != Evidence(kind: .file, unit: 2, exact: true, weight: 3, file: "/data/o.csv", line: 13))
        var changed = given
        changed.quote = "other"
        #expect(changed.quote == "other")
        // Positions the file gives quote its line.
        var (c, _) = Bundled.catalogue()
        let records = try CSVReader.parse("position,unit\npramu kantor,Sub Bagian Umum dan Kepegawaian\n", file: "o.csv")
        #expect(OrganisationFile.apply(records: records, file: "o.csv", to: &c).isEmpty)
        let position = try #require(c.positions.first { $0.title == "PRAMU KANTOR" })
        #expect(position.evidence.map(\.quote) == ["o.csv:2"])
        // A snapshot keeps the file and the line apart (the path one table entry for every position
        // the file gives) and reads back the same value, field by field.
        let bytes = SnapshotWriter.bytes(Dataset(catalogue: c), diagnostics: [], key: "k")
        let (read, _) = try bytes.withUnsafeBytes { raw in try SnapshotReader.read(raw, key: "k") }
        let back = try #require(read.catalogue.positions.first { $0.title == "PRAMU KANTOR" })
        #expect(SnapshotTests.dump(back.evidence) == SnapshotTests.dump(position.evidence))
        #expect(back.evidence.map(\.text) == ["o.csv"] && back.evidence.map(\.line) == [2])
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "o.csv:2").count == 1, "no composed quote stored")
    }

    @Test("declarations: the first of each setting is kept per indicator; listed in the order first made, which declares them again the same")
    func declarations() {
        var declared = DeclaredSettings()
        let at = { (line: Int) in SourceLocation(file: "r.csv", line: line, column: 3) }
        declared.declare(7, .polarity, text: "negative", at: at(2))
        declared.declare(3, .consolidation, text: "average", at: at(3))
        declared.declare(7, .polarity, text: "positive", at: at(4))
        declared.declare(7, .consolidation, text: "last", at: at(5))
        #expect(declared.count == 2)
        #expect(declared[7, .polarity]?.text == "negative" && declared[7, .polarity]?.location == at(2))
        #expect(declared[7, .consolidation]?.text == "last" && declared[3, .polarity] == nil && declared[5, .polarity] == nil)
        let listed = declared.listed()
        #expect(listed.map { "\($0.indicator): " + $0.settings.map { "\($0.name)=\($0.1.text)" }.joined(separator: " ") }
                    == ["7: consolidation=last polarity=negative", "3: consolidation=average"])
        var again = DeclaredSettings()
        for (indicator, settings) in listed {
            for (name, d) in settings { again.declare(indicator, name == "polarity" ? .polarity : .consolidation, text: d.text, at: d.location) }
        }
        #expect(SnapshotTests.dump(again) == SnapshotTests.dump(declared))
    }
}
