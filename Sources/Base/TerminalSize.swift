import Foundation

/// The size of the terminal a descriptor writes to, read afresh each time (the window may have
/// been resized since the last result); nil when it is not a terminal.
public enum TerminalSize {
    public static func of(_ descriptor: Int32) -> (columns: Int, rows: Int)? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
