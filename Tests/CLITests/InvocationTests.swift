import Testing

/// Exit statuses of the command line: 0 success, 1 a statement failed, 2 bad invocation.
@Suite("Command line invocation")
struct InvocationTests {
    @Test("an unknown option, a bad --format or a malformed --param exits 2 with the reason")
    func badInvocation() throws {
        for (arguments, reason) in [
            (["--bogus"], "Error: Unknown option '--bogus'"),
            (["--format", "xml", "-c", "show units"], "Error: The value 'xml' is invalid for '--format <format>'"),
            (["--param", "period", "-c", "show units"], "Error: --param 'period' is not name=value"),
            (["--scale", "tinggi", "-c", "show units"], "Error: --scale 'tinggi' is not a list like"),
        ] {
            let result = try Iki.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(reason), "\(arguments): \(result.stderr)")
        }
    }

    @Test("--help exits 0; a failing statement exits 1")
    func helpAndFailure() throws {
        let help = try Iki.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("OVERVIEW: Query Indikator Kinerja Individu (IKI) catalogues"))
        let failing = try Iki.run(["-c", "show nothing"])
        #expect(failing.status == 1)
    }
}
