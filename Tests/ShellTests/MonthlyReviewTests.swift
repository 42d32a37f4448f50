import Catalogue
import Foundation
import Query
import Testing

/// `examples/monthly-review.iki` over the bundled data for October 2026, its six CSVs checked
/// against what the Dataset API computes directly; and every script in `examples/queries`.
@Suite("The monthly review and the example scripts over the bundled data", .serialized)
struct MonthlyReviewTests {
    static let month = Period.month(2026, 10)
    static let previousMonth = Period.month(2026, 9)

    /// One indicator as the review sees it, computed here without the query language.
    struct Indicator {
        var index: Int
        var code: String
        var name: String
        var position: String
        var bidang: String
        var now: Evaluation
        var before: Evaluation
    }

    static let indicators: [Indicator] = {
        let dataset = Bundled.dataset, catalogue = dataset.catalogue
        return catalogue.indicators.enumerated().map { index, indicator in
            let position = catalogue.positions[indicator.positionIndex]
            return Indicator(index: index, code: indicator.code, name: indicator.name, position: position.title,
                             bidang: catalogue.bidang(of: position)?.shortName ?? "",
                             now: dataset.evaluate(index, in: month), before: dataset.evaluate(index, in: previousMonth))
        }
    }()

    static func byCode(_ code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// Text order as the language sorts: case-insensitive, numbers by value.
    static func before(_ a: String, _ b: String) -> Bool { a.compare(b, options: [.caseInsensitive, .numeric]) == .orderedAscending }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// The review, run once as the README says, into a fresh folder; the files are read back and
    /// the folder removed.
    struct Review: Sendable {
        var result: Iki.Result
        var files: [String]
        var csvs: [String: [[String]]]
        func csv(_ name: String) throws -> [[String]] { try #require(csvs[name], "\(name) was not written") }
    }

    static let review: Result<Review, any Error> = Result { () throws -> Review in
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.run([packageRoot.appendingPathComponent("examples/monthly-review.iki").path,
                                  "--param", "period=2026-10", "--param", "out=\(folder.file("review"))"], in: folder)
        let files = (try? folder.listing("review")) ?? []
        var csvs: [String: [[String]]] = [:]
        for name in files where name.hasSuffix(".csv") { csvs[name] = try CSVReader.read(path: folder.file("review/\(name)")).map(\.fields) }
        return Review(result: result, files: files, csvs: csvs)
    }

    @Test("iki examples/monthly-review.iki --param period=2026-10 --param out=DIR exits 0, quietly, and writes the six CSVs into DIR")
    func runs() throws {
        let review = try Self.review.get()
        #expect(review.result.status == 0)
        #expect(review.result.stderr == "")
        #expect(review.files == ["best-10.csv", "bidang-average.csv", "bidang-by-month.csv", "not-reported.csv", "review.html", "under-80-by-bidang.csv",
                                "worst-10.csv", "year-to-date.csv"])
        // On screen: the bidang summary, one row per bidang.
        let bidangs = Set(Self.indicators.map(\.bidang))
        #expect(review.result.stdout.hasPrefix("bidang "))
        #expect(review.result.stdout.hasSuffix("(\(bidangs.count) rows)\n"))
    }

    @Test("under-80-by-bidang.csv: exactly the indicators under 80% this month, sorted by bidang then achievement, with their figures")
    func under80() throws {
        let rows = try Self.review.get().csv("under-80-by-bidang.csv")
        #expect(rows.first == ["bidang", "code", "position", "indicator", "target", "realisation", "achievement", "category"])
        let body = Array(rows.dropFirst())
        let expected = Self.indicators.filter { ($0.now.achievement ?? .infinity) < 80 }
        #expect(!expected.isEmpty)
        #expect(body.count == expected.count)
        #expect(Set(body.map { $0[1] }) == Set(expected.map(\.code)))
        for row in body {
            guard let indicator = Self.byCode(row[1]) else { Issue.record("unknown code \(row[1])"); continue }
            #expect(row[0] == indicator.bidang)
            #expect(row[2] == indicator.position)
            #expect(row[3] == indicator.name)
            #expect(close(number(row[4]), indicator.now.target))
            #expect(close(number(row[5]), indicator.now.realisation))
            #expect(close(number(row[6]), indicator.now.achievement))
            #expect(row[7] == indicator.now.category)
        }
        // Sorted by bidang, then by achievement within a bidang.
        for (a, b) in zip(body, body.dropFirst()) {
            if a[0] == b[0] {
                #expect(number(a[6])! <= number(b[6])!, "\(a[1]) before \(b[1])")
            } else {
                #expect(Self.before(a[0], b[0]), "\(a[0]) before \(b[0])")
            }
        }
    }

