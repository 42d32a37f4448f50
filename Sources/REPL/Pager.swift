import Foundation

/// A result taller than the terminal goes through a pager, as psql does: `$IKI_PAGER`, else
/// `$PAGER`, else `less -FRX` (`-F` quits at once when the text fits after all, `-R` keeps
/// colours, `-X` leaves the text on the screen). Either variable set but empty turns paging off.
/// Only on a terminal: the session asks only when standard output is one.
///
/// The pager reads the text on its standard input. Quitting it early (`q` in less) closes the
/// pipe: the rest is dropped, silently. Ctrl-C belongs to the pager while it runs (iki ignores
/// it), so the shell comes back to its prompt with nothing abandoned.
public enum Pager {
    public static let defaultCommand = "less -FRX"

    /// The pager's command line from the environment; nil when paging is turned off there.
    public static func command(environment: [String: String]) -> String? {
        let chosen = environment["IKI_PAGER"] ?? environment["PAGER"] ?? defaultCommand
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether `text` goes through the pager on a terminal of `rows` rows: when it has more lines
    /// than the screen leaves under the prompt (psql's rule). Lines wider than the screen count
    /// as the rows they take.
    public static func needed(_ text: String, rows: Int, columns: Int) -> Bool {
        guard rows > 1 else { return false }
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            lines += columns > 0 ? max(1, (line.count + columns - 1) / columns) : 1
            if lines >= rows { return true }
        }
        return false
    }

    /// The argument vector to start `command` with: its words when it is plain words, else
    /// `/bin/sh -c command` (quotes, pipes, variables).
    static func arguments(_ command: String) -> [String] {
        let plain = command.allSatisfy { $0.isLetter || $0.isNumber || " -_./=+,:".contains($0) }
        return plain ? command.split(separator: " ").map(String.init) : ["/bin/sh", "-c", command]
    }

    /// Shows `text` in the pager named by `command`; false when it could not start (the caller
    /// prints the text itself). The call returns when the pager has ended.
    public static func show(_ text: String, command: String) -> Bool {
        let argv = arguments(command)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
        var actions: posix_spawn_file_actions_t?
        #else
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The pager gets SIGINT and SIGPIPE at their defaults and nothing blocked, whatever iki has.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        // iki ignores Ctrl-C and broken pipes while the pager runs: both are the pager's business.
        var ignore = sigaction(), oldInterrupt = sigaction(), oldPipe = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGPIPE, &ignore, &oldPipe)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGPIPE, &oldPipe, nil)
        }

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        var text = text
        text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = write(writeEnd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    // EPIPE: the pager was quit before the end; the rest is not wanted.
                    return
                }
                written += n
            }
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // A shell that could not find the pager (127) or run it (126) showed nothing: print instead.
        let exitedWith = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        if exitedWith == 127 || exitedWith == 126 { return false }
        return true
    }
}
