import Foundation

/// A number for people: at most two decimals, no trailing zeros (125, 10.42, 87.5); with
/// `decimalComma`, a comma before the decimals. Templates, cards and tables all print this way.
public func formatNumber(_ value: Double, decimalComma: Bool = false) -> String {
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    if text == "-0" { text = "0" }
    return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
}
