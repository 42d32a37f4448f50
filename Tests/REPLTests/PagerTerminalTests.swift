import Foundation
import Testing

extension Terminal {
    /// Every line printed so far (the scrollback too), lines the terminal wrapped joined again:
    /// what the program wrote, so a line wider than the terminal shows as one.
    func printedLines() -> [String] {
        ((try? tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "t"])) ?? "").split(separator: "\n").map(String.init)
    }
}

/// The terminal conventions of issue 12 in a real terminal: 80 columns, the pager (on a terminal,
/// not in a pipe), Ctrl-C while a long result prints, and the progress line of a long load.
@Suite("Pager, progress and an 80-column terminal (tmux)", .serialized, .enabled(if: Terminal.tmux != nil, "tmux is not installed (apt-get install -y tmux); the terminal tests need it"))
struct PagerTerminalTests {
    /// A folder of `count` offices: the bundled catalogue under as many names, enough for a load
    /// that takes seconds and a result of thousands of rows.
    static func offices(_ count: Int, in home: TemporaryFolder) throws -> String {
        let folder = home.file("offices")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let catalogue = try Data(contentsOf: URL(fileURLWithPath: Bundled.cataloguePath))
        for i in 1...count { try catalogue.write(to: URL(fileURLWithPath: folder + "/office-\(i).txt")) }
        return folder
    }

    /// A pager that leaves a mark and shows the text as it is.
    static func fakePager(in home: TemporaryFolder) throws -> String {
        let path = home.file("fake-pager")
        try "#!/bin/sh\necho paged >> '\(home.file("paged"))'\ncat\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    @Test("at 80 columns show units, show indicators where achievement < 60% and describe indicator KSPPKEH-1 print no line wider than 80")
    func eightyColumns() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("eighty", home: home, columns: 80, rows: 50)
        terminal.waitForPrompt()
        for query in ["show units", "show indicators where achievement < 60%", "describe indicator KSPPKEH-1"] {
            try terminal.press("C-l")
            // The prompt is on the last line before Ctrl-L is read too: wait for the cleared screen,
            // or the banner (wider than 80, wrapped by the terminal) is still there to be counted.
            let cleared = terminal.wait { $0 == ["iki>"] }
            #expect(cleared == ["iki>"], "\(query): the screen was not cleared: \(cleared)")
            try terminal.tmux(["clear-history", "-t", "t"])
            try terminal.type(query)
            try terminal.press("Enter")
            let screen = terminal.wait { $0.contains { $0.hasPrefix("(") && $0.contains("row") } && $0.last == "iki>" }
            #expect(screen.last == "iki>", "\(query): \(screen)")
            let wide = terminal.printedLines().filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(query): \(wide)")
        }
    }

