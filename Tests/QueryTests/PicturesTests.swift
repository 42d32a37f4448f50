import Catalogue
@testable import Query
@testable import Render
import Testing

/// `trend(x)` and `bar(x)`: the values they give (data) and how a terminal draws them.
@Suite("Pictures in the terminal")
struct PicturesTests {
    @Test("trend over a year to date: one value a month, January to the latest reported month; a sparkline of as many characters")
    func trendMonths() throws {
        let result = try run("show indicators code, trend(achievement), achievement where code = SDIN-2 for 2026 to date")
        guard case .text(let data) = result.rows[0][1] else { Issue.record("trend is not text"); return }
        let values = data.split(separator: ";", omittingEmptySubsequences: false)
        #expect(values.count == 10)
        #expect(values[8] == "-")
        #expect(result.columns[1].picture == .trend)
        // Each month's value is the month's own achievement.
        let october = try run("show indicators achievement where code = SDIN-2 for 2026-10")
        #expect(values[9] == String(format: "%.1f", october.rows[0][0].number ?? .nan))
        let table = Renderer.render(result, RenderOptions(format: .table))
        let line = table.split(separator: "\n")[2]
        #expect(line.contains("▅▂▅▆▁█▇▇ ▄"))
    }

    @Test("months of a trend: the period's, cut at the latest reported month inside it")
    func months() {
        #expect(Resolver.trendMonths(.year(2026), latest: .month(2026, 10)).count == 10)
        #expect(Resolver.trendMonths(.year(2025), latest: .month(2026, 10)).count == 12)
        #expect(Resolver.trendMonths(.range(2026, from: 4, to: 6), latest: .month(2026, 10)).map(\.description) == ["2026-04", "2026-05", "2026-06"])
        #expect(Resolver.trendMonths(nil, latest: nil).isEmpty)
    }

    @Test("sparkline: scaled between the series' min and max, a missing month a space, a flat series in the middle")
    func sparkline() {
        #expect(Pictures.sparkline([0, 7, nil, 3.5]) == "▁█ ▅")
        #expect(Pictures.sparkline([5, 5]) == "▄▄")
        #expect(Pictures.sparkline([nil, nil]) == "  ")
    }

    @Test("bar: 20 cells for 100%, eighths, above 100 capped with ▸, below 0 empty; always 21 columns wide")
    func bar() {
        #expect(Pictures.bar(100) == String(repeating: "█", count: 20) + " ")
        #expect(Pictures.bar(150) == String(repeating: "█", count: 20) + "▸")
        #expect(Pictures.bar(56.25) == String(repeating: "█", count: 11) + "▎" + String(repeating: " ", count: 8) + " ")
        #expect(Pictures.bar(-5) == String(repeating: " ", count: 21))
        for p in stride(from: 0.0, through: 130, by: 0.7) { #expect(displayWidth(Pictures.bar(p)) == 21) }
    }

    @Test("bar: coloured by the band on a colour terminal, plain otherwise; CSV keeps the number")
    func colour() throws {
        let result = try run("show indicators code, bar(achievement) where code in (SDIN-1, SDIN-3) for 2026-10 order by code")
        let plain = Renderer.render(result, RenderOptions(format: .table))
        #expect(!plain.contains("\u{1B}"))
        let coloured = Renderer.render(result, RenderOptions(format: .table, colour: true))
        #expect(coloured.contains("\u{1B}[32m"))  // SDIN-3, above 91: Sangat Baik
        #expect(Pictures.colour(.number(55), bands: Scale.standard.bands.map(\.minimum)) == "\u{1B}[91m")
        #expect(Pictures.colour(.number(10), bands: Scale.standard.bands.map(\.minimum)) == "\u{1B}[31m")
        let csv = Renderer.render(result, RenderOptions(format: .csv))
        #expect(csv.split(separator: "\n")[1] == "SDIN-1,\(Renderer.machineNumber(result.rows[0][1].number!))")
    }

    @Test("errors: no argument, text, rows of realisations, an aggregate outside a group")
    func errors() {
        #expect(failure("show indicators trend(*)")?.contains("trend(...) needs a number to draw") == true)
        #expect(failure("show indicators bar(code)")?.contains("bar(...) needs numbers") == true)
        #expect(failure("show realisations trend(achievement)")?.contains("each row of realisations is one period already") == true)
        // A picture of an aggregate makes a query aggregate only as a column of its own.
        #expect(failure("show indicators achievement - trend(avg(achievement))")?.contains("an aggregate goes in a grouped query") == true)
    }

    @Test("trend in a grouped query: each month's aggregate over the group's rows, as for that month; a field alone is the group's average")
    func groupedTrend() throws {
        let result = try run("show indicators bidang, trend(avg(achievement)), trend(achievement) group by bidang for 2026-08 to 2026-10")
        let sekretariat = try #require(result.rows.first { $0[0] == .text("Sekretariat") })
        #expect(result.columns[1].picture == .trend && result.columns[2].picture == .trend)
        #expect(sekretariat[1] == sekretariat[2])
        var months: [String] = []
        for month in ["2026-08", "2026-09", "2026-10"] {
            let average = try run("show indicators avg(achievement) where bidang = \"Sekretariat\" for \(month)")
            months.append(String(format: "%.1f", average.rows[0][0].number ?? .nan))
        }
        #expect(sekretariat[1] == .text(months.joined(separator: ";")))
    }

    @Test("bar of an aggregate without group by is one row; after pivot every cell of the bar column is a bar")
    func barAggregate() throws {
        let one = try run("show indicators bar(avg(achievement))")
        #expect(one.rows.count == 1 && one.columns[0].picture != nil)
        let pivoted = try run("show realisations bidang, period, bar(avg(achievement)) for 2026-09 to 2026-10 group by bidang, period pivot period")
        #expect(pivoted.columns.map(\.name) == ["bidang", "2026-09", "2026-10"])
        #expect(pivoted.columns.dropFirst().allSatisfy { if case .bar = $0.picture { return true } else { return false } })
    }
}
