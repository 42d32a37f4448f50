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
/// renders millions of numbers, and `String(format:)` links ICU into iki): the binary value times
/// 10^N, rounded exactly, ties to even, as printf rounds. Infinity and NaN give "" (never `inf` or
/// `nan`: see `formatNumber`; `printfDecimals` writes them as printf does).
public func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
    precondition((0...9).contains(decimals))
    guard value.isFinite else { return "" }
    let magnitude = abs(value)
    // magnitude = significand x 2^exponent, the significand an integer below 2^53.
    // (Zero and subnormals have no implicit bit and the smallest exponent.)
    let shift = magnitude.isNormal ? Int(magnitude.exponent) - 52 : -1074
    // From 2^52 up a Double is a whole number, maybe past any fixed-width integer: its digits.
    if shift >= 0 {
        return (value.sign == .minus ? "-" : "") + wholeDigits(magnitude.significandBitPattern | 1 << 52, shift)
            + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
    }
    guard #available(macOS 15, *) else { return cFixedDecimals(value, decimals) }
    let scale = UInt128((0..<decimals).reduce(1) { x, _ in x * 10 })
    let significand = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
    // Here the value is below 2^53: significand x 10^9 fits in 128 bits.
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

/// `significand x 2^shift` in decimal: base-10^9 limbs doubled `shift` times (at most 971; only
/// numbers from 2^52 up come here, rarely).
private func wholeDigits(_ significand: UInt64, _ shift: Int) -> String {
    let base: UInt64 = 1_000_000_000
    var limbs: [UInt64] = [significand % base, significand / base % base, significand / base / base]  // lowest first
    for _ in 0..<shift {
        var carry: UInt64 = 0
        for k in limbs.indices {
            let x = limbs[k] * 2 + carry
            limbs[k] = x % base
            carry = x / base
        }
        if carry > 0 { limbs.append(carry) }
    }
    while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    var text = String(limbs.last!)
    for limb in limbs.dropLast().reversed() {
        let part = String(limb)
        text += String(repeating: "0", count: 9 - part.count) + part
    }
    return text
}

/// C's printf, where Swift has no `UInt128` (macOS before 15); the C locale's point, as iki never
/// sets `LC_NUMERIC`.
private func cFixedDecimals(_ value: Double, _ decimals: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 400)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `String(format: "%.Nf", value)` exactly, also for what is not a number: `inf`, `-inf`, `nan`
/// and `-nan`, as glibc's printf writes them (a message quoting a computed value).
public func printfDecimals(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else {
        let sign = value.sign == .minus ? "-" : ""
        return sign + (value.isNaN ? "nan" : "inf")
    }
    return fixedDecimals(value, decimals)
}
