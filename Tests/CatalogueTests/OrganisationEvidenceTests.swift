import Foundation
import Testing
@testable import Catalogue

/// The unit and bidang (full names) of a position, "-" when unknown.
private func placed(_ c: Catalogue, _ title: String) -> String {
    guard let p = c.positions.first(where: { $0.title == title }) else { return "no such position" }
    return (c.unit(of: p)?.fullName ?? "-") + " / " + (c.bidang(of: p)?.fullName ?? "-")
}

private func evidence(_ c: Catalogue, _ title: String) -> [String] {
    let p = c.positions.first { $0.title == title }!
    return p.evidence.map { "\($0.kind.rawValue) \(c.organisation.units[$0.unit].fullName)\($0.exact ? " (exact)" : "")" }
}

private func confidence(_ c: Catalogue, _ title: String) -> Confidence { c.positions.first { $0.title == title }!.confidence }

@Suite("Organisation: inferred from all the evidence, scored and explained")
struct OrganisationEvidenceTests {
    @Test("the bundled catalogue without its organisation file: at least 48 of 54 positions placed, not one in a bidang other than the organisation file's")
    func bundledAgainstReference() {
        let (inferred, _) = Bundled.catalogue()
        let (reference, _) = Bundled.organised()
        #expect(inferred.positions.count == 54)
        var resolved = 0
        for (p, position) in inferred.positions.enumerated() {
            #expect(reference.positions[p].title == position.title)
            let expected = reference.bidang(of: reference.positions[p])?.fullName
            #expect(expected != nil, "the reference places \(position.title)")
            guard let bidang = inferred.bidang(of: position)?.fullName else { continue }
            resolved += 1
            #expect(bidang == expected, "\(position.title): inferred \(bidang), the organisation file says \(expected ?? "-")")
        }
        #expect(resolved >= 48)
        #expect(inferred.unresolvedPositions.map { inferred.positions[$0].title } == [
            "TENAGA KEBERSIHAN", "PENGELOLA SISTEM INFORMASI", "PELAKSANA URUSAN PENAGIHAN",
        ])
    }

    @Test("the positions the issue names are placed by the unit their title names, whole or in part")
    func titlesNameUnits() {
        let (c, _) = Bundled.catalogue()
        #expect(placed(c, "OPERATOR UMUM DAN KEPEGAWAIAN") == "Sub Bagian Umum dan Kepegawaian / Sekretariat")
        #expect(placed(c, "PENGOLAH DATA PERDAGANGAN, INDUSTRI DAN PERTAMBANGAN") == "Seksi Perdagangan, Industri dan Pertambangan / Bidang Bina Produksi dan Pemasaran Koperasi")
        #expect(placed(c, "PENGADMINISTRASI KEUANGAN") == "Sub Bagian Keuangan dan Aset / Sekretariat")
        #expect(placed(c, "PEMBINA FASILITASI PEMBIAYAAN JASA KEUANGAN DAN PENJAMINAN") == "Seksi Pembiayaan Jasa Keuangan dan Penjaminan / Bidang Bina Fasilitasi Pembiayaan")
        #expect(placed(c, "PEMBINA FASILITASI PERKUATAN PERMODALAN") == "Seksi Permodalan / Bidang Bina Fasilitasi Pembiayaan")
        #expect(evidence(c, "PENGADMINISTRASI KEUANGAN").first == "title-words Sub Bagian Keuangan dan Aset")
    }

    @Test("other evidence: a unit named in a text, words shared with a unit's name, the document's order; a seksi placed by its staff")
    func otherEvidence() {
        let (c, _) = Bundled.catalogue()
        // "Proposal ... yang masuk ke UPT Pengelola Dana Bergulir" (its data source).
        #expect(evidence(c, "PELAKSANA URUSAN ANALISA PINJAMAN").first == "text-names UPT Pengelola Dana Bergulir (exact)")
        // Between PENGADMINISTRASI UMUM and PENGADMINISTRASI KEPEGAWAIAN, nothing of its own.
        #expect(evidence(c, "PRAMU KANTOR") == ["document-order Sub Bagian Umum dan Kepegawaian", "document-order Sub Bagian Umum dan Kepegawaian"])
        #expect(confidence(c, "PRAMU KANTOR") == .low)
        // Its head reports to the Kepala Dinas; its Pengelola Data to the Kepala Bidang Produksi dan Pemasaran.
        #expect(placed(c, "KEPALA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN") == "Seksi Pertanian, Perkebunan dan Kehutanan / Bidang Bina Produksi dan Pemasaran Koperasi")
        #expect(confidence(c, "KEPALA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN") == .high)
        #expect(confidence(c, "BENDAHARA GAJI") == .high)
        #expect(evidence(c, "BENDAHARA GAJI").first == "superior Sub Bagian Keuangan dan Aset (exact)")
    }

    /// Two seksi whose names a tolerant match cannot tell apart ("Pembinaan" is a typo away from
    /// "Pembiayaan").
    static let twoSeksi = parse(
        block("KEPALA BIDANG BINA FASILITASI PEMBIAYAAN")
        + block("KEPALA SEKSI FASILITASI FASILITASI PEMBIAYAAN", superior: "Kepala Bidang Bina Fasilitasi Pembiayaan")
        + block("KEPALA SEKSI PEMBINAAN FASILITASI PEMBIAYAAN", superior: "Kepala Bidang Bina Fasilitasi Pembiayaan")
        + block("PENGELOLA DATA", superior: "Kepala Seksi Pembinaan Fasilitasi Pembiayaan")
        + block("PENGADMINISTRASI", superior: "Kepala Seksi Fasilitasi Pembiayaan")
        + signature
    ).0

    @Test("a unit named exactly in a task wins over a tolerant match: 'Kepala Seksi Pembinaan Fasilitasi Pembiayaan'")
    func exactBeatsTolerant() {
        let c = Self.twoSeksi
        #expect(placed(c, "PENGELOLA DATA") == "Seksi Pembinaan Fasilitasi Pembiayaan / Bidang Bina Fasilitasi Pembiayaan")
        #expect(evidence(c, "PENGELOLA DATA") == ["superior Seksi Pembinaan Fasilitasi Pembiayaan (exact)"])
        #expect(confidence(c, "PENGELOLA DATA") == .high)
    }

    @Test("a tie stays unresolved, and the warning names both candidates")
    func tieNamesBoth() {
        let c = Self.twoSeksi
        #expect(placed(c, "PENGADMINISTRASI") == "- / -")
        let p = c.positions.first { $0.title == "PENGADMINISTRASI" }!
        #expect(p.candidates.map { c.organisation.units[$0].fullName } == ["Seksi Fasilitasi Fasilitasi Pembiayaan", "Seksi Pembinaan Fasilitasi Pembiayaan"])
        #expect(c.organisationDiagnostics().map(\.description) == [
            "f.txt:47:14: warning: unit of 'PENGADMINISTRASI' is unresolved: the evidence points equally to Seksi Fasilitasi Fasilitasi Pembiayaan and Seksi Pembinaan Fasilitasi Pembiayaan; give it in the organisation file",
        ])
    }

    @Test("the organisation file's unit is given: its evidence is the file's line")
    func fileGives() {
        let (c, _) = Bundled.organised()
        #expect(confidence(c, "PRAMU KANTOR") == .given)
        #expect(c.positions.first { $0.title == "PRAMU KANTOR" }!.evidence.map(\.quote) == ["\(Bundled.organisationPath):37"])
    }

    @Test("scores: evidence for a bidang counts for its seksi; a lead decides the confidence")
    func scores() {
        var org = Organisation()
        let bidang = org.add(Unit(kind: .bidang, fullName: "Bidang A", shortName: "A"))
        let seksi = org.add(Unit(kind: .seksi, fullName: "Seksi B", shortName: "B", parent: bidang))
        let other = org.add(Unit(kind: .seksi, fullName: "Seksi C", shortName: "C", parent: bidang))
        func e(_ u: Int, _ w: Double) -> Evidence { Evidence(kind: .sharedWords, unit: u, exact: false, weight: w, quote: "") }
        #expect(EvidenceScore.decide([e(bidang, 10), e(seksi, 1)], in: org) == .init(unit: seksi, confidence: .high, tied: []))
        #expect(EvidenceScore.decide([e(seksi, 3), e(other, 3)], in: org) == .init(unit: nil, confidence: .unresolved, tied: [seksi, other]))
        #expect(EvidenceScore.decide([e(seksi, 4), e(other, 2)], in: org).confidence == .medium)
        #expect(EvidenceScore.decide([e(seksi, 2), e(other, 1)], in: org).confidence == .low)
        #expect(EvidenceScore.decide([], in: org) == .init(unit: nil, confidence: .unresolved, tied: []))
    }
}
