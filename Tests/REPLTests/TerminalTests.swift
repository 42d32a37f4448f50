import Foundation
import Testing

/// The real `iki` in a pseudo-terminal: a tmux session on a server of its own (its own socket),
/// with its own HOME and XDG_STATE_HOME. Keys go in with `send-keys`; the screen comes back from
/// `capture-pane`, polled until what a test waits for shows up.
final class Terminal {
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `iki` beside the test runner, else in the package's usual scratch folders (this target's own first).
    static let executable: String? = Iki.locate(fallbacks: [".build-repl", ".build-tests", ".build"])?.path

    let socket: String
    let home: TemporaryFolder

    /// Starts `iki` (no arguments: the REPL over the bundled data). `environment` adds to or, with
    /// nil values, removes from the variables it runs with.
    init(_ name: String, home: TemporaryFolder, environment: [String: String?] = [:], columns: Int = 120, rows: Int = 40,
         arguments: [String] = []) throws {
        let program = try #require(Self.executable, "the iki executable was not found next to the tests; build it first")
        // Short and in /tmp: a socket path has a length limit that temporary folders can exceed.
        socket = "/tmp/iki-tmux-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.home = home
        // No pager unless a test asks for one (IKI_PAGER= turns it off): a tall result would wait in less.
        var variables: [String: String?] = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "XDG_CACHE_HOME": home.path + "/cache", "IKI_HISTORY": nil, "NO_COLOR": "1", "IKI_PAGER": ""]
        variables.merge(environment) { $1 }
        let unset = variables.filter { $0.value == nil }.keys.sorted().map { "-u \($0)" }
        let set = variables.compactMap { key, value in value.map { "\(key)=\(Self.quoted($0))" } }.sorted()
        // The trailing sleep keeps the pane, and the exit status, readable after iki ends.
        let command = (["cd", Self.quoted(home.path), "&&", "env"] + unset + set + [Self.quoted(program)] + arguments.map(Self.quoted)).joined(separator: " ")
            + "; echo EXIT=$?; sleep 60"
        try tmux(["new-session", "-d", "-s", "t", "-x", String(columns), "-y", String(rows), command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command; only `capture-pane` output is kept. Not through `Process`: the server
    /// `new-session` starts keeps the client's descriptors (a pipe would never reach its end),
    /// and inherits its signal mask, which on a test thread blocks SIGINT and SIGHUP: iki would
    /// then ignore them. So tmux starts with every signal unblocked and at its default action.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let tmux = try #require(Self.tmux)
        let output = home.path + "/.tmux-output-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
        var actions: posix_spawn_file_actions_t?
        #else
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, arguments.first == "capture-pane" ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var environment = ProcessInfo.processInfo.environment
        if environment["TERM"].map({ $0.isEmpty || $0 == "dumb" }) ?? true { environment["TERM"] = "xterm-256color" }
        let argv = ([tmux, "-S", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Types `text` as it is (no key names).
    /// A final `;` is escaped: tmux would take it for the end of its own command.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", text.hasSuffix(";") ? text.dropLast() + "\\;" : text])
    }

    /// Presses keys by their tmux names: Enter, Tab, Up, Left, C-c, C-d.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// Pastes `text` as a terminal does: bracketed (`ESC [200~` ... `ESC [201~`, when iki asked for
    /// it) or as plain keys, every line end a carriage return.
    func paste(_ text: String, bracketed: Bool = true) throws {
        let file = home.path + "/.paste-\(UUID().uuidString)"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmux(["load-buffer", "-b", "p", file])
        try tmux(["paste-buffer", "-d", "-b", "p", "-t", "t"] + (bracketed ? ["-p"] : []))
    }

    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", "t"])) ?? "" }

    /// The non-empty lines of the screen.
    func lines() -> [String] { screen().split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) } }

    /// Polls the screen until `done` holds or `timeout` seconds pass; returns the last screen's
    /// lines, which the test checks (and which say what was there when it failed).
    @discardableResult
    func wait(timeout: Double = 20, until done: ([String]) -> Bool) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var current = lines()
        while !done(current) && Date() < deadline {
            usleep(50_000)
            current = lines()
        }
        return current
    }

    /// Waits for a fresh prompt on the last line.
    @discardableResult
    func waitForPrompt() -> [String] { wait { $0.last == "iki>" } }

    func history() -> String? { try? String(contentsOfFile: home.path + "/state/iki/history", encoding: .utf8) }
}

