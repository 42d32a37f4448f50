import Foundation
import Catalogue
import Query
import Testing
@testable import Shell

/// The shell's help and `describe THING` in both languages; `iki --help` in Indonesian.
@Suite("Help in Bahasa Indonesia")
struct HelpLanguageTests {
    @Test("every help topic has its Indonesian text, different from the English")
    func topics() throws {
        for topic in Help.topicTable {
            let english = Language.$current.withValue(.english) { topic.text() }
            let indonesian = Language.$current.withValue(.indonesian) { topic.text() }
            #expect(!indonesian.isEmpty && indonesian != english, "help \(topic.name) is not in Indonesian")
        }
        let general = Language.$current.withValue(.indonesian) { Help.general }
        #expect(general != Language.$current.withValue(.english) { Help.general })
    }

    @Test("every field of every thing has its meaning in Indonesian, and no meaning is left over")
    func fieldMeanings() {
        var meanings: Set<String> = []
        for thing in Thing.allCases {
            for field in Schema.fields(thing) {
                meanings.insert(field.meaning)
                #expect(FieldMeanings.indonesian[field.meaning] != nil, "\(thing.rawValue).\(field.name): \(field.meaning)")
            }
        }
        #expect(Set(FieldMeanings.indonesian.keys).subtracting(meanings).isEmpty, "stale: \(Set(FieldMeanings.indonesian.keys).subtracting(meanings))")
    }

    @Test("bantuan set and describe indicators in a session set to Indonesian")
    func session() {
        let shell = Shell(format: .csv)
        #expect(shell.run("set language id; bantuan set; jelaskan indikator"))
        #expect(shell.out.contains("atur halaman nyala|mati"), "\(shell.out)")
        #expect(shell.out.contains("kode indikator, mis. SDIN-1"), "\(shell.out)")
        #expect(!shell.out.contains("the indicator's code"), "\(shell.out)")
    }

    @Test("LANG=id_ID.UTF-8 iki --help and iki --lang id --help print the help in Indonesian", arguments: [
        (["--help"], ["LANG": "id_ID.UTF-8"], "IKHTISAR: Kueri katalog Indikator Kinerja Individu (IKI)"),
        (["--lang", "id", "--help"], [:], "IKHTISAR: Jalankan kueri (-c) dan skrip"),
        (["check", "--help"], ["LC_ALL": "id_ID.UTF-8"], "IKHTISAR: Muat katalog, organisasi dan realisasi"),
        (["--help"], ["LANG": "C.UTF-8"], "OVERVIEW: Query Indikator Kinerja Individu (IKI)"),
    ])
    func commandLine(arguments: [String], locale: [String: String], overview: String) throws {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        environment.merge(locale) { $1 }
        let result = try Iki.run(executable: Iki.path(), arguments, in: nil, environment: environment)
        #expect(result.status == 0)
        let firstLines = result.stdout.split(separator: "\n").prefix(2).joined(separator: " ")
        #expect(firstLines.hasPrefix(overview), "\(result.stdout)")
        if overview.hasPrefix("IKHTISAR") {
            #expect(result.stdout.contains("PENGGUNAAN:") && result.stdout.contains("OPSI:"), "\(result.stdout)")
            #expect(!result.stdout.contains("OVERVIEW") && !result.stdout.contains("Show help information"), "\(result.stdout)")
        }
    }
}
