import BackTalk
import Foundation
import Testing

@Suite("The backtalk command", .serialized)
struct CLITests {
    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func versionPrintsTheVersionAndSucceeds() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    /// The emergency numbers in `--help` (and so in the man page) are the knowledge base's, from `replies.yaml`.
    @Test func helpSaysWhatToDoInAnEmergencyInTheKnowledgeBasesWords() throws {
        let texts = try KnowledgeBase.bundled().interfaceTexts
        let emergencyLine = try #require(texts.banner.first { $0.contains("{numbers}") })
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains(texts.filled(emergencyLine)), "\(result.stdout)")
    }

    @Test func askPrintsTheAnswerAndSuggestions() throws {
        let result = try CLIRunner.run(["ask", "what causes back spasms"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("You could also ask:"))
        #expect(result.stdout.contains("  - "))
        #expect(result.stderr.isEmpty)
    }

    /// The trace is the reply's: denied signs pruned, the text matched is the reply's, never the raw text again.
    @Test func explainShowsTheReplysOwnMatchNotTheRawText() throws {
        let result = try CLIRunner.run(["ask", "--explain", "no numbness, no fever, just stiff"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("pruned:      numbness, fever (denied)"))
        #expect(result.stdout.contains("candidates:  symptoms"))
        #expect(result.stdout.contains("matched:     symptoms"))
        #expect(result.stdout.contains("decision:    symptoms"))
        #expect(!result.stdout.contains("red_flags"), "the raw text, which finds the warning signs, is not matched again")
    }

    @Test func askJSONCarriesTheTrace() throws {
        let result = try CLIRunner.run(["ask", "--json", "no numbness, no fever, just stiff"])
        let object = try #require(try jsonLines(result.stdout).first)
        let trace = try #require(object["understanding"] as? [String: Any])
        #expect(Set(trace.keys) == ["kind", "fromContext", "reason", "findings", "pruned", "match", "decision"])
        let match = try #require(trace["match"] as? [String: Any])
        #expect(match["decision"] as? String == "symptoms")
        #expect((trace["decision"] as? [String: Any])?["intent"] as? String == "symptoms")
        #expect((trace["findings"] as? [[String: Any]])?.count == 2)
    }

    @Test func askJSONHasEveryField() throws {
        let result = try CLIRunner.run(["ask", "--json", "should i use ice or heat"])
        let object = try #require(try jsonLines(result.stdout).first)
        #expect(object["intent"] as? String == "heat_cold")
        #expect(object["triage"] is NSNull)
        #expect(object["expectsAnswer"] as? Bool == false)
        #expect((object["confidence"] as? Double).map { (0...1).contains($0) } == true)
        #expect(!((object["suggestions"] as? [String]) ?? []).isEmpty)
        #expect(!((object["sources"] as? [String]) ?? []).isEmpty)
        #expect((object["text"] as? String)?.contains("\u{1B}") == false)
    }

    @Test func askReadsOneQuestionPerLineEachInAFreshConversation() throws {
        let result = try CLIRunner.run(["ask", "--json"], input: "hi\n\nwhat causes back spasms\nbook me a flight\n")
        let intents = try jsonLines(result.stdout).map { $0["intent"] as? String }
        #expect(intents == ["greeting", "causes", "out_of_scope"])
    }

    @Test func explainShowsTokensCorrectionsAndCandidates() throws {
        let result = try CLIRunner.run(["ask", "--explain", "symtoms of back spams"])
        #expect(result.stdout.contains("corrected:   symtoms -> symptoms"))
        #expect(result.stdout.contains("candidates:  symptoms"))
        #expect(result.stdout.contains("decision:    symptoms"))
    }

    @Test(
        "Bad usage is one clear line on stderr and a failure status",
        arguments: [
            ["ask", ""], ["ask", "--frobnicate", "x"], ["ask", "--intents", "/nonexistent/folder", "hi"], ["eval", "/nonexistent.tsv"],
            ["eval"], ["eval", "--cross-validate", "1"], ["eval", "--cross-validate", "5", "questions.tsv"],
        ])
    func badUsage(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func badInputNeverCrashesOrEchoesEscapes() throws {
        var input = Data("\u{1B}[2J\u{1B}]0;pwned\u{07}what causes back spasms\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0x0A])
        input.append(Data((String(repeating: "my back hurts a lot ", count: 60_000) + "\n").utf8))
        let result = try CLIRunner.run(["chat"], input: input)
        #expect(result.status == 0)
        #expect(!result.stdoutBytes.contains(0x1B))
        #expect(!result.stdoutBytes.contains(0x07))
    }

    @Test func chatKeepsOneConversationAndWritesJSONLines() throws {
        let result = try CLIRunner.run(["chat", "--json"], input: "hello\nwhat causes back spasms\nthanks\n")
        let intents = try jsonLines(result.stdout).map { $0["intent"] as? String }
        #expect(intents == ["greeting", "causes", "thanks"])
    }

    @Test func pipedInputWithNoCommandChats() throws {
        let result = try CLIRunner.run([], input: "what causes back spasms\n")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("> "))
        #expect(!result.stdout.isEmpty)
    }

    @Test func pipedChatPrintsJustTheAnswer() throws {
        let result = try CLIRunner.run([], input: "what causes back spasms\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Most back spasms come from"))
        #expect(!result.stdout.contains("You could also ask"))
        #expect(!result.stdout.contains("not a diagnosis"), "no banner")
        #expect(!result.stdout.contains("Goodbye"))
        #expect(!result.stdoutBytes.contains(0x1B))
        #expect(result.stderr.isEmpty)
    }

    @Test func pipedChatSeparatesRepliesAndSkipsBlankLines() throws {
        let result = try CLIRunner.run(["chat"], input: "hi\n\n   \nwhat causes back spasms\n")
        let blocks = result.stdout.components(separatedBy: "\n\n")
        #expect(blocks.first?.hasPrefix("Hello!") == true)
        #expect(result.stdout.contains("\n\nMost back spasms come from"))
        #expect(!result.stdout.contains("Please type a question"))
    }

    @Test func pipedQuitEndsTheConversation() throws {
        let result = try CLIRunner.run(["chat"], input: "hi\n/quit\nwhat causes back spasms\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Hello!"))
        #expect(!result.stdout.contains("Most back spasms"))
    }

    @Test func pipedSlashCommandsWork() throws {
        let result = try CLIRunner.run(
            ["chat"], input: "/topics\nsymtoms of back spams\n/why\n/nope\u{1B}[2J\n/record /nonexistent-backtalk-folder/x.txt\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("heat_cold"))
        #expect(result.stdout.contains("decision:    symptoms"))
        #expect(result.stdout.contains("Unknown command /nope?. Type /help for the commands."))
        #expect(result.stdout.contains("Not recording: cannot record to /nonexistent-backtalk-folder/x.txt"))
        #expect(!result.stdoutBytes.contains(0x1B))
    }

    @Test func chatJSONTreatsEveryLineAsAMessage() throws {
        let result = try CLIRunner.run(["chat", "--json"], input: "hi\n/quit\n\n")
        let lines = try jsonLines(result.stdout)
        #expect(lines.count == 3)
        #expect(
            lines.allSatisfy {
                Set($0.keys) == [
                    "text", "intent", "confidence", "triage", "expectsAnswer", "suggestions", "sources", "pendingQuestion", "outcome",
                    "topic", "understanding", "audience", "about",
                ]
            })
    }

    @Test func topicsListsEveryEntry() throws {
        let json = try CLIRunner.run(["topics", "--json"])
        let topics = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        let ids = topics.compactMap { $0["id"] as? String }
        #expect(ids.contains("heat_cold") && ids.contains("pregnancy"))
        #expect(topics.allSatisfy { !(($0["examples"] as? [String]) ?? []).isEmpty })
        let plain = try CLIRunner.run(["topics"])
        #expect(plain.stdout.contains("heat_cold"))
    }

    @Test func lintPassesTheBuiltInKnowledgeBaseAndFailsABrokenOne() throws {
        let clean = try CLIRunner.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")

        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "entries"), withIntermediateDirectories: true)
        try "concepts:\n  back: [back]\n".write(to: folder.appending(path: "vocabulary.yaml"), atomically: true, encoding: .utf8)
        try "id: broken\ntitle: [unclosed\n".write(to: folder.appending(path: "entries/broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try CLIRunner.run(["lint", "--intents", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("entries/broken.yaml:"))
        #expect(broken.stdout.contains("replies.yaml:1: missing file"))
    }

    @Test func evalReportsAccuracyAndMisses() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "backtalk-eval-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "causes\twhat causes back spasms\nsleep\tbook me a flight\nout_of_scope\torder a pizza\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["eval", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(":2: expected sleep, got out_of_scope"))
        #expect(result.stdout.contains("in scope:     1/2 answered right (50.0%)"))
        #expect(result.stdout.contains("out of scope: 1/1 turned away (100.0%)"))
    }

    @Test func theREADMEShowsTheExampleThatCICompiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appending(path: "README.md"), encoding: .utf8)
        let example = try String(contentsOf: root.appending(path: "Examples/EmbeddingExample/main.swift"), encoding: .utf8)
        #expect(readme.contains(example.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func chatJSONFollowsUpRedFlagsTurnByTurn() throws {
        let result = try CLIRunner.run(["chat", "--json"], input: "is this serious?\nnope\nyes\n")
        let replies = try jsonLines(result.stdout)
        #expect(replies.count == 3)
        #expect(replies[0]["expectsAnswer"] as? Bool == true)
        #expect(replies[0]["pendingQuestion"] as? String == "q_ces")
        #expect(replies[1]["pendingQuestion"] as? String == "q_legs")
        #expect(replies[2]["triage"] as? String == "emergency")
        #expect(replies[2]["outcome"] as? String == "emergency_spinal_cord")
        #expect(replies[2]["expectsAnswer"] as? Bool == false)
    }

    @Test func recordInTheChatSavesTheConversationFromThereOn() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "chat.txt").path
        let result = try CLIRunner.run(["chat"], input: "hello\n/record \(file)\nis this serious?\nno\n")
        #expect(result.status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("> hello"), "recording starts at /record")
        #expect(text.contains("> is this serious?"))
        #expect(text.contains("~ pending: q_legs"))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // An existing file is not overwritten.
        let again = try CLIRunner.run(["chat"], input: "/record \(file)\nhi\n")
        #expect(again.stdout.contains("Not recording: \(file) already exists"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }
}
