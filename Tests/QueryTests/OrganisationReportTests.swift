import Foundation
import Testing
@testable import Catalogue
@testable import Query
import Render

private func reportCell(_ v: Value) -> String { if case .text(let s) = v { return s } else { return "" } }

@Suite("iki organisation: the tree, and the draft organisation file")
struct OrganisationReportTests {
    @Test("the tree: office > bidang-level units > sub bagian and seksi > positions; every position once; unresolved and low marked")
    func tree() {
        let (c, _) = Bundled.catalogue()
        let result = OrganisationReport.tree(c)
        #expect(result.columns.map(\.name) == ["depth", "organisation", "kind", "unit", "confidence", "mark", "evidence"])
        let positions = result.rows.filter { ["head", "position"].contains(reportCell($0[2])) }
        #expect(positions.count == 54)
        #expect(Set(positions.map { reportCell($0[1]).trimmingCharacters(in: .whitespaces) }).count == 54)
        #expect(reportCell(result.rows[0][1]) == "Dinas Koperasi dan Usaha Mikro")
        #expect(reportCell(result.rows[1][1]) == "  Sekretariat")
        #expect(reportCell(result.rows[2][1]) == "    SEKRETARIS DINAS")
        let row = { (title: String) in positions.first { reportCell($0[1]).trimmingCharacters(in: .whitespaces) == title }! }
        #expect(reportCell(row("TENAGA KEBERSIHAN")[5]) == "unresolved")
        #expect(reportCell(row("PRAMU KANTOR")[5]) == "check")
        #expect(row("BENDAHARA GAJI")[5] == .missing)
        #expect(reportCell(row("BENDAHARA GAJI")[6]) == "superior +10: a task names its head: 'Kasubag Keuangan dan Aset'")
        // A seksi sits under its bidang, its positions under it.
        let names = result.rows.map { reportCell($0[1]) }
        let seksi = names.firstIndex(of: "    Seksi Permodalan")!
        #expect(names[seksi + 1] == "      KEPALA SEKSI PERMODALAN")
        #expect(names[..<seksi].last { $0.hasPrefix("  ") && !$0.hasPrefix("   ") } == "  Bidang Bina Fasilitasi Pembiayaan")
    }

    @Test("the draft lists exactly the unresolved and low-confidence positions, each with candidates and evidence")
    func draft() {
        let (c, _) = Bundled.catalogue()
        let draft = OrganisationReport.draft(c)
        #expect(draft.columns.map(\.name) == ["position", "unit", "parent", "note"])
        let listed = draft.rows.map { reportCell($0[0]) }
        let expected = c.positions.filter { $0.heads == nil && ($0.unit == nil || $0.confidence == .low) }.map(\.title)
        #expect(listed == expected)
        #expect(c.unresolvedPositions.allSatisfy { listed.contains(c.positions[$0].title) })
        let tie = draft.rows.first { reportCell($0[0]) == "TENAGA KEBERSIHAN" }!
        #expect(tie[1] == .missing)
        #expect(reportCell(tie[3]).hasPrefix("choose one of: Sub Bagian Umum dan Kepegawaian | Sub Bagian Keuangan dan Aset; "))
    }

    @Test("the draft with the right units filled in, loaded as the organisation file, resolves every position")
    func draftLoadsBack() throws {
        let (c, _) = Bundled.catalogue()
        let (reference, _) = Bundled.organised()
        let draft = OrganisationReport.draft(c)
        // What an analyst does: fill in each row's unit (the bundled organisation file's).
        var records = [["position", "unit", "parent", "note"]]
        for row in draft.rows {
            let title = reportCell(row[0])
            let unit = reference.unit(of: reference.positions.first { $0.title == title }!)!.fullName
            records.append([title, unit, "", reportCell(row[3])])
        }
        let text = CSVWriter.document(records)
        var loaded = c
        let diagnostics = OrganisationFile.apply(records: try CSVReader.parse(text, file: "draft.csv"), file: "draft.csv", to: &loaded)
        #expect(diagnostics.map(\.description) == [])
        #expect(loaded.unresolvedPositions == [])
        #expect(loaded.organisationDiagnostics().map(\.description) == [])
    }

    @Test("an unfilled draft loads nothing for its unresolved rows: each is an error at its empty cell")
    func unfilledDraft() throws {
        let (c, _) = Bundled.catalogue()
        let rows = OrganisationReport.draft(c).rows.map { $0.map(reportCell) }
        var loaded = c
        let text = CSVWriter.document([["position", "unit", "parent", "note"]] + rows)
        let diagnostics = OrganisationFile.apply(records: try CSVReader.parse(text, file: "draft.csv"), file: "draft.csv", to: &loaded)
        #expect(diagnostics.count == c.unresolvedPositions.count)
        #expect(diagnostics.allSatisfy { $0.id == "row-without-unit" })
    }
}
