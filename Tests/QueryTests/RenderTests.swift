import Catalogue
import Query
@testable import Render
import Testing

/// A small hand-made result: text (with a quote, a comma, a `|`, a newline, wide characters and an
/// empty string), numbers, a percentage, periods, and missing values.
private let sample = ResultSet(
    columns: [
        Column(name: "name", type: .text), Column(name: "unit", type: .text), Column(name: "target", type: .number),
        Column(name: "achievement", type: .percent), Column(name: "period", type: .period),
    ],
    rows: [
        [.text("Laporan"), .text("Seksi A"), .number(12), .number(87.5), .period(.month(2026, 10))],
        [.text("日本"), .text("x"), .number(3.25), .missing, .missing],
        [.text(#"Says "hi", ok"#), .text("a|b"), .missing, .number(66.666666), .period(Period(year: 2026, granularity: .quarter, index: 3))],
        [.text("two\nlines"), .text(""), .number(1234.5), .number(100), .period(.year(2026))],
    ],
    period: .month(2026, 10))

private func render(_ result: ResultSet, _ format: OutputFormat, decimalComma: Bool = false, colour: Bool = false) -> String {
    Renderer.render(result, RenderOptions(format: format, decimalComma: decimalComma, colour: colour))
}

@Suite("Output formats")
struct RenderTests {
    // MARK: table

    @Test("table: aligned columns, numbers right, percent with one decimal, missing as -, wide characters count two")
    func table() {
        #expect(render(sample, .table) == """
            name           unit     target  achievement  period
            -------------  -------  ------  -----------  -------
            Laporan        Seksi A      12        87.5%  2026-10
            日本           x          3.25            -  -
            Says "hi", ok  a|b           -        66.7%  2026-Q3
            two lines               1234.5       100.0%  2026
            (4 rows, period 2026-10)

            """)
    }

    @Test("table: display width of wide and combining characters")
    func widths() {
        #expect(displayWidth("日本") == 4)
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("Koperasi Usaha Mikro") == 20)
        #expect(displayWidth("e\u{301}") == 1)      // e + combining acute: one column
        #expect(displayWidth("한국어") == 6)
    }

    @Test("table: one row says row; no period column means no period in the footer; empty shows the header")
    func footers() {
        let one = ResultSet(columns: [Column(name: "n", type: .number)], rows: [[.number(1)]], period: .month(2026, 10))
        #expect(render(one, .table) == "n\n-\n1\n(1 row)\n")
        let none = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "achievement", type: .percent)], rows: [],
                             period: Period(year: 2026, granularity: .quarter, index: 3))
        #expect(render(none, .table) == "code  achievement\n----  -----------\n(0 rows, period 2026-Q3)\n")
    }

    @Test("table: without a width every text is whole; with one, text wraps on words inside its column, numbers stay whole")
    func fitting() {
        let long = "Persentase koperasi yang mendapatkan fasilitasi dana dari pemerintah"
        let result = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "t", type: .text), Column(name: "n", type: .number)],
                               rows: [[.text("KBBFPEM-1"), .text(long), .number(123456789.25)]])
        let unlimited = Renderer.render(result, RenderOptions(format: .table))
        #expect(unlimited.split(separator: "\n")[2] == Substring("KBBFPEM-1  " + long + "  123456789.25"))
        let fitted = Renderer.render(result, RenderOptions(format: .auto, width: 40))
        #expect(fitted == """
        code       t                n
        ---------  ---------------  ------------
        KBBFPEM-1  Persentase       123456789.25
                   koperasi yang
                   mendapatkan
                   fasilitasi dana
                   dari pemerintah
        (1 row)

        """)
        #expect(fitted.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 40 })
        // Every word is there, in order.
        let words = fitted.split(separator: "\n").dropFirst(2).dropLast().flatMap { $0.split(separator: " ") }
        #expect(words.map(String.init) == ["KBBFPEM-1", "Persentase", "123456789.25"] + long.split(separator: " ").dropFirst().map(String.init))
    }

    @Test("table: the widest text column narrows first")
    func widestFirst() {
        let result = ResultSet(columns: [Column(name: "a", type: .text), Column(name: "b", type: .text)],
                               rows: [[.text("one two three"), .text("alpha beta gamma delta epsilon zeta")]])
        let fitted = Renderer.render(result, RenderOptions(format: .table, width: 40))
        #expect(fitted.split(separator: "\n")[2] == "one two three  alpha beta gamma delta")
    }

    @Test("auto: a table that cannot fit prints records, values wrapped; record always does")
    func records() {
        let result = ResultSet(columns: [Column(name: "code", type: .text), Column(name: "indicator", type: .text), Column(name: "achievement", type: .percent)],
                               rows: [[.text("SDIN-1"), .text("Persentase PNS yang mendapat pelayanan administrasi"), .number(62.7)],
                                      [.text("SDIN-2"), .text("Nilai SAKIP"), .missing]])
        let expected = """
        -[ row 1 ]--------------------
        code         SDIN-1
        indicator    Persentase PNS yang
                     mendapat pelayanan
                     administrasi
        achievement  62.7%
        -[ row 2 ]--------------------
        code         SDIN-2
        indicator    Nilai SAKIP
        achievement  -
        (2 rows)

        """
        #expect(Renderer.render(result, RenderOptions(format: .auto, width: 30)) == expected)
        #expect(Renderer.render(result, RenderOptions(format: .record, width: 30)) == expected)
        // At 34 columns the table fits, its indicator column narrowed and wrapped.
        #expect(Renderer.render(result, RenderOptions(format: .auto, width: 34)).hasPrefix("code    indicator      achievement\n"))
        #expect(Renderer.render(result, RenderOptions(format: .auto, width: 100)).hasPrefix("code    indicator"))
    }

    @Test("wrap: words kept whole, a word wider than the column broken inside it", arguments: [
        ("alpha beta gamma", 10, ["alpha beta", "gamma"]),
        ("alpha", 10, ["alpha"]),
        ("abcdefghijkl xy", 5, ["abcde", "fghij", "kl xy"]),
        ("a  b", 1, ["a", "b"]),
    ])
    func wrap(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(TableFit.wrap(text, width: width) == lines)
    }

    @Test("table: line breaks, carriage returns and tabs in a cell become spaces")
    func controlCharacters() {
        let result = ResultSet(columns: [Column(name: "note", type: .text), Column(name: "x", type: .text)],
                               rows: [[.text("a\r\nb\nc\rd\te"), .text("z")]])
        #expect(render(result, .table) == "note       x\n---------  -\na b c d e  z\n(1 row)\n")
    }

    @Test("table: colour only when asked: bold header, dim missing")
    func colour() {
        let result = ResultSet(columns: [Column(name: "a", type: .text), Column(name: "n", type: .number)],
                               rows: [[.text("x"), .missing]])
        #expect(render(result, .table, colour: true) == "\u{1B}[1ma\u{1B}[0m  \u{1B}[1mn\u{1B}[0m\n-  -\nx  \u{1B}[2m-\u{1B}[0m\n(1 row)\n")
        #expect(!render(result, .table).contains("\u{1B}"))
    }

    // MARK: csv

    @Test("csv: RFC 4180, header row, quotes only where needed, quotes doubled, missing empty, . decimals")
    func csv() {
        #expect(render(sample, .csv) == """
            name,unit,target,achievement,period
            Laporan,Seksi A,12,87.5,2026-10
            日本,x,3.25,,
            "Says ""hi"", ok",a|b,,66.666666,2026-Q3
            "two
            lines",,1234.5,100,2026

            """)
    }

    @Test("csv with decimal comma: a BOM (Excel reads UTF-8 only with one), ; between cells, , before decimals (Excel, Indonesian locale)")
    func csvDecimalComma() {
        #expect(render(sample, .csv, decimalComma: true) == "\u{FEFF}" + """
            name;unit;target;achievement;period
            Laporan;Seksi A;12;87,5;2026-10
            日本;x;3,25;;
            "Says ""hi"", ok";a|b;;66,666666;2026-Q3
            "two
            lines";;1234,5;100;2026

            """)
        // A ; in text is quoted; a comma no longer needs to be.
        let result = ResultSet(columns: [Column(name: "a;b", type: .text), Column(name: "c,d", type: .text)], rows: [[.text("x;y"), .text("1,5")]])
        #expect(render(result, .csv, decimalComma: true) == "\u{FEFF}\"a;b\";c,d\n\"x;y\";1,5\n")
        #expect(render(result, .csv) == "a;b,\"c,d\"\nx;y,\"1,5\"\n")
    }

    @Test("csv: never colour or decoration, whatever the options say")
    func csvPlain() {
        #expect(render(sample, .csv, colour: true) == render(sample, .csv))
    }

    @Test("csv: numbers with at most six decimals and no trailing zeros; negative; large")
    func csvNumbers() {
        let result = ResultSet(columns: [Column(name: "n", type: .number)],
                               rows: [[.number(1.0 / 3)], [.number(-2.5)], [.number(1e6)], [.number(0.1 + 0.2)], [.number(-0.0)]])
        #expect(render(result, .csv) == "n\n0.333333\n-2.5\n1000000\n0.3\n0\n")
    }

    // MARK: tsv

    @Test("tsv: tabs between cells, tabs and newlines inside cells become spaces, missing empty")
    func tsv() {
        #expect(render(sample, .tsv) == """
            name\tunit\ttarget\tachievement\tperiod
            Laporan\tSeksi A\t12\t87.5\t2026-10
            日本\tx\t3.25\t\t
            Says "hi", ok\ta|b\t\t66.666666\t2026-Q3
            two lines\t\t1234.5\t100\t2026

            """)
        let result = ResultSet(columns: [Column(name: "a\tb", type: .text)], rows: [[.text("x\ty\r\nz\rw")]])
        #expect(render(result, .tsv) == "a b\nx y z w\n")
    }

    // MARK: json

    @Test("json: an array of objects in column order, numbers as numbers, missing as null, strings escaped")
    func json() {
        #expect(render(sample, .json) == """
            [
              {"name": "Laporan", "unit": "Seksi A", "target": 12, "achievement": 87.5, "period": "2026-10"},
              {"name": "日本", "unit": "x", "target": 3.25, "achievement": null, "period": null},
              {"name": "Says \\"hi\\", ok", "unit": "a|b", "target": null, "achievement": 66.666666, "period": "2026-Q3"},
              {"name": "two\\nlines", "unit": "", "target": 1234.5, "achievement": 100, "period": "2026"}
            ]

            """)
    }

    @Test("json: control characters, backslashes and booleans; an empty result is []")
    func jsonEdges() {
        let result = ResultSet(columns: [Column(name: "s", type: .text), Column(name: "ok", type: .boolean)],
                               rows: [[.text("a\\b\t\u{1}\r"), .bool(true)], [.text("/"), .bool(false)]])
        #expect(render(result, .json) == """
            [
              {"s": "a\\\\b\\t\\u0001\\r", "ok": true},
              {"s": "/", "ok": false}
            ]

            """)
        #expect(render(ResultSet(columns: [Column(name: "a", type: .text)], rows: []), .json) == "[]\n")
    }

    // MARK: markdown

    @Test("markdown: a GitHub table, | escaped, ---: under numbers, missing as -, percent with %")
    func markdown() {
        #expect(render(sample, .markdown) == """
            | name | unit | target | achievement | period |
            | --- | --- | ---: | ---: | --- |
            | Laporan | Seksi A | 12 | 87.5% | 2026-10 |
            | 日本 | x | 3.25 | - | - |
            | Says "hi", ok | a\\|b | - | 66.7% | 2026-Q3 |
            | two lines |  | 1234.5 | 100.0% | 2026 |

            """)
    }
}
