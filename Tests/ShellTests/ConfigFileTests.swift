import Catalogue
import Foundation
import Render
import Shell
import Testing

/// The configuration file's small parser: the keys, lists, comments, paths from its folder, and
/// each mistake rendered exactly as the user reads it.
@Suite("The configuration file (iki.toml, .ikirc)")
struct ConfigFileTests {
    func parse(_ text: String, folder: String = "/office") throws(Diagnostic) -> ConfigFile {
        try ConfigFile.parse(text, file: "iki.toml", folder: folder)
    }

    /// The rendered diagnostic of a text with a mistake (in English).
    func error(_ text: String) -> String {
        Language.$current.withValue(.english) {
            do { _ = try parse(text); return "no error" } catch { return String(describing: error) }
        }
    }

    @Test("every key, lists, comments and blank lines; relative paths from the file's folder")
    func keys() throws {
        let config = try parse("""
        # Dinas Koperasi
        catalogue = "iki.txt"   # the office's catalogue

        organisation = "/data/organisasi.csv"
        realisations = ["bulanan/", "targets 2026.csv", ]
        format = "CSV"
        language = "id"
        scale = "91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang"
        """)
        #expect(config.catalogue == ["/office/iki.txt"])
        #expect(config.organisation == "/data/organisasi.csv")
        #expect(config.realisations == ["/office/bulanan/", "/office/targets 2026.csv"])
        #expect(config.format == .csv)
        #expect(config.language == .indonesian)
        #expect(config.scale == "91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang")
    }

    @Test("a list key takes one value too; escapes in strings; CRLF lines; an empty file")
    func forms() throws {
        let config = try parse("realisations = \"a \\\"b\\\".csv\"\r\ncatalogue = [\"x.txt\",\"y.docx\"]\r\n")
        #expect(config.realisations == ["/office/a \"b\".csv"])
        #expect(config.catalogue == ["/office/x.txt", "/office/y.docx"])
        #expect(try parse("") == ConfigFile())
        #expect(try parse("  # only a comment\n\n") == ConfigFile())
    }

    @Test("each mistake is positioned and rendered exactly")
    func mistakes() {
        #expect(error("catalogue = \"a.txt\"\nrealisasi = \"b.csv\"") == """
        iki.toml:2:1: error: unknown key 'realisasi'; the keys are catalogue, organisation, realisations, format, language, scale
            did you mean realisations?
        """)
        #expect(error("xyzzy = \"1\"") == "iki.toml:1:1: error: unknown key 'xyzzy'; the keys are catalogue, organisation, realisations, format, language, scale")
        #expect(error("\n\ncatalogue = \"a.txt") == "iki.toml:3:13: error: unterminated string: the closing '\"' is missing on this line")
        #expect(error("realisations = [\"a.csv\", \"b.csv\"") == "iki.toml:1:16: error: unterminated list: the closing ']' is missing on this line")
        #expect(error("catalogue \"a.txt\"") == "iki.toml:1:11: error: expected '=' after 'catalogue', found '\"'")
        #expect(error("catalogue =") == "iki.toml:1:12: error: expected a value in double quotes (\"...\") or a list ([\"a\", \"b\"]), found the end of the line")
        #expect(error("catalogue = a.txt") == "iki.toml:1:13: error: expected a value in double quotes (\"...\") or a list ([\"a\", \"b\"]), found 'a'")
        #expect(error("catalogue = \"a.txt\" b") == "iki.toml:1:21: error: unexpected 'b' after the value; a comment starts with '#'")
        #expect(error("= \"a\"") == "iki.toml:1:1: error: expected a key name, as in 'catalogue = \"iki.txt\"', found '='")
        #expect(error("format = \"csv\"\nformat = \"json\"") == "iki.toml:2:1: error: 'format' is set twice; the first is on line 1")
        #expect(error("organisation = [\"a.csv\"]") == "iki.toml:1:16: error: 'organisation' takes one value in double quotes, not a list")
        #expect(error("catalogue = \"  \"") == "iki.toml:1:13: error: 'catalogue' needs a file or folder, not an empty text")
        #expect(error("format = \"xlsx\"") == "iki.toml:1:10: error: 'xlsx' is not an output format; the formats are \(OutputFormat.printable.joined(separator: ", "))")
        #expect(error("language = \"fr\"") == "iki.toml:1:12: error: 'fr' is not a language; write \"id\" (Bahasa Indonesia) or \"en\" (English)")
        #expect(error("scale = \"baik\"") == "iki.toml:1:9: error: 'baik' is not a scale; write its bands from the top, e.g. \"91=Sangat Baik,76=Baik,66=Cukup,51=Kurang,0=Sangat Kurang\"")
    }

    @Test("mistakes in Indonesian when the language is Indonesian")
    func indonesian() {
        let text = Language.$current.withValue(.indonesian) {
            do { _ = try parse("catalogue = \"a.txt"); return "" } catch { return String(describing: error) }
        }
        #expect(text.hasSuffix("teks tidak ditutup: tanda '\"' penutup tidak ada di baris ini"))
        #expect(text.hasPrefix("iki.toml:1:13: "))
    }

    @Test("found in the working folder (iki.toml before .ikirc), else under XDG_CONFIG_HOME, else ~/.config")
    func find() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iki-config-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let here = root + "/here", xdg = root + "/xdg", home = root + "/home"
        for folder in [here, xdg + "/iki", home + "/.config/iki"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        #expect(ConfigFile.find(in: here, environment: ["XDG_CONFIG_HOME": xdg, "HOME": home]) == nil)
        FileManager.default.createFile(atPath: home + "/.config/iki/iki.toml", contents: Data())
        #expect(ConfigFile.find(in: here, environment: ["HOME": home]) == home + "/.config/iki/iki.toml")
        FileManager.default.createFile(atPath: xdg + "/iki/iki.toml", contents: Data())
        #expect(ConfigFile.find(in: here, environment: ["XDG_CONFIG_HOME": xdg, "HOME": home]) == xdg + "/iki/iki.toml")
        FileManager.default.createFile(atPath: here + "/.ikirc", contents: Data())
        #expect(ConfigFile.find(in: here, environment: ["XDG_CONFIG_HOME": xdg]) == here + "/.ikirc")
        FileManager.default.createFile(atPath: here + "/iki.toml", contents: Data())
        #expect(ConfigFile.find(in: here, environment: ["XDG_CONFIG_HOME": xdg]) == here + "/iki.toml")
    }

    @Test("a file that is not UTF-8 is an error naming it")
    func unreadable() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iki-\(UUID().uuidString).toml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data([0x66, 0xff, 0xfe]))
        let text = Language.$current.withValue(.english) {
            do { _ = try ConfigFile.load(path: path, shownAs: "iki.toml"); return "" } catch { return String(describing: error) }
        }
        #expect(text == "error: cannot read the configuration file iki.toml (it must be UTF-8 text); --no-config ignores it")
    }
}
