import Foundation

/// Days and times in UTC as text, from a `Date`'s seconds: the proleptic Gregorian calendar by
/// arithmetic (Howard Hinnant's `civil_from_days`). Why not `Calendar`, `TimeZone` or
/// `ISO8601DateFormatter`: they link Foundation's internationalisation and ICU's 38 MB of data into
/// iki and load them at start, for what a dozen lines compute.
public enum CivilTime {
    /// The date `days` after 1970-01-01 (negative: before it).
    public static func date(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A moment's date and time of day in UTC, to the second: a fraction dropped, as `Calendar`
    /// drops it; `milliseconds`: first rounded to the millisecond, as `ISO8601DateFormatter` does
    /// (10.9995 s is 11 s there).
    public static func utc(_ moment: Date, milliseconds: Bool = false) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let t = moment.timeIntervalSince1970
        let seconds: Int
        if milliseconds {
            let ms = Int((t * 1000).rounded())
            seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        } else {
            seconds = Int(t.rounded(.down))
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = date(daysSince1970: days)
        return (year, month, day, inDay / 3600, inDay % 3600 / 60, inDay % 60)
    }

    /// `2026-12-02T15:14:57Z`, as `ISO8601DateFormatter()` writes a moment.
    public static func iso8601(_ moment: Date) -> String {
        let t = utc(moment, milliseconds: true)
        return "\(padded(t.year, 4))-\(padded(t.month))-\(padded(t.day))T\(padded(t.hour)):\(padded(t.minute)):\(padded(t.second))Z"
    }

    /// `2026-12-02 15:14 UTC`: a load's time in a report.
    public static func minutes(_ moment: Date) -> String {
        let t = utc(moment)
        return "\(padded(t.year, 4))-\(padded(t.month))-\(padded(t.day)) \(padded(t.hour)):\(padded(t.minute)) UTC"
    }

    /// `7` -> `07`, as `%02d` pads (a sign before the zeros).
    public static func padded(_ n: Int, _ width: Int = 2) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0))) + digits
    }
}