@Suite("The REPL in a terminal (tmux)", .serialized, .enabled(if: Terminal.tmux != nil, "tmux is not installed (apt-get install -y tmux); the terminal tests need it"))
struct TerminalTests {
    @Test("a query typed at the prompt prints its table, then a fresh prompt")
    func query() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("query", home: home)
        let start = terminal.waitForPrompt()
        #expect(start.last == "iki>", "no prompt: \(start)")
        #expect(start.first?.hasPrefix("iki: ") == true && start.joined().contains("54 positions, 75 indicators"), "banner: \(start)")

        try terminal.type("show units unit, kind where kind = \"upt\"")
        try terminal.press("Enter")
        let screen = terminal.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        #expect(screen.contains { $0.hasPrefix("unit ") && $0.hasSuffix("kind") }, "\(screen)")
        #expect(screen.contains("Pengelola Dana Bergulir  upt"), "\(screen)")
        #expect(screen.last == "iki>", "\(screen)")
    }

    @Test("history survives a restart: Up recalls the previous session's statement; IKI_HISTORY= turns it off")
    func history() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        do {
            let first = try Terminal("history1", home: home)
            first.waitForPrompt()
            try first.type("show units limit 1")
            try first.press("Enter")
            first.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
            try first.press("C-d")
            let end = first.wait { $0.contains("EXIT=0") }
            #expect(end.contains("EXIT=0"), "\(end)")
        }
        let saved = try #require(FileManager.default.contents(atPath: home.path + "/state/iki/history"), "no history file")
        #expect(String(decoding: saved, as: UTF8.self).contains("show\\040units\\040limit\\0401"))

        let second = try Terminal("history2", home: home)
        second.waitForPrompt()
        try second.press("Up")
        let recalled = second.wait { $0.last == "iki> show units limit 1" }
        #expect(recalled.last == "iki> show units limit 1", "\(recalled)")
        try second.press("Enter")
        let ran = second.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        #expect(ran.contains { $0.hasPrefix("Sekretariat") }, "\(ran)")

        let off = try TemporaryFolder()
        defer { off.remove() }
        let third = try Terminal("history3", home: off, environment: ["IKI_HISTORY": ""])
        third.waitForPrompt()
        try third.type("show units limit 1")
        try third.press("Enter")
        third.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        try third.press("C-d")
        third.wait { $0.contains("EXIT=0") }
        #expect(!FileManager.default.fileExists(atPath: off.path + "/state/iki"), "IKI_HISTORY= still wrote a history")
    }

    @Test("Tab completes a field name")
    func completeField() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("field", home: home)
        terminal.waitForPrompt()
        try terminal.type("show indicators code, achi")
        try terminal.press("Tab")
        let completed = terminal.wait { $0.last == "iki> show indicators code, achievement" }
        #expect(completed.last == "iki> show indicators code, achievement", "\(completed)")
        // The space after the completion is there: typing goes on with the next word.
        try terminal.type("where achievement < 10% limit 1")
        try terminal.press("Enter")
        let ran = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("row") } && $0.last == "iki>" }
        #expect(ran.contains { $0.hasPrefix("code") && $0.hasSuffix("achievement") }, "\(ran)")
    }

    @Test("Tab completes a unit name inside quotes after bidang =, and a second Tab lists the candidates")
    func completeUnit() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("unit", home: home)
        terminal.waitForPrompt()
        try terminal.type("show positions code, bidang where bidang = \"Fas")
        try terminal.press("Tab")
        let expected = "iki> show positions code, bidang where bidang = \"Fasilitasi Pembiayaan\""
        let completed = terminal.wait { $0.last == expected }
        #expect(completed.last == expected, "\(completed)")
        try terminal.press("Enter")
        let ran = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("rows") } && $0.last == "iki>" }
        #expect(ran.contains { $0.hasSuffix("Fasilitasi Pembiayaan") && !$0.hasPrefix("iki>") }, "\(ran)")
        #expect(!ran.contains { $0.contains("warning") }, "\(ran)")

        try terminal.press("C-l")
        terminal.waitForPrompt()
        try terminal.type("show units where bidang = \"P")
        try terminal.press("Tab")
        try terminal.press("Tab")
        let line = "iki> show units where bidang = \"P"
        let listed = terminal.wait { $0.contains { $0.contains("\"Pengelola Dana Bergulir\"") } && $0.last == line }
        let list = listed.first { $0.contains("\"Pengelola Dana Bergulir\"") } ?? ""
        #expect(list.contains("\"Produksi dan Pemasaran Koperasi\"") && list.contains("\"Pengembangan dan Restrukturasi Usaha\""), "\(listed)")
        #expect(!list.contains("Permodalan"), "a seksi is not a bidang: \(listed)")
        #expect(listed.last == line, "the line is drawn again under the list: \(listed)")
    }

    @Test("a statement over several lines: the prompt shows what is open; it runs once, at its ';'; one history entry")
    func multiLine() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("multi", home: home)
        terminal.waitForPrompt()
        try terminal.type("show units unit, kind")
        try terminal.press("Enter")
        // A complete first line runs at once.
        terminal.wait { $0.contains { $0.hasPrefix("(22 rows") } && $0.last == "iki>" }
        try terminal.press("C-l")
        terminal.waitForPrompt()
        try terminal.type("show units unit, kind where")
        try terminal.press("Enter")
        let continued = terminal.wait { $0.last == "where>" }
        #expect(continued.last == "where>", "\(continued)")
        try terminal.type("(kind =")
        try terminal.press("Enter")
        let parenthesis = terminal.wait { $0.count >= 3 && $0.last == "  (>" && $0[$0.count - 2] == "where> (kind =" }
        #expect(parenthesis.last == "  (>", "an open parenthesis: \(parenthesis)")
        try terminal.type("\"upt\")")
        try terminal.press("Enter")
        // Complete, but begun on an earlier line: it waits for its ';'.
        let waiting = terminal.wait { $0.last == "  ;>" }
        #expect(waiting.last == "  ;>", "\(waiting)")
        #expect(!waiting.contains { $0.hasPrefix("(") && $0.contains("row") }, "ran before its ';': \(waiting)")
        try terminal.type(";")
        try terminal.press("Enter")
        let ran = terminal.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        #expect(ran.contains("Pengelola Dana Bergulir  upt"), "\(ran)")
        // One entry for the whole statement, after the first line's own.
        let entries = terminal.history()?.split(separator: "\n").dropFirst() ?? []
        #expect(entries.count == 2 && entries.last?.hasPrefix("show\\040units\\040unit,\\040kind\\040where\\040(kind\\040=\\040\"upt\")\\040;") == true,
                "history: \(terminal.history() ?? "none")")
    }

    @Test("Ctrl-C at the prompt, mid-line and in a continuation line abandons the input for a fresh prompt")
    func interrupt() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("ctrlc", home: home)
        terminal.waitForPrompt()
        try terminal.press("C-c")
        var screen = terminal.wait { $0.suffix(2) == ["iki> ^C", "iki>"] }
        #expect(screen.suffix(2) == ["iki> ^C", "iki>"], "\(screen)")

        try terminal.type("show indic")
        try terminal.press("Left", "Left", "C-c")
        screen = terminal.wait { $0.suffix(2) == ["iki> show indic^C", "iki>"] }
        #expect(screen.suffix(2) == ["iki> show indic^C", "iki>"], "\(screen)")

        try terminal.type("show units where")
        try terminal.press("Enter")
        terminal.wait { $0.last == "where>" }
        try terminal.press("C-c")
        screen = terminal.wait { $0.suffix(2) == ["where> ^C", "iki>"] }
        #expect(screen.suffix(2) == ["where> ^C", "iki>"], "\(screen)")

        // Nothing of the abandoned input is left over: the next statement runs on its own.
        try terminal.type("show units limit 1")
        try terminal.press("Enter")
        screen = terminal.wait { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        #expect(screen.contains { $0.hasPrefix("Sekretariat") }, "\(screen)")
        #expect(!screen.contains { $0.contains("error") }, "\(screen)")
        #expect(terminal.history() == "_HiStOrY_V2_\nshow\\040units\\040limit\\0401\n", "abandoned input is not remembered")
    }

    @Test("an error does not leave the REPL; Ctrl-D on an empty line leaves with status 0")
    func endOfInput() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("ctrld", home: home)
        terminal.waitForPrompt()
        try terminal.type("show nonsense")
        try terminal.press("Enter")
        let failed = terminal.wait { $0.contains { $0.contains("error") } && $0.last == "iki>" }
        #expect(failed.contains { $0.hasPrefix("<input>:1:6: error:") }, "\(failed)")
        try terminal.press("C-d")
        let end = terminal.wait { $0.contains("EXIT=0") }
        #expect(end.last == "EXIT=0", "\(end)")
    }
}
