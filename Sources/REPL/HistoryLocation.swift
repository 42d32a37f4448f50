import Foundation

/// Where the REPL keeps its history.
public enum HistoryLocation {
    /// `$IKI_HISTORY` when set and non-empty; none when `IKI_HISTORY` is set but empty (history
    /// off); else `$XDG_STATE_HOME/iki/history`, else `~/.local/state/iki/history`.
    public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["IKI_HISTORY"] {
            return explicit.isEmpty ? nil : explicit
        }
        // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/iki/history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/iki/history"
    }
}
