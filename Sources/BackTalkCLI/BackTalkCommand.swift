import ArgumentParser
import BackTalk
import Glibc

@main
struct BackTalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtalk",
        abstract: "General information about back muscle spasms, in your terminal.",
        discussion: helpDiscussion,
        version: "0.10.0",
        subcommands: [Chat.self, Ask.self, Topics.self, Lint.self, Eval.self, Record.self, Replay.self],
        defaultSubcommand: Chat.self
    )

    /// What `--help` (and the man page) says BackTalk is and what to do in an emergency: the
    /// chat banner's own lines from `replies.yaml`, less the greeting and the line on commands,
    /// so that the numbers are the knowledge base's, never the command's.
    static var helpDiscussion: String {
        guard let texts = try? KnowledgeBase.bundledInterfaceTexts() else { return "" }
        return texts.banner.filter { !$0.contains("{name}") && !$0.contains("{help}") }.map(texts.filled).joined(separator: " ")
    }

    /// Parses and runs the command like ArgumentParser's own `main()`, but prints
    /// every message itself: sanitized (an unknown option is the user's text and may
    /// hold escape codes), with a hint for a question that starts with `-`, and
    /// without trapping when standard output cannot be written.
    static func main() {
        StandardStreams.reserve()
        let arguments = Eval.defaultingFolds(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Glibc.exit(report(error, arguments: arguments))
        }
    }

    /// Says what `error` means, on standard error (or on standard output for `--help`),
    /// and returns the exit status.
    static func report(_ error: any Error, arguments: [String]) -> Int32 {
        if let error = error as? OutputError {
            printError(error.description)
            return EXIT_FAILURE
        }
        let status = exitCode(for: error).rawValue
        let message = fullMessage(for: error)
        if message.isEmpty { return status }
        if status == EXIT_SUCCESS {  // --help and the like: our own text, for standard output
            do throws(OutputError) {
                try Output().raw(TerminalText.sanitized(message) + "\n")
            } catch {
                printError(error.description)
                return EXIT_FAILURE
            }
            return status
        }
        var lines = TerminalText.sanitized(message).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let hint = optionHint(message: message, arguments: arguments) { lines.insert(hint, at: 1) }
        try? Output.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: STDERR_FILENO)
        return status
    }

    /// How to pass text that starts with `-`, when such an argument was taken for an unknown option.
    static func optionHint(message: String, arguments: [String]) -> String? {
        guard message.contains("Unknown option"),
            arguments.prefix(while: { $0 != "--" }).contains(where: { $0.hasPrefix("-") && $0 != "-" })
        else { return nil }
        return #"To ask a question that starts with "-", put -- before it: backtalk ask -- "-weird question""#
    }
}

/// Standard input, output and error, made sure to exist.
enum StandardStreams {
    /// Opens `/dev/null` on any of descriptors 0, 1 and 2 that is closed.
    ///
    /// This way no file the program opens later (a transcript, the history) takes its
    /// number and receives what was meant for the terminal. Output is opened read-only,
    /// so that a write to a closed standard output still fails, and says so.
    static func reserve() {
        for (descriptor, flags) in [(STDIN_FILENO, O_RDONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_WRONLY)] {
            guard fcntl(descriptor, F_GETFD) == -1 && errno == EBADF else { continue }
            let opened = open("/dev/null", flags)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