    @Test("a result taller than the terminal goes through less -FRX; q returns to the prompt; set pager off prints it")
    func lessOnTerminal() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let terminal = try Terminal("less", home: home, environment: ["IKI_PAGER": nil, "PAGER": "less -FRX"], columns: 100, rows: 24)
        terminal.waitForPrompt()
        try terminal.type("show indicators code, achievement")
        try terminal.press("Enter")
        // less waits at its ':' prompt with the first screen; iki has not printed its prompt.
        let paging = terminal.wait { $0.last == ":" }
        #expect(paging.last == ":", "\(paging)")
        try terminal.press("q")
        let back = terminal.wait { $0.last == "iki>" }
        #expect(back.last == "iki>", "\(back)")
        // Ctrl-C in the pager is the pager's: iki stays, and the next statement runs.
        try terminal.type("show indicators code, achievement")
        try terminal.press("Enter")
        terminal.wait { $0.last == ":" }
        try terminal.press("C-c")
        // less drops what was typed ahead when it takes the interrupt: a q sent at once could be
        // dropped (and what is typed next then goes to less). A person presses q after a moment.
        usleep(500_000)
        try terminal.press("q")
        terminal.wait { $0.last == "iki>" }
        try terminal.type("set pager off; show indicators code, achievement;")
        try terminal.press("Enter")
        let printed = terminal.wait { $0.contains { $0.hasPrefix("(75 rows") } && $0.last == "iki>" }
        #expect(printed.contains { $0.hasPrefix("(75 rows") }, "\(printed)")
        #expect(!printed.contains(":"), "\(printed)")
    }

    @Test("-c on a terminal pages (as psql does); a short result or --no-pager does not; a pipe never does")
    func pagerOnlyOnTerminal() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let pager = try Self.fakePager(in: home)
        do {
            let terminal = try Terminal("pagec", home: home, environment: ["IKI_PAGER": pager], columns: 100, rows: 24, arguments: ["-c", "show indicators code"])
            let end = terminal.wait { $0.contains("EXIT=0") }
            #expect(end.contains { $0.hasPrefix("(75 rows") }, "\(end)")
            #expect(try home.read("paged") == "paged\n")
        }
        for arguments in [["-c", "show units limit 2"], ["--no-pager", "-c", "show indicators code"]] {
            let terminal = try Terminal("nopage", home: home, environment: ["IKI_PAGER": pager], columns: 100, rows: 24, arguments: arguments)
            let end = terminal.wait { $0.contains("EXIT=0") }
            #expect(end.contains { $0.hasPrefix("(") && $0.contains("row") }, "\(end)")
            #expect(try home.read("paged") == "paged\n", "\(arguments) paged")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["IKI_PAGER"] = pager
        let piped = try Iki.run(executable: Iki.path(), ["-c", "show indicators code"], in: home, environment: environment)
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("(75 rows"), "\(piped.stdout)")
        #expect(try home.read("paged") == "paged\n", "a pipe was paged")
    }

    @Test("Ctrl-C while a long result prints returns to the prompt, and the shell goes on")
    func interruptPrinting() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let offices = try Self.offices(20, in: home)
        let terminal = try Terminal("stop", home: home, columns: 120, rows: 30, arguments: ["--catalogue", offices])
        terminal.wait(timeout: 120) { $0.last == "iki>" }
        try terminal.type("show indicators code, indicator, position, bidang")
        try terminal.press("Enter")
        try terminal.press("C-c")
        let back = terminal.wait(timeout: 60) { $0.last == "iki>" }
        #expect(back.last == "iki>", "\(back)")
        try terminal.press("C-l")
        try terminal.type("show units unit limit 1")
        try terminal.press("Enter")
        let next = terminal.wait(timeout: 60) { $0.contains { $0.hasPrefix("(1 row") } && $0.last == "iki>" }
        #expect(next.contains { $0.hasPrefix("(1 row") }, "\(next)")
    }

    @Test("a load that takes seconds shows its progress line on a terminal, cleared at the end; never in a pipe or with --quiet")
    func progress() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        // Enough offices that the load takes well over the line's one-second delay in a debug
        // build (40 took 0.7-0.9 s once loading got faster, and the line rightly never showed).
        let offices = try Self.offices(160, in: home)
        let arguments = ["--catalogue", offices, "-c", "show units unit limit 1"]
        let terminal = try Terminal("progress", home: home, columns: 120, rows: 30, arguments: arguments)
        let loading = terminal.wait(timeout: 120) { $0.contains { $0.hasPrefix("loading catalogues: ") && $0.contains("/160 files") } || $0.contains("EXIT=0") }
        #expect(loading.contains { $0.hasPrefix("loading catalogues: ") && $0.contains("/160 files") }, "\(loading)")
        let end = terminal.wait(timeout: 120) { $0.contains("EXIT=0") }
        #expect(end.contains("EXIT=0"), "\(end)")
        #expect(!end.contains { $0.contains("loading catalogues") }, "the line is cleared: \(end)")

        let piped = try Iki.run(arguments, in: home)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("loading catalogues"), "\(piped.stderr)")
        let quiet = try Terminal("quiet", home: home, columns: 120, rows: 30, arguments: ["--quiet"] + arguments)
        let quietEnd = quiet.wait(timeout: 120) { $0.contains { $0.contains("loading catalogues") } || $0.contains("EXIT=0") }
        #expect(!quietEnd.contains { $0.contains("loading catalogues") }, "\(quietEnd)")
    }
}
