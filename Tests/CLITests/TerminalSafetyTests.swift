import BackTalk
import Foundation
import TestFixtures
import Testing

/// Text from a person, an argument or a knowledge base never reaches the terminal as codes.
@Suite("Terminal-unsafe text", .serialized)
struct TerminalSafetyTests {
    /// Bytes a terminal acts on: ESC, BEL, the C1 controls (UTF-8 `C2 80`...`C2 9F`) and U+202E (`E2 80 AE`).
    func unsafeBytes(in data: Data) -> [String] {
        let bytes = Array(data)
        var found: [String] = []
        if bytes.contains(0x1B) { found.append("ESC") }
        if bytes.contains(0x07) { found.append("BEL") }
        for index in bytes.indices.dropLast() where bytes[index] == 0xC2 && (0x80...0x9F).contains(bytes[index + 1]) {
            found.append("C1")
        }
        for index in bytes.indices.dropLast(2) where bytes[index...index + 2].elementsEqual([0xE2, 0x80, 0xAE]) {
            found.append("U+202E")
        }
        return found
    }

    @Test func anUnknownOptionIsPrintedWithoutItsCodes() throws {
        let result = try CLIRunner.run(["ask", "--\u{1B}]0;pwned\u{07}\u{1B}[31m\u{9B}2J\u{202E}x", "hi"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Unknown option"))
        #expect(unsafeBytes(in: Data(result.stderr.utf8)).isEmpty)
    }

    @Test func aQuestionThatStartsWithADashSaysHowToAskIt() throws {
        let result = try CLIRunner.run(["ask", "-weird question"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(#"backtalk ask -- "-weird question""#))
        let asked = try CLIRunner.run(["ask", "--", "-what causes back spasms"])
        #expect(asked.status == 0)
        #expect(asked.stdout.hasPrefix("Most back spasms come from"))
    }

    @Test func chatRepliesHintsAndErrorsCarryNoBidiOverrides() throws {
        let input = "symtoms of back spams \u{202E}gnorw\n/why\n/x\u{202E}y\n/record /nonexistent-backtalk-folder/\u{202E}txt.exe\n"
        let result = try CLIRunner.run(["chat"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout.contains("How \"symtoms of back spams ?gnorw\" was answered:"))
        #expect(result.stdout.contains("Unknown command /x?y."))
        #expect(result.stdout.contains("cannot record to /nonexistent-backtalk-folder/?txt.exe"))
        #expect(unsafeBytes(in: result.stdoutBytes).isEmpty)
    }

    @Test func aCraftedKnowledgeBaseCannotReachTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-c1-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // YAML's double-quoted escapes can carry what a file itself may not hold raw.
        let title = "Heat\\x9b2J \\u202E for a \\e]0;pwned\\a sore back"
        for file in Fixture.replacing(
            "KB/entries/heat.yaml",
            with: Fixture.entry(
                "heat", title: "\"\(title)\"", examples: Fixture.heatExamples, related: ["sleep"]
            ).text)
        {
            let url = folder.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        let intents = folder.appending(path: "KB").path

        let json = try CLIRunner.run(["topics", "--json", "--intents", intents])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(unsafeBytes(in: json.stdoutBytes).isEmpty)
        let topics = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        #expect(
            topics.contains { $0["title"] as? String == "Heat\u{9B}2J \u{202E} for a \u{1B}]0;pwned\u{07} sore back" },
            "a script decoding the JSON gets the title as written")

        for arguments in [["topics"], ["ask", "should i put heat on my back"], ["ask", "--json", "should i put heat on my back"]] {
            let result = try CLIRunner.run(arguments + ["--intents", intents])
            #expect(result.status == 0)
            #expect(unsafeBytes(in: result.stdoutBytes).isEmpty, "\(arguments)")
        }
    }
}