    @Test("bidang-by-month.csv: one row per bidang, one column per reported month in order, each cell the bidang's mean achievement of that month")
    func bidangByMonth() throws {
        let rows = try Self.review.get().csv("bidang-by-month.csv")
        let months: [String] = (1...10).map { (m: Int) -> String in Period.month(2026, m).description }
        #expect(rows.first == ["bidang"] + months)
        let body = Array(rows.dropFirst())
        #expect(body.count == Set(Self.indicators.map(\.bidang)).count)
        // October's column is this month's bidang average of bidang-average.csv.
        let averages = Dictionary(uniqueKeysWithValues: try Self.review.get().csv("bidang-average.csv").dropFirst().map { ($0[0], $0[1]) })
        for row in body { #expect(close(number(row[10]), number(averages[row[0]] ?? "")), "\(row[0]) in October") }
    }

    @Test("bidang-average.csv: one row per bidang with its mean achievement, previous month's mean, their difference and its indicator count, best first")
    func bidangAverage() throws {
        let rows = try Self.review.get().csv("bidang-average.csv")
        #expect(rows.first == ["bidang", "average", "previous", "change", "indicators"])
        let body = Array(rows.dropFirst())
        let groups = Dictionary(grouping: Self.indicators, by: \.bidang)
        #expect(body.count == groups.count)
        #expect(Set(body.map { $0[0] }) == Set(groups.keys))
        for row in body {
            guard let members = groups[row[0]] else { continue }
            let average = Self.mean(members.compactMap(\.now.achievement))
            let previous = Self.mean(members.compactMap(\.before.achievement))
            #expect(close(number(row[1]), average), "\(row[0]) average")
            #expect(close(number(row[2]), previous), "\(row[0]) previous")
            // The change is each mean over the indicators that have it: mean(now) - mean(before).
            let change = average.flatMap { a in previous.map { a - $0 } }
            #expect(close(number(row[3]), change), "\(row[0]) change")
            #expect(number(row[4]) == Double(members.count))
        }
        let averages = body.compactMap { number($0[1]) }
        #expect(averages.count == body.count)
        #expect(averages == averages.sorted(by: >))
    }

    @Test("not-reported.csv: exactly the positions with fewer indicators reported this month than they have")
    func notReported() throws {
        let rows = try Self.review.get().csv("not-reported.csv")
        #expect(rows.first == ["code", "position", "unit", "bidang", "indicators", "reported"])
        let body = Array(rows.dropFirst())
        let catalogue = Bundled.dataset.catalogue
        let reportedNow = Dictionary(uniqueKeysWithValues: Self.indicators.map { ($0.index, $0.now.realisation != nil) })
        let expected = catalogue.positions.filter { position in
            position.indicatorIndices.filter { reportedNow[$0] == true }.count < position.indicatorIndices.count
        }
        #expect(!expected.isEmpty)
        #expect(body.map { $0[0] }.sorted() == expected.map(\.code).sorted())
        for row in body {
            guard let position = catalogue.positions.first(where: { $0.code == row[0] }) else { continue }
            #expect(row[1] == position.title)
            #expect(row[2] == (catalogue.unit(of: position)?.shortName ?? ""))
            #expect(row[3] == (catalogue.bidang(of: position)?.shortName ?? ""))
            #expect(number(row[4]) == Double(position.indicatorIndices.count))
            #expect(number(row[5]) == Double(position.indicatorIndices.filter { reportedNow[$0] == true }.count))
        }
        // Sorted by bidang, then position.
        for (a, b) in zip(body, body.dropFirst()) {
            #expect(a[3] == b[3] ? Self.before(a[1], b[1]) : Self.before(a[3], b[3]), "\(a[0]) before \(b[0])")
        }
    }

    @Test("best-10.csv and worst-10.csv: the ten highest and ten lowest achievements, missing ones excluded, in order",
          arguments: [("best-10.csv", true), ("worst-10.csv", false)])
    func bestAndWorst(_ file: String, _ best: Bool) throws {
        let rows = try Self.review.get().csv(file)
        #expect(rows.first == ["code", "position", "indicator", "achievement", "category"])
        let body = Array(rows.dropFirst())
        #expect(body.count == 10)
        #expect(Set(body.map { $0[0] }).count == 10)
        let achievements = body.map { number($0[3]) }
        #expect(achievements.allSatisfy { $0 != nil }, "no missing achievement among them")
        let all = Self.indicators.compactMap(\.now.achievement).sorted(by: best ? (>) : (<))
        #expect(all.count > 10)
        // The same ten values as the top (or bottom) ten of all indicators, in that order.
        for (written, value) in zip(achievements, all.prefix(10)) { #expect(close(written, value)) }
        for row in body {
            guard let indicator = Self.byCode(row[0]) else { Issue.record("unknown code \(row[0])"); continue }
            #expect(row[1] == indicator.position)
            #expect(row[2] == indicator.name)
            #expect(close(number(row[3]), indicator.now.achievement))
            #expect(row[4] == indicator.now.category)
        }
    }

    @Test("the review refuses to run without its parameters, and says which is missing")
    func needsParameters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Iki.run([packageRoot.appendingPathComponent("examples/monthly-review.iki").path, "--param", "period=2026-10"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains(": error: no parameter $out is set for the file name '$out/under-80-by-bidang.csv'\n"))
        #expect(try folder.listing() == [])
    }

    /// The example scripts, each with the command its header comment gives (`--   iki examples/queries/x.iki ...`).
    static let exampleScripts: [String] = {
        let folder = packageRoot.appendingPathComponent("examples/queries")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".iki") }.sorted()
    }()

    @Test("there are example scripts, each starting with a comment saying what it answers and how to run it")
    func exampleScriptsDocumented() throws {
        #expect(Self.exampleScripts.count >= 3)
        for name in Self.exampleScripts {
            let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/queries/\(name)"), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("-- ") == true, "\(name) starts with a comment")
            #expect(lines.contains { $0.hasPrefix("--   iki examples/queries/\(name)") }, "\(name) says how to run it")
        }
    }

    @Test("every example script runs as its header comment says, with exit status 0 and no diagnostics", arguments: exampleScripts)
    func exampleScript(_ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/queries/\(name)"), encoding: .utf8)
        let command = try #require(text.split(separator: "\n").map(String.init).first { $0.hasPrefix("--   iki ") })
        let arguments = command.dropFirst("--   iki ".count).split(separator: " ").map(String.init)
        #expect(arguments.first == "examples/queries/\(name)")
        let result = try Iki.run(arguments, in: TemporaryFolder(existing: packageRoot))
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(result.stderr == "")
        #expect(!result.stdout.isEmpty)
    }
}
