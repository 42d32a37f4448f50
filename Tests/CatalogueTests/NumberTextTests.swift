import Foundation
import Testing
@testable import Base
@testable import Catalogue

@Suite("Numbers as text")
struct NumberTextTests {
    @Test("fixedDecimals writes what printf's %.Nf writes: exact rounding of the binary value, ties to even")
    func fixedDecimalsIsPrintf() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 87.5, 99.99999949, 99.9999995, 1e-7, 5e-7,
                                0.0000005, -0.0000005, 123456789.123456, 999999999999999, 1e15 - 0.5, .leastNonzeroMagnitude,
                                .leastNormalMagnitude, 4.35, 0.045, 1e20, -1e20, .infinity, -.infinity]
        for _ in 0..<5000 {
            values.append(Double.random(in: -1000...1000, using: &generator))
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / 1000)
            values.append(Double(Int.random(in: 0...1000, using: &generator)) / 8)
            values.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
        }
        // Not infinity (printf's `inf`): see nonFinite.
        for value in values where value.isFinite {
            for decimals in [0, 1, 2, 6, 9] {
                #expect(fixedDecimals(value, decimals) == String(format: "%.\(decimals)f", value), "\(value) with \(decimals)")
            }
        }
    }

    @Test("formatNumber: at most two decimals, no trailing zeros, no negative zero, comma on request")
    func formatNumberForPeople() {
        #expect(formatNumber(125) == "125")
        #expect(formatNumber(10.4166) == "10.42")
        #expect(formatNumber(87.5) == "87.5")
        #expect(formatNumber(-0.001) == "0")
        #expect(formatNumber(1250.5, decimalComma: true) == "1250,5")
    }

    @Test("printfDecimals is String(format:) also past 2^52 (whole numbers of up to 309 digits), at negative zero, at .5 ties, and for inf and nan")
    func printfDecimalsIsStringFormat() {
        var values: [Double] = [-0.0, 0.5, -0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, -0.05, 1e15, 1e15 + 0.125, 1125899906842624.5,
                                4503599627370495.5, 4503599627370496, 9007199254740992, 1e16, 1e22, 1e23, -1e300, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, 0x1p1023, 123456789012345678901234567890.0, .infinity, -.infinity, .nan, -Double.nan,
                                0.0 / 0.0, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            values.append(Double(bitPattern: UInt64.random(in: 0x4330_0000_0000_0000...0x7FEF_FFFF_FFFF_FFFF, using: &generator)))
            values.append(Double(Int64.random(in: Int64.min...Int64.max, using: &generator)) / 4)
        }
        for value in values {
            for decimals in [0, 1, 2, 3] {
                #expect(printfDecimals(value, decimals) == String(format: "%.\(decimals)f", value), "\(value) with \(decimals)")
            }
        }
    }

    @Test("CivilTime gives what Calendar and ISO8601DateFormatter gave in UTC: days before 1970 and far ahead, leap years, a fraction of a second dropped")
    func civilTime() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let iso = ISO8601DateFormatter()
        var moments: [Double] = [0, -1, -0.5, 0.999, 10.9994, 10.9995, -0.0004, -0.0006, 1e9 + 0.9995, 86_399.9, 86_400, 951_782_400, 951_868_799, 1_798_761_599, -2_208_988_800, 4_102_444_800, 253_402_300_799]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 { moments.append(Double.random(in: -5_000_000_000...10_000_000_000, using: &generator)) }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let t = CivilTime.utc(date)
            #expect([t.year, t.month, t.day, t.hour, t.minute, t.second] == [c.year, c.month, c.day, c.hour, c.minute, c.second].map { $0 ?? -1 }, "\(seconds)")
            #expect(CivilTime.iso8601(date) == iso.string(from: date), "\(seconds)")
            #expect(CivilTime.minutes(date) == String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0))
        }
        #expect(CivilTime.padded(-5, 4) == String(format: "%04d", -5))
        #expect(CivilTime.padded(12345, 4) == "12345")
    }
}
