import Base
import Query

/// How a terminal draws `trend(x)` and `bar(x)` columns (issue 13): a sparkline scaled between the
/// series' own min and max, a missing month as a space; a bar of a percentage scaled to 100%,
/// `width` cells with eighths, capped with `▸` above 100, coloured by band on a colour terminal.
enum Pictures {
    static let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let barWidth = 20

    /// The cell for a picture column's value; nil for a missing value (shown as `-`).
    static func cell(_ value: Value, _ picture: Picture) -> String? {
        switch picture {
        case .trend:
            guard case .text(let data) = value else { return nil }
            return sparkline(data.split(separator: ";", omittingEmptySubsequences: false).map { Double($0) })
        case .bar:
            guard let n = value.number, n.isFinite else { return nil }
            return bar(n)
        case .state:
            if value.isMissing { return nil }
            return Picture.stateWords(value) ?? terminalCell(Renderer.humanText(value, .text))
        }
    }

    static func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { v -> Character in
            guard let v else { return " " }
            // A flat series sits in the middle, neither low nor high.
            guard high > low else { return ticks[3] }
            return ticks[min(7, Int((v - low) / (high - low) * 7 + 0.5))]
        })
    }

    /// `width` cells for 100%; a negative value is an empty bar.
    static func bar(_ percent: Double, width: Int = barWidth) -> String {
        let capped = percent > 100
        let eighthsTotal = Int((min(max(percent, 0), 100) / 100 * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: eighthsTotal / 8)
        if eighthsTotal % 8 > 0 { text.append(eighths[eighthsTotal % 8 - 1]) }
        text += String(repeating: " ", count: width - text.count)
        return text + (capped ? "▸" : " ")
    }

    /// The ANSI colour of a value's band: green, light green, yellow, light red, red (as the
    /// workbook's predikat fills).
    static func colour(_ value: Value, bands: [Double]) -> String? {
        guard let n = value.number, n.isFinite else { return nil }
        let codes = ["32", "92", "33", "91", "31"]
        return "\u{1B}[" + codes[band(n, bands: bands)] + "m"
    }

    /// The band of a value, 0 the best, at most 4 (the colours are five): the terminal's colour
    /// and the report page's bar follow the same bands.
    static func band(_ value: Double, bands: [Double]) -> Int {
        let band = bands.firstIndex { value >= $0 } ?? bands.count - 1
        return min(max(band, 0), 4)
    }

    /// The same five colours for a page (the report's bars): green, light green, yellow, light
    /// red, red, dark enough to print.
    static let bandColours = ["#2e8b57", "#7cb342", "#e0b000", "#ef8354", "#d64545"]
    /// Their pale versions, as the workbook fills the predikat cell.
    static let bandFills = ["#63be7b", "#c6efce", "#ffeb9c", "#f8cbad", "#ff7c80"]
}
