/// Text cells made safe to open in a spreadsheet (CWE-1236, "CSV injection").
///
/// Excel, LibreOffice and Google Sheets take a cell that begins with `=`, `+`, `-` or `@` (and,
/// in some versions, a tab or CR before one of those) for a formula, even in a CSV file: a position
/// title or a note such as `=HYPERLINK("http://...")` or `-2+3+cmd|' /C calc'!A0` would run when
/// the file is opened. Following OWASP, such a cell is written with a single quote in front, which
/// the spreadsheet shows as text, and quoted (see `CSVWriter`).
///
/// Only for files written for people (export to .csv/.tsv, Excel-locale CSV, the template);
/// CSV on standard output stays as the data is, for programs.
public enum SpreadsheetText {
    /// Whether a spreadsheet could take `text` for a formula: it begins with `=`, `+`, `-`, `@`,
    /// a tab or a CR, and is not simply a number (`-12.5`, `+3`, `-87,5`: a spreadsheet reads those
    /// as numbers, so they stay as they are).
    public static func needsGuard(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(text.utf8.dropFirst())
        default: return false
        }
    }

    /// `text` as a spreadsheet shows it as text: with `'` in front when it `needsGuard`, else as it is.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// Digits, optionally one `.` or `,` followed by more digits: nothing a formula could hide in.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digitsBefore = 0, separators = 0, digitsAfter = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if separators == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                separators += 1
                if separators > 1 { return false }
            default:
                return false
            }
        }
        return digitsBefore > 0 && (separators == 0 || digitsAfter > 0)
    }

    /// A column's letters as spreadsheets name it: `A`, `B`, ..., `Z`, `AA` for columns 0, 1, ...
    /// (read in workbook diagnostics, written in workbook cell references).
    public static func columnName(_ column: Int) -> String {
        var n = column + 1, name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
