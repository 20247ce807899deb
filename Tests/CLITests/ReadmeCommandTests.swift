import Foundation
import Testing

/// README.md stays true: every `backtalk …` command it shows still parses, and
/// the few that are quick to run still print what it shows.
///
/// Each launch of the debug binary starts the engine (seconds), so flags are
/// checked against `backtalk SUBCOMMAND --help`, which starts no engine, and
/// only ``ran`` are run for real.
@Suite("README.md's commands", .serialized)
struct ReadmeCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The commands run for real, by their line in a code block of README.md
    /// after `$ `: their output is compared with the lines shown under them, up
    /// to a `...` line; in a JSON line, every value shown whole must be the same.
    static let ran: Set<String> = [
        "backtalk topics",
        #"printf 'is this serious?\nnope\nyes\n' | backtalk chat --json"#,
    ]

    /// The subcommands; anything else is an argument of `chat`, the default.
    static let subcommands: Set<String> = ["chat", "ask", "topics", "lint", "eval", "record", "replay"]

    static let commands: [ReadmeCommand] = {
        let text = (try? String(contentsOf: repository.appending(path: "README.md"), encoding: .utf8)) ?? ""
        return ReadmeCommand.all(in: text)
    }()

    @Test func theReadmeShowsCommands() {
        #expect(Self.commands.filter(\.inCodeBlock).count >= 10, "README.md was not read, or lost its examples")
        #expect(
            Set(Self.commands.filter { $0.inCodeBlock && Self.ran.contains($0.source) }.map(\.source)) == Self.ran,
            "a command run for real is no longer in README.md: update `ran`")
    }

    @Test func everyFlagShownExistsOnItsCommand() throws {
        var help: [String: String] = [:]
        for name in Self.subcommands.sorted() + [""] {
            let result = try CLIRunner.run(name.isEmpty ? ["--help"] : [name, "--help"])
            #expect(result.status == 0, "backtalk \(name) --help: \(result.stderr)")
            help[name] = result.stdout
        }
        for command in Self.commands {
            let subcommand = command.arguments.first.flatMap { Self.subcommands.contains($0) ? $0 : nil }
            // With no subcommand, the flags are the root command's or chat's.
            let known = subcommand.map { help[$0] ?? "" } ?? ((help[""] ?? "") + (help["chat"] ?? ""))
            for flag in command.flags {
                #expect(
                    known.range(of: #"(?<![\w-])"# + flag + #"(?![\w-])"#, options: .regularExpression) != nil,
                    "README.md:\(command.line): `\(command.source)`: no \(flag) in `backtalk \(subcommand ?? "") --help`")
            }
        }
    }

    @Test func theCommandsRunForRealPrintWhatTheReadmeShows() throws {
        for command in Self.commands where command.inCodeBlock && Self.ran.contains(command.source) {
            let result = try CLIRunner.run(command.arguments, input: command.input ?? "")
            #expect(result.status == 0, "README.md:\(command.line): `\(command.source)`: \(result.stderr)")
            let actual = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, shown) in command.output.enumerated() {
                if shown == "..." { break }
                let got = index < actual.count ? actual[index] : ""
                if shown.hasPrefix("{") {
                    let object = try JSONSerialization.jsonObject(with: Data(got.utf8)) as? [String: Any] ?? [:]
                    for (key, value) in ReadmeCommand.scalars(inElidedJSON: shown) {
                        let actualValue = object[key].map { ReadmeCommand.canonical($0) } ?? "(missing)"
                        #expect(
                            actualValue == ReadmeCommand.canonical(json: value),
                            "README.md:\(command.line + 1 + index): \(key) is \(actualValue), not \(value)")
                    }
                } else {
                    #expect(got == shown, "README.md:\(command.line + 1 + index): the command prints \(got)")
                }
            }
        }
    }
}

/// A `backtalk …` command as README.md shows it: after `$ ` in a code block,
/// with the output shown under it, or as inline code in the text.
struct ReadmeCommand {
    /// The 1-based line in README.md.
    var line: Int
    /// The command as written (after `$ ` in a code block).
    var source: String
    /// The arguments after `backtalk`.
    var arguments: [String]
    /// What `printf` or `echo` pipes into it, if anything.
    var input: String?
    var inCodeBlock: Bool
    /// The lines shown under it, up to the next command or the end of the block.
    var output: [String] = []

    /// The options it uses (`--json`), read from placeholders too (`[--intents DIR]`), up to `--`.
    var flags: [String] {
        arguments.prefix { $0 != "--" }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
            .filter { $0.hasPrefix("--") && $0.count > 2 }
    }

    static func all(in readme: String) -> [ReadmeCommand] {
        var commands: [ReadmeCommand] = []
        var inBlock = false
        var current: ReadmeCommand?
        for (offset, line) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock.toggle()
                if let finished = current { commands.append(finished) }
                current = nil
                continue
            }
            if inBlock {
                if line.hasPrefix("$ ") {
                    if let finished = current { commands.append(finished) }
                    current = parse(String(line.dropFirst(2)), line: offset + 1, inCodeBlock: true)
                } else {
                    current?.output.append(String(line))
                }
                continue
            }
            for match in line.matches(of: /`(backtalk(?: [^`]*)?)`/) {
                if let command = parse(String(match.output.1), line: offset + 1, inCodeBlock: false) {
                    commands.append(command)
                }
            }
        }
        return commands
    }

    /// Reads `[printf 'TEXT' | ] backtalk ARGUMENTS` the way a shell would (quotes only).
    static func parse(_ source: String, line: Int, inCodeBlock: Bool) -> ReadmeCommand? {
        let stages = words(source).split(separator: "|").map(Array.init)
        guard let last = stages.last, last.first == "backtalk" else { return nil }
        var input: String?
        if stages.count == 2, let feeder = stages.first, feeder.count == 2 {
            switch feeder[0] {
            case "printf": input = feeder[1].replacingOccurrences(of: #"\n"#, with: "\n")
            case "echo": input = feeder[1] + "\n"
            default: return nil
            }
        }
        return ReadmeCommand(
            line: line, source: source, arguments: Array(last.dropFirst()), input: input,
            inCodeBlock: inCodeBlock)
    }

    /// Words split at spaces outside quotes, quotes removed; a bare `|` is a word of its own.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The `"key":value` pairs shown whole in a JSON line whose other parts are elided
    /// with `...`: strings without `...`, numbers, `true`, `false` and `null`.
    static func scalars(inElidedJSON line: String) -> [(String, String)] {
        line.matches(of: /"(\w+)":("(?:[^"\\]|\\.)*"|null|true|false|-?[0-9.]+)/).compactMap { match in
            let value = String(match.output.2)
            return value.contains("...") ? nil : (String(match.output.1), value)
        }
    }

    /// A JSON value in one canonical spelling, to compare the README's with the command's.
    static func canonical(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    /// The JSON value written as `text`, in its canonical spelling.
    static func canonical(json text: String) -> String {
        let array = (try? JSONSerialization.jsonObject(with: Data("[\(text)]".utf8))) as? [Any]
        return array?.first.map { canonical($0) } ?? text
    }
}
