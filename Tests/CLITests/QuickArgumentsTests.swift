import ArgumentParser
import Foundation
@testable import iki
import Testing

/// The run command's quick parse (`QuickArguments`) reads what it accepts exactly as the declared
/// swift-argument-parser commands do, declines everything else, and knows every declared option.
@Suite("Quick parse of the run command")
struct QuickArgumentsTests {
    static let accepted: [[String]] = [
        [],
        ["-c", "show units"],
        ["-c", ""],
        ["-c", "show units", "--format", "csv"],
        ["-c", "show units", "-c", "show positions", "--format=json"],
        ["--csv", "-c", "x"], ["--json", "-c", "x"], ["--markdown", "--no-pager", "-c", "x"],
        ["--format", "csv", "--csv", "-c", "x"],
        ["--width", "120", "-c", "x"], ["--width=0", "-c", "x"],
        ["-f", "a.iki", "-f", "b.iki"],
        ["-o", "out.csv", "-c", "x"],
        ["--param", "p=1", "--param", "q=2", "-c", "x"],
        ["--keep-going", "--strict", "--safe", "--export-dir", "out", "-c", "x"],
        ["--lang", "en", "-c", "x"], ["--lang=id", "-c", "x"],
        ["--catalogue", "a", "--catalogue=b", "--organisation", "o.csv", "--realisations", "r", "--realisations", "s",
         "--decimal-comma", "--scale", "90,75", "--rules", "permenpan-6-2022", "--no-config", "-q", "--no-cache", "--snapshot", "s.snap"],
        ["--quiet", "-c", "x"],
    ]

    static let declined: [[String]] = [
        ["--help"], ["-h"], ["help"], ["--version"], ["check"], ["template"], ["script.iki"], ["-c", "x", "script.iki"],
        ["-c"], ["-c", "-x"], ["-f", "-"], ["--format", "xml"], ["--format="], ["--format", "csv", "--format", "json"],
        ["--csv", "--csv"], ["--csv=yes"], ["--width", "-3"], ["--width", "1e3"], ["--width", "+3"], ["--width", ""],
        ["--csv", "--json", "-c", "x"], ["--format", "tsv", "--csv", "-c", "x"], ["--bogus"], ["--"], ["-qc", "x"], ["-c=x"], ["-o", "a", "-o", "b"],
        ["--generate-completion-script", "bash"],
    ]

    /// Every stored property, the option group's included: an option left unset reads
    /// `*definition*` here rather than crashing.
    static func describe(_ value: Any) -> String {
        Mirror(reflecting: value).children.map { "\($0.label ?? "?")=\(String(describing: $0.value))" }.joined(separator: "\n")
    }

    @Test("what it accepts parses as swift-argument-parser parses it, every property set", arguments: accepted)
    func sameAsDeclared(_ arguments: [String]) throws {
        let quick = try #require(QuickArguments.run(arguments), "declined \(arguments)")
        let declared = try #require(try Iki.parseAsRoot(arguments) as? Run)
        let described = Self.describe(quick)
        #expect(!described.contains("*definition*"), "\(arguments): \(described)")
        #expect(described == Self.describe(declared), "\(arguments)")
    }

    @Test("help, versions, subcommands, scripts and anything unusual are left to the declared parser", arguments: declined)
    func declines(_ arguments: [String]) {
        #expect(QuickArguments.run(arguments) == nil, "\(arguments)")
    }

    @Test("its tables name exactly the options the run command declares")
    func knowsEveryOption() throws {
        let help = try #require(try JSONSerialization.jsonObject(with: Data(Run._dumpHelp().utf8)) as? [String: Any])
        let command = try #require(help["command"] as? [String: Any])
        var declared: Set<String> = []
        for argument in try #require(command["arguments"] as? [[String: Any]]) {
            for name in argument["names"] as? [[String: String]] ?? [] {
                switch name["kind"] {
                case "long": declared.insert("--" + name["name"]!)
                case "short": declared.insert("-" + name["name"]!)
                default: declared.insert("-" + name["name"]!)
                }
            }
        }
        declared.subtract(["-h", "--help", "--version"])
        let known = Set(QuickArguments.Valued.allCases.flatMap(\.names) + QuickArguments.Switch.allCases.flatMap(\.names))
        #expect(known == declared)
    }
}
