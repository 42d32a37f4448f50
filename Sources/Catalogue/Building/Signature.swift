import Foundation

/// The closing block: title lines (`KEPALA DINAS`, `KOPERASI DAN USAHA MIKRO`, `KABUPATEN MALANG`),
/// then the head's name, rank and `NIP. ...`.
enum Signature {
    static func parse(_ lines: [String]) -> Metadata? {
        guard let nipIndex = lines.lastIndex(where: { $0.uppercased().hasPrefix("NIP") }) else { return nil }
        var metadata = Metadata()
        let nip = lines[nipIndex].dropFirst(3).drop(while: { $0 == "." || $0 == ":" || $0 == " " })
        metadata.nip = Text.trim(nip)
        if nipIndex >= 1 { metadata.rank = lines[nipIndex - 1] }
        if nipIndex >= 2 { metadata.head = lines[nipIndex - 2] }
        let titleLines = nipIndex >= 2 ? Array(lines[..<(nipIndex - 2)]) : []
        let regionStart = titleLines.firstIndex(where: { line in
            ["KABUPATEN", "KOTA", "PROVINSI"].contains { line.uppercased().hasPrefix($0 + " ") }
        })
        let officeLines = titleLines[..<(regionStart ?? titleLines.count)]
        if let regionStart {
            metadata.region = titleCase(titleLines[regionStart...].joined(separator: " "))
        }
        var office = officeLines.joined(separator: " ")
        if office.uppercased().hasPrefix("KEPALA ") { office = String(office.dropFirst(7)) }
        if !office.isEmpty {
            metadata.office = titleCase(office)
            metadata.headTitle = "Kepala " + titleCase(office)
        }
        return metadata
    }
}
