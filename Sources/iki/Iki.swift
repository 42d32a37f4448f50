import ArgumentParser
import Catalogue
import Foundation
import Query

@main
struct Iki: ParsableCommand {
    // Computed, as every command's: the help is in the language of --lang or the locale.
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "iki",
        abstract: Message.cliAbstract.text,
        discussion: Message.cliDiscussion.text,
        version: "iki \(Iki.version)",
        subcommands: [Run.self, Check.self, Template.self, OrganisationCommand.self, Lint.self, ReportCommand.self, CacheCommand.self],
        defaultSubcommand: Run.self
    ) }

    /// The release, printed by `iki --version`.
    static let version = "0.1.0"

    /// The process's environment, read once and from `environ` itself: Foundation builds the
    /// dictionary anew at every read of `ProcessInfo.processInfo.environment` (~0.7 M instructions
    /// each, on a query's start of ~12 M). A variable set twice: the last one.
    static let environment: [String: String] = {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let eq = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                variables[String(text[..<eq])] = String(text[text.utf8.index(after: eq)...])
            }
            entry += 1
        }
        return variables
    }()

    /// As `ParsableCommand.main`, but a bad invocation exits 2 (the documented status), not
    /// ArgumentParser's 64.
    static func main() {
        Language.$current.withValue(helpLanguage(CommandLine.arguments, environment: environment)) { mainInLanguage() }
    }

    /// The language of the help and the usage errors, known before the arguments are parsed:
    /// `--lang X` (or `--lang=X`), else the locale's.
    static func helpLanguage(_ arguments: [String], environment: [String: String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            let value = argument.hasPrefix("--lang=") ? String(argument.dropFirst(7)) : argument == "--lang" && i + 1 < arguments.count ? arguments[i + 1] : nil
            if let value, let language = Vocabulary.languageWords[value.lowercased()] { return language }
        }
        return Language.fromEnvironment(environment)
    }

    /// The help and usage errors swift-argument-parser wrote, its own words in the language in use.
    static func translated(_ text: String) -> String {
        guard Language.current == .indonesian else { return text }
        return Message.helpFrame.reduce(text) { $0.replacingOccurrences(of: $1.english, with: $1.indonesian) }
    }

    static func mainInLanguage() {
        do {
            // The everyday `iki -c ...` without the declared parser's reflection (QuickArguments).
            var command: any ParsableCommand = try QuickArguments.run(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch {
            // As ArgumentParser's exit(withError:), but through StandardStreams, so help whose
            // output was lost (`iki --help > /dev/full`) exits 1, not 0.
            let code = exitCode(for: error)
            let message = translated(fullMessage(for: error))
            if code == .validationFailure {
                StandardStreams.writeError(message + "\n")
                Foundation.exit(2)
            }
            if !message.isEmpty {
                if code == .success { StandardStreams.writeOutput(message + "\n") } else { StandardStreams.writeError(message + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
