import Catalogue
import Testing
@testable import Query

/// Indicator indices in catalogue order whose bidang-level unit is named `fullName`.
private func indicators(ofBidang fullName: String) -> [Int] {
    let catalogue = Bundled.dataset.catalogue
    return catalogue.indicators.indices.filter {
        catalogue.bidang(of: catalogue.positions[catalogue.indicators[$0].positionIndex])?.fullName == fullName
    }
}

private func code(_ index: Int) -> String { Bundled.dataset.catalogue.indicators[index].code }

@Suite("Interpreter over the bundled data")
struct InterpreterTests {
    @Test("the bundled data loads without errors, and its latest period is 2026-10")
    func bundledData() {
        #expect(!Bundled.loaded.1.hasErrors, "\(Bundled.loaded.1.filter { $0.severity == .error })")
        #expect(Bundled.dataset.realisations.latestPeriod == Bundled.latest)
        #expect(Interpreter(dataset: Bundled.dataset).defaultPeriod == Bundled.latest)
    }

    // MARK: The example query of the issue

    static let mission = #"show indicators where bidang = "Fasilitasi Pembiayaan" and achievement < 80%"#
    static let misi = #"tampilkan indikator dimana bidang = "Fasilitasi Pembiayaan" dan capaian < 80%"#

    @Test("the example query returns exactly the indicators of the bidang under 80% in the latest period")
    func missionQuery() throws {
        let result = try run(Self.mission)
        // Computed independently: the catalogue's bidang of each position, and the achievement
        // arithmetic of the foundation, for 2026-10.
        let expected = indicators(ofBidang: "Bidang Bina Fasilitasi Pembiayaan").filter { index in
            Bundled.dataset.evaluate(index, in: Bundled.latest).achievement.map { $0 < 80 } ?? false
        }
        #expect(firstColumn(result) == expected.map(code))
        #expect(firstColumn(result) == ["KSPPSPIN-1", "PKUSPKOP-1", "PKUSPKOP-2", "PFPPER-1", "PFPPER-2"])
        #expect(result.period == Bundled.latest)
        #expect(result.warnings.isEmpty)
        #expect(result.columns == [
            Column(name: "code", type: .text), Column(name: "position", type: .text), Column(name: "indicator", type: .text),
            Column(name: "target", type: .number), Column(name: "realisation", type: .number),
            Column(name: "achievement", type: .percent), Column(name: "category", type: .text, picture: .state),
        ])
        // Every row's numbers are the foundation's evaluation of that indicator.
        for (row, index) in zip(result.rows, expected) {
            let e = Bundled.dataset.evaluate(index, in: Bundled.latest)
            #expect(row[3] == e.target.map(Value.number))
            #expect(row[4] == e.realisation.map(Value.number))
            #expect(row[5] == e.achievement.map(Value.number))
            #expect(row[6] == e.category.map(Value.text))
        }
        #expect(lines(result) == [
            "KSPPSPIN-1 | KEPALA SEKSI PENGEMBANGAN DAN PENGENDALIAN SIMPAN PINJAN | Jumlah koperasi yang dinilai kesehatannya (Penilaian Kesehatan Koperasi) | 3 | 2 | 66.7 | Cukup",
            "PKUSPKOP-1 | PEMBINA KEGIATAN USAHA SIMPAN PINJAM KOPERASI | Jumlah bahan pembinaan ke Koperasi usaha simpan pinjam sesuai sasaran kegiatan | 2 | 1 | 50 | Sangat Kurang",
            "PKUSPKOP-2 | PEMBINA KEGIATAN USAHA SIMPAN PINJAM KOPERASI | Jumlah laporan kegiatan usaha simpan pinjam koperasi | 10 | 7 | 70 | Cukup",
            "PFPPER-1 | PEMBINA FASILITASI PERKUATAN PERMODALAN | Jumlah bahan pembinaan sosialisasi informasi penyediaan permodalan | 4 | 2 | 50 | Sangat Kurang",
            "PFPPER-2 | PEMBINA FASILITASI PERKUATAN PERMODALAN | Jumlah Laporan Kegiatan seksi Permodalan | 4 | 3 | 75 | Cukup",
        ])
    }

    @Test("the Indonesian form returns the same rows, under the same English column names")
    func missionQueryInIndonesian() throws {
        let english = try run(Self.mission), indonesian = try run(Self.misi)
        #expect(indonesian.columns == english.columns)
        #expect(indonesian.rows == english.rows)
        #expect(indonesian.period == english.period)
    }

    @Test("the bidang has indicators at or above 80% and without achievement, which the query leaves out")
    func missionQueryExcludes() throws {
        let all = try run(#"show indicators code, achievement where bidang = "Fasilitasi Pembiayaan""#)
        #expect(all.rows.count == 12)
        #expect(lines(all).contains("KBBFPEM-1 | -"))   // no realisation: missing, so not < 80%
        #expect(lines(all).contains("KSPER-1 | 100"))
    }

    // MARK: Things

    @Test("indicators: one row per indicator, default columns")
    func indicatorsThing() throws {
        let result = try run("show indicators limit 2")
        #expect(columnNames(result) == ["code", "position", "indicator", "target", "realisation", "achievement", "category"])
        #expect(try run("show indicators").rows.count == Bundled.dataset.catalogue.indicators.count)
        #expect(lines(result) == [
            "SDIN-1 | SEKRETARIS DINAS | Persentase PNS yang mendapat pelayanan administrasi Kepegawaian | 95 | 59.6 | 62.7 | Kurang",
            "SDIN-2 | SEKRETARIS DINAS | Persentase dokumen laporan keuangan yang selesai tepat waktu | 90 | 93.91 | 104.3 | Sangat Baik",
        ])
    }

    @Test("indicators have every field the issue names")
    func indicatorFields() {
        let names = Set(Schema.fields(.indicators).map(\.name))
        for field in ["code", "indicator", "position", "unit", "seksi", "bidang", "objective", "kind", "numerator", "denominator",
                      "source", "target", "target_source", "realisation", "achievement", "category", "period", "polarity"] {
            #expect(names.contains(field), "indicators have no field \(field)")
        }
    }

    @Test("positions: position, unit, bidang and the number of indicators by default")
    func positionsThing() throws {
        let result = try run("show positions limit 2")
        #expect(columnNames(result) == ["code", "position", "unit", "bidang", "indicators", "achievement"])
        #expect(try run("show positions").rows.count == Bundled.dataset.catalogue.positions.count)
        #expect(lines(result) == [
            "SDIN | SEKRETARIS DINAS | Sekretariat | Sekretariat | 3 | 92.7",
            "KBBKPKOP | KEPALA BIDANG BINA KELEMBAGAAN DAN PENGAWASAN KOPERASI | Kelembagaan dan Pengawasan Koperasi | Kelembagaan dan Pengawasan Koperasi | 1 | 100",
        ])
    }

    @Test("units: one row per unit of the organisation, with counts that include sub-units")
    func unitsThing() throws {
        let result = try run("show units")
        #expect(columnNames(result) == ["unit", "kind", "bidang", "positions", "indicators", "achievement"])
        #expect(result.rows.count == Bundled.dataset.catalogue.organisation.units.count)
        #expect(lines(try run("show units limit 2")) == [
            "Sekretariat | sekretariat | Sekretariat | 18 | 29 | 97.17",
            "Kelembagaan dan Pengawasan Koperasi | bidang | Kelembagaan dan Pengawasan Koperasi | 7 | 13 | 86.28",
        ])
        // A bidang's indicators are those whose bidang it is.
        #expect(lines(try run(#"show units unit, indicators where unit = "Fasilitasi Pembiayaan""#)) ==
                ["Fasilitasi Pembiayaan | \(indicators(ofBidang: "Bidang Bina Fasilitasi Pembiayaan").count)"])
    }

    @Test("objectives: one row per objective of a position")
    func objectivesThing() throws {
        let result = try run("show objectives limit 2")
        #expect(columnNames(result) == ["objective", "position", "bidang", "indicators", "achievement"])
        #expect(lines(result) == [
            "Meningkatnya pelayanan administrasi perkantoran | SEKRETARIS DINAS | Sekretariat | 3 | 92.7",
            "Meningkatnya Pembinaan yang dilakukan dalam rangka pengembangan kelembagaan Koperasi | KEPALA BIDANG BINA KELEMBAGAAN DAN PENGAWASAN KOPERASI | Kelembagaan dan Pengawasan Koperasi | 1 | 100",
        ])
        // Every indicator belongs to exactly one objective row.
        let total = try run("show objectives indicators").rows.compactMap { $0[0].number }.reduce(0, +)
        #expect(Int(total) == Bundled.dataset.catalogue.indicators.count)
    }

    @Test("realisations: one row per indicator and reported period, every period without for")
    func realisationsThing() throws {
        let result = try run("show realisations where code = SDIN-1")
        #expect(columnNames(result) == ["code", "period", "target", "realisation", "achievement", "category"])
        #expect(result.period == nil)
        #expect(result.rows.map { cell($0[1]) } == (1...10).map { Period.month(2026, $0).description })
        // Each row is the foundation's evaluation of that one month.
        let sdin1 = Bundled.index("SDIN-1")
        for row in result.rows {
            guard case .period(let p) = row[1] else { Issue.record("no period in \(row)"); continue }
            #expect(row[4] == Bundled.dataset.evaluate(sdin1, in: p).achievement.map(Value.number))
        }
        #expect(lines(try run("show realisations limit 2")) == [
            "SDIN-1 | 2026-01 | 95 | 51.3 | 54 | Kurang",
            "SDIN-1 | 2026-02 | 95 | 52.63 | 55.4 | Kurang",
        ])
    }

    // MARK: Columns

    @Test("chosen and computed columns; names as written or aliased, English for Indonesian fields")
    func computedColumns() throws {
        let result = try run(#"show indicators kode, realisation - target, realisasi - target as gap, realisation / target * 100 as "ratio %", 80% as bar where unit = "Permodalan""#)
        #expect(columnNames(result) == ["code", "realisation - target", "gap", "ratio %", "bar"])
        #expect(result.columns.map(\.type) == [.text, .number, .number, .number, .percent])
        #expect(lines(result) == [
            "KSPER-1 | 0 | 0 | 100 | 80",
            "PFPPER-1 | -2 | -2 | 50 | 80",
            "PFPPER-2 | -1 | -1 | 75 | 80",
        ])
    }

    // MARK: Grouping

    @Test("group by with count, sum, avg, min and max, checked against the rows of each group")
    func groupBy() throws {
        let result = try run("""
            show indicators bidang, count(*) as n, count(achievement) as reported, sum(target) as total,
              avg(achievement) as mean, min(achievement) as low, max(achievement) as high, min(code) as first
            group by bidang order by bidang
            """)
        #expect(columnNames(result) == ["bidang", "n", "reported", "total", "mean", "low", "high", "first"])
        #expect(result.columns.map(\.type) == [.text, .number, .number, .number, .percent, .percent, .percent, .text])
        #expect(lines(result) == [
            "Fasilitasi Pembiayaan | 12 | 11 | 154 | 81.97 | 50 | 100 | KBBFPEM-1",
            "Kelembagaan dan Pengawasan Koperasi | 13 | 13 | 183 | 86.28 | 33.3 | 120 | AKOP-1",
            "Pengelola Dana Bergulir | 8 | 8 | 84.67 | 82.48 | 66.7 | 100 | BAKU-1",
            "Pengembangan dan Restrukturasi Usaha | 7 | 7 | 120 | 86.37 | 50 | 100 | FKEW-1",
            "Produksi dan Pemasaran Koperasi | 6 | 6 | 410 | 80.38 | 56.9 | 100 | KBBPPKOP-1",
            "Sekretariat | 29 | 28 | 464 | 97.17 | 62.7 | 150 | BGAJ-1",
        ])
        // Independently, for each group: the indicators of that bidang and their evaluations.
        let catalogue = Bundled.dataset.catalogue
        for row in result.rows {
            guard case .text(let bidang) = row[0] else { Issue.record("bidang is \(row[0])"); continue }
            let members = catalogue.indicators.indices.filter {
                catalogue.bidang(of: catalogue.positions[catalogue.indicators[$0].positionIndex])?.shortName == bidang
            }
            let evaluations = members.map { Bundled.dataset.evaluate($0, in: Bundled.latest) }
            let achievements = evaluations.compactMap(\.achievement)
            #expect(row[1] == .number(Double(members.count)))
            #expect(row[2] == .number(Double(achievements.count)))
            #expect(row[3] == .number(evaluations.compactMap(\.target).reduce(0, +)))
            #expect(row[4] == .number(achievements.reduce(0, +) / Double(achievements.count)))
            #expect(row[5] == .number(achievements.min()!))
            #expect(row[6] == .number(achievements.max()!))
        }
    }

    @Test("a trend grouped by period reads in period order without order by")
    func groupedTrendInOrder() throws {
        let trend = try run("show realisations period, count(*) group by period")
        let periods = firstColumn(trend)
        #expect(periods == (1...10).map { String(format: "2026-%02d", $0) })
    }

    @Test("group by without columns shows the keys and a count; without group by, aggregates make one row")
    func groupDefaults() throws {
        let byKind = try run("show indicators group by kind")
        #expect(columnNames(byKind) == ["kind", "count"])
        // Without order by, groups come sorted by their keys.
        #expect(lines(byKind) == ["count | 64", "ratio | 11"])
        let whole = try run("show indicators count(*), avg(achievement)")
        #expect(columnNames(whole) == ["count(*)", "avg(achievement)"])
        #expect(lines(whole) == ["75 | 88.92"])
        #expect(lines(try run(#"show indicators count(*), avg(achievement), min(code) where code = "none""#)) == ["0 | - | -"])
    }

    @Test("grouped in Indonesian: the same groups, English headers")
    func groupInIndonesian() throws {
        let english = try run("show indicators bidang, count(*), avg(achievement) group by bidang order by avg(achievement) desc")
        let indonesian = try run("tampilkan indikator bidang, banyak(*), rerata(capaian) kelompokkan berdasarkan bidang urutkan berdasarkan rerata(capaian) turun")
        #expect(columnNames(indonesian) == ["bidang", "count(*)", "avg(achievement)"])
        #expect(indonesian.rows == english.rows)
        #expect(firstColumn(english).first == "Sekretariat")
    }

    @Test("a trend: average achievement of one seksi period by period")
    func trend() throws {
        let result = try run(#"show realisations period, avg(achievement) as achievement, count(*) as indicators where unit = "Permodalan" group by period order by period"#)
        #expect(lines(result) == [
            "2026-01 | 75 | 3", "2026-02 | 94.43 | 3", "2026-03 | 75 | 3", "2026-04 | 75 | 3", "2026-05 | 83.33 | 3",
            "2026-06 | 83.33 | 3", "2026-07 | 83.33 | 3", "2026-08 | 75 | 2", "2026-09 | 75 | 3", "2026-10 | 75 | 3",
        ])
    }

    // MARK: Order and limit

    @Test("order by a column, by its alias, by an expression; asc and desc; several keys")
    func orderBy() throws {
        let base = #"show indicators code, realisation - target as gap, achievement where unit = "Permodalan" or code = KBBFPEM-1"#
        #expect(firstColumn(try run(base)) == ["KBBFPEM-1", "KSPER-1", "PFPPER-1", "PFPPER-2"])
        #expect(firstColumn(try run(base + " order by gap")) == ["PFPPER-1", "PFPPER-2", "KSPER-1", "KBBFPEM-1"])
        #expect(firstColumn(try run(base + " order by gap desc")) == ["KSPER-1", "PFPPER-2", "PFPPER-1", "KBBFPEM-1"])
        // 6 - 3, 8 - 2, 8 - 3; KBBFPEM-1 has no realisation, so its key is missing and sorts last.
        #expect(firstColumn(try run(base + " order by target * 2 - realisation desc")) == ["PFPPER-1", "PFPPER-2", "KSPER-1", "KBBFPEM-1"])
        #expect(firstColumn(try run(base + " order by kind, achievement desc")) == ["KSPER-1", "PFPPER-2", "PFPPER-1", "KBBFPEM-1"])
        #expect(firstColumn(try run(base + " order by code desc")) == ["PFPPER-2", "PFPPER-1", "KSPER-1", "KBBFPEM-1"])
    }

    @Test("missing values sort last, ascending or descending")
    func orderMissingLast() throws {
        let base = #"show indicators code where unit = "Permodalan" or code = KBBFPEM-1 order by achievement"#
        #expect(firstColumn(try run(base)) == ["PFPPER-1", "PFPPER-2", "KSPER-1", "KBBFPEM-1"])
        #expect(firstColumn(try run(base + " desc")) == ["KSPER-1", "PFPPER-2", "PFPPER-1", "KBBFPEM-1"])
    }

    @Test("text sorts case-insensitively and numbers inside it by value: SDIN-10 after SDIN-9")
    func naturalOrder() throws {
        #expect(orderedBefore(.text("SDIN-9"), .text("SDIN-10")) == true)
        #expect(orderedBefore(.text("abc"), .text("ABD")) == true)
        #expect(orderedBefore(.text("abc"), .text("ABC")) == nil)
        let result = try run(#"show indicators code where code like "BPEN-%" or code like "KSBUKEP-%" order by code desc"#)
        #expect(firstColumn(result) == ["KSBUKEP-3", "KSBUKEP-2", "KSBUKEP-1", "BPEN-3", "BPEN-2", "BPEN-1"])
    }

    @Test("limit keeps the first rows after ordering")
    func limit() throws {
        #expect(firstColumn(try run("show indicators code order by achievement desc limit 3")) ==
                firstColumn(try run("show indicators code order by achievement desc")).prefix(3).map { $0 })
        #expect(try run("show indicators limit 0").rows.isEmpty)
        #expect(try run("show indicators limit 1000").rows.count == Bundled.dataset.catalogue.indicators.count)
        #expect(lines(try run("show indicators bidang, count(*) group by bidang order by count(*) desc limit 2")) ==
                ["Sekretariat | 29", "Kelembagaan dan Pengawasan Koperasi | 13"])
    }

    // MARK: Periods

    @Test("for a quarter: indicators are evaluated over the quarter, realisations list its months")
    func quarter() throws {
        let sdin1 = Bundled.index("SDIN-1")
        let q3 = Period(year: 2026, granularity: .quarter, index: 3)
        let indicator = try run("show indicators code, period, target, realisation, achievement where code = SDIN-1 for 2026-Q3")
        #expect(indicator.period == q3)
        let e = Bundled.dataset.evaluate(sdin1, in: q3)
        #expect(indicator.rows == [[.text("SDIN-1"), .period(q3), e.target.map(Value.number) ?? .missing,
                                    e.realisation.map(Value.number) ?? .missing, e.achievement.map(Value.number) ?? .missing]])
        #expect(lines(indicator) == ["SDIN-1 | 2026-Q3 | 95 | 51.89 | 54.6"])

        let months = try run("show realisations code, period, achievement where code = SDIN-1 for 2026-Q3")
        #expect(lines(months) == ["SDIN-1 | 2026-07 | 53.8", "SDIN-1 | 2026-08 | 58.7", "SDIN-1 | 2026-09 | 53.2"])
        // The quarter is not the mean of its months: a ratio sums numerators and denominators.
        for (row, month) in zip(months.rows, 7...9) {
            #expect(row[2] == Bundled.dataset.evaluate(sdin1, in: .month(2026, month)).achievement.map(Value.number))
        }
    }

    @Test("every way of writing a period gives the same result", arguments: ["2026-Q3", "TW3 2026", "Triwulan III 2026", "TW 3 2026", #""2026-Q3""#])
    func periodForms(written: String) throws {
        let result = try run("show indicators code, achievement where bidang = \"Sekretariat\" for \(written)")
        #expect(result.rows == (try run(#"show indicators code, achievement where bidang = "Sekretariat" for 2026-Q3"#)).rows)
        #expect(result.period == Period(year: 2026, granularity: .quarter, index: 3))
    }

    @Test("a month, a semester and the year", arguments: [
        ("2026-07", "2026-07", "53.8"), ("2026-S1", "2026-S1", "55.9"), ("2026", "2026", "56.2"), ("Oktober 2026", "2026-10", "62.7"),
    ])
    func otherPeriods(written: String, period: String, achievement: String) throws {
        let result = try run("show indicators code, period, achievement where code = SDIN-1 for \(written)")
        #expect(lines(result) == ["SDIN-1 | \(period) | \(achievement)"])
        let p = try #require(Period(parsing: period))
        #expect(result.rows[0][2] == Bundled.dataset.evaluate(Bundled.index("SDIN-1"), in: p).achievement.map(Value.number))
    }

    @Test("without for, the interpreter's period if it has one, else the latest")
    func defaultPeriod() throws {
        let q2 = Period(year: 2026, granularity: .quarter, index: 2)
        #expect(try run("show indicators code limit 1", period: q2).period == q2)
        #expect(try run("show indicators code limit 1").period == Bundled.latest)
        #expect(try run("show indicators code for 2026-01 limit 1", period: q2).period == .month(2026, 1))
    }

    // MARK: Parameters

    @Test("parameters: a period for $period, a number and a unit name in conditions")
    func parameters() throws {
        let q3 = Period(year: 2026, granularity: .quarter, index: 3)
        let literal = try run(#"show indicators code, achievement where bidang = "Sekretariat" for 2026-Q3"#)
        let bound = try run(#"show indicators code, achievement where bidang = "Sekretariat" for $period"#, parameters: ["period": .period(q3)])
        #expect(bound.rows == literal.rows)
        #expect(bound.period == q3)
        let asText = try run(#"show indicators code, achievement where bidang = "Sekretariat" for $period"#, parameters: ["period": .text("TW3 2026")])
        #expect(asText.rows == literal.rows)

        let mission = try run(InterpreterTests.mission)
        let withParameters = try run("show indicators where bidang = $bidang and achievement < $bar",
                                     parameters: ["bidang": .text("Fasilitasi Pembiayaan"), "bar": .number(80)])
        #expect(withParameters.rows == mission.rows)
    }

    @Test("a parameter that is not set, or is not a period after for")
    func parameterErrors() {
        #expect(failure("show indicators for $period") == """
            <query>:1:21: error: no parameter $period is set
            show indicators for $period
                                ^~~~~~~
                give it with --param period=2026-10
            """)
        #expect(failure("show indicators for $period", parameters: ["period": .text("soon")]) == """
            <query>:1:21: error: parameter $period is not a period
            show indicators for $period
                                ^~~~~~~
                periods are written 2026-10, 2026-Q3, TW3 2026, Triwulan III 2026, 2026-S1, Semester I 2026, Oktober 2026, 2026
            """)
        #expect(failure("show indicators where achievement < $bar", parameters: ["period": .number(1)]) == """
            <query>:1:37: error: no parameter $bar is set
            show indicators where achievement < $bar
                                                ^~~~
                parameters set: $period
            """)
    }

    // MARK: Several statements

    @Test("each statement of a script runs on its own")
    func script() throws {
        let statements = try Parser.parse("show units unit limit 1; describe indicators; show indicators count(*)")
        let interpreter = Interpreter(dataset: Bundled.dataset)
        let results = try statements.map { statement throws(Diagnostic) in try interpreter.run(statement) }
        #expect(results.map(lines).map(\.first) == ["Sekretariat", "code | text | kode | the indicator's code, e.g. SDIN-1", "75"])
    }
}

@Suite("Cancelling a statement")
struct CancellationTests {
    @Test("a cancelled interpreter stops a filtering statement with 'interrupted'; otherwise it runs")
    func cancelled() throws {
        let statement = try Parser.parse("show realisations where achievement > 0")[0]
        var interpreter = Interpreter(dataset: Bundled.dataset)
        interpreter.isCancelled = { true }
        #expect(throws: Diagnostic.self) { _ = try interpreter.run(statement) }
        do {
            _ = try interpreter.run(statement)
        } catch {
            #expect(error.description == "<query>:1:6: error: interrupted")
        }
        interpreter.isCancelled = { false }
        #expect(try interpreter.run(statement).rows.count > 500)
    }
}
