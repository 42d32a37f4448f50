import Foundation

/// A number for people: at most two decimals, no trailing zeros (125, 10.42, 87.5); with
/// `decimalComma`, a comma before the decimals. Templates, cards and tables all print this way.
/// Infinity and NaN are not numbers anyone can use: they are written as nothing (""), as a
/// missing value is in CSV, never `inf` or `nan`; callers that show missing values as `-` should
/// test `isFinite` first.
public func formatNumber(_ value: Double, decimalComma: Bool = false) -> String {
    guard value.isFinite else { return "" }
    var text = fixedDecimals(value, 2)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    if text == "-0" { text = "0" }
    return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
}

/// `String(format: "%.Nf", value)` for 0...9 decimals, without Foundation's formatter (output
/// renders millions of numbers): the binary value times 10^N, rounded exactly, ties to even, as
/// printf rounds. Values too large for that arithmetic go to the formatter. Infinity and NaN
/// give "" (never `inf` or `nan`: see `formatNumber`).
public func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
    precondition((0...9).contains(decimals))
    guard value.isFinite else { return "" }
    guard #available(macOS 15, *), value.isFinite, abs(value) < 1e15 else { return String(format: "%.\(decimals)f", value) }
    let scale = UInt128((0..<decimals).reduce(1) { x, _ in x * 10 })
    let magnitude = abs(value)
    // magnitude = significand x 2^exponent, the significand an integer below 2^53.
    // (Zero and subnormals have no implicit bit and the smallest exponent.)
    let significand = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
    let shift = magnitude.isNormal ? Int(magnitude.exponent) - 52 : -1074
    // Below 1e15 (< 2^50) the shift is always negative: the value has a fraction part in binary.
    var scaled: UInt128
    if -shift >= 120 {
        scaled = 0  // below 2^-67: rounds to zero at any of these scales
    } else {
        let product = significand * scale
        let s = -shift
        scaled = product >> s
        let remainder = product & ((1 << s) - 1), half = UInt128(1) << (s - 1)
        if remainder > half || (remainder == half && scaled & 1 == 1) { scaled += 1 }
    }
    var digits = String(scaled)
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (value.sign == .minus ? "-" : "") + digits
}
