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
}
