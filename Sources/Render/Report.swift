import Catalogue
import Foundation
import Query

/// The report for the head of office (issue 13): the office, the period and the rules, and six
/// sections, each the result of a `show` a user can run in the shell (its text kept with it).
/// `Shell/ReportQueries.swift` runs the queries; `ReportPage` draws the page, `ReportWorkbook`
/// the sheets.
public struct Report: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bidang, trend, under80, notReported, best, worst

        /// The section's title and its sheet's name.
        public var title: Message {
            switch self {
            case .bidang: .reportBidangTitle
            case .trend: .reportTrendTitle
            case .under80: .reportUnderTitle
            case .notReported: .reportNotReportedTitle
            case .best: .reportBestTitle
            case .worst: .reportWorstTitle
            }
        }

        public var sheet: Message {
            switch self {
            case .bidang: .reportBidangSheet
            case .trend: .reportTrendSheet
            case .under80: .reportUnderSheet
            case .notReported: .reportNotReportedSheet
            case .best: .reportBestSheet
            case .worst: .reportWorstSheet
            }
        }
    }

    public struct Section: Sendable {
        public var kind: Kind
        /// The `show` statement that produced `result`, as a user would type it.
        public var query: String
        public var result: ResultSet

        public init(kind: Kind, query: String, result: ResultSet) {
            self.kind = kind
            self.query = query
            self.result = result
        }
    }

    public var metadata: Metadata
    public var period: Period
    /// The month the change is measured against.
    public var previous: Period
    /// The months the trend covers: the year's first to the period's last.
    public var trendMonths: [Period]
    public var scale: Scale
    public var loaded: Date
    /// The files the data came from, by base name.
    public var sources: [String]
    public var sections: [Section]

    public init(metadata: Metadata, period: Period, previous: Period, trendMonths: [Period], scale: Scale, loaded: Date,
                sources: [String], sections: [Section]) {
        self.metadata = metadata
        self.period = period
        self.previous = previous
        self.trendMonths = trendMonths
        self.scale = scale
        self.loaded = loaded
        self.sources = sources
        self.sections = sections
    }

    public func section(_ kind: Kind) -> Section? { sections.first { $0.kind == kind } }

    /// A period as the office writes it: `Oktober 2026` for a month, else as iki writes it.
    public static func label(_ period: Period) -> String {
        period.granularity == .month && !period.isRange ? "\(Message.reportMonth(period.index).text) \(period.year)" : period.description
    }

    /// The load time as a date and a time in UTC, the same on every machine for the same instant.
    public var loadedText: String {
        CivilTime.minutes(loaded)
    }

    /// The office's lines: name, region, head.
    public var officeRows: [(Message, String)] {
        var rows: [(Message, String)] = []
        if let office = metadata.office { rows.append((.reportOffice, office)) }
        if let region = metadata.region { rows.append((.reportRegion, region)) }
        if let head = metadata.head {
            rows.append((.reportHead, [head, metadata.headTitle, metadata.nip.map { "NIP " + $0 }].compactMap { $0 }.joined(separator: ", ")))
        }
        return rows
    }

    /// The scale as one line: `>= 91 Sangat Baik, >= 76 Baik, ...`.
    public var scaleText: String {
        scale.bands.map { $0.minimum == -.infinity ? "< \(formatNumber(scale.bands.dropLast().last?.minimum ?? 0)) \($0.name)" : ">= \(formatNumber($0.minimum)) \($0.name)" }
            .joined(separator: ", ")
    }

    /// The band a value falls in as printed (one decimal), 0 the best (as `bar(x)` colours a terminal).
    public func band(_ value: Double) -> Int {
        Pictures.band(Achievement.rounded(value), bands: scale.bands.map(\.minimum))
    }
}
