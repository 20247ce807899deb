import BackTalk
import BackTalkAuthoring
import Foundation
import TestFixtures
import Testing

@Suite("Checking a knowledge base")
struct LintTests {
    @Test func validFixtureLoadsAndLintsClean() throws {
        let kb = try KnowledgeBase(files: Fixture.valid)
        #expect(kb.entries.map(\.id) == ["heat", "sleep"])
        #expect(kb.lint().isEmpty, "\(kb.lint())")
    }

    @Test func malformedYAMLIsReportedWithFileAndLine() {
        let files = Fixture.replacing("KB/entries/heat.yaml", with: "id: heat\ntitle: Heat\nexamples: [unclosed\n")
        let diagnostics = KnowledgeBase.lint(files: files)
        let first = diagnostics.first
        #expect(first?.file == "KB/entries/heat.yaml")
        #expect(first?.line != nil)
        #expect(first?.message.contains("malformed YAML") == true)
        #expect(first?.description.hasPrefix("KB/entries/heat.yaml:") == true)
    }

    @Test func missingFieldNamesTheField() {
        let text = Fixture.entry("heat", title: "Heat", examples: Fixture.heatExamples).text
            .split(separator: "\n").filter { !$0.hasPrefix("answer:") }.joined(separator: "\n")
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: text))
        #expect(diagnostics.contains { $0.message == "missing field `answer`" && $0.file == "KB/entries/heat.yaml" && $0.line == 1 })
    }

    @Test func wrongTypeAndUnknownFieldAreReported() {
        let text = Fixture.entry("heat", title: "Heat", examples: Fixture.heatExamples, extra: "colour: red").text
            .replacingOccurrences(of: "related: []", with: "related: {a: b}")
        let messages = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: text)).map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown field `colour`") })
        #expect(messages.contains("`related` should be a list"))
    }

    @Test func duplicateIDIsReported() {
        let copy = KnowledgeFile(
            path: "KB/entries/heat2.yaml", text: Fixture.entry("heat", title: "Heat", examples: Fixture.heatExamples).text)
        let messages = KnowledgeBase.lint(files: Fixture.valid + [copy]).map(\.message)
        #expect(messages.contains { $0.contains("duplicate id `heat`") })
    }

    @Test func relatedIDThatDoesNotExistIsReported() {
        let file = Fixture.entry("heat", title: "Heat", examples: Fixture.heatExamples, related: ["nowhere"])
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing(file.path, with: file.text))
        #expect(diagnostics.contains { $0.message == "related id `nowhere` does not exist" && $0.line == 16 })
    }

    @Test func anExampleThatReachesAnotherEntryIsReported() throws {
        // "sleep" gains an example that is, word for word, about heat.
        let file = Fixture.entry(
            "sleep", title: "Sleeping with a sore back",
            examples: Fixture.sleepExamples + ["should i put heat on my back number 3"])
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing(file.path, with: file.text))
        #expect(diagnostics.contains { $0.file == "KB/entries/sleep.yaml" && $0.message.contains("should i put heat on my back number 3") })
    }

    @Test func shortAnswerAndTooFewExamplesAreReported() {
        let text = Fixture.entry("heat", title: "Heat for a sore back", examples: Array(Fixture.heatExamples.prefix(3))).text
            .replacingOccurrences(of: Array(repeating: "word", count: 70).joined(separator: " "), with: "Too short.")
        let messages = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: text)).map(\.message)
        #expect(messages.contains { $0.contains("the answer has 2 words") })
        #expect(messages.contains("3 examples; at least 10 are needed"))
    }

    @Test func aLongAnswerOrVariantIsReportedWithWhereTheDetailGoes() {
        let long = Array(repeating: "word", count: 140).joined(separator: " ")
        let answer = Fixture.entry("heat", title: "Heat for a sore back", examples: Fixture.heatExamples).text
            .replacingOccurrences(of: Array(repeating: "word", count: 70).joined(separator: " "), with: long)
        let answerMessages = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: answer)).map(\.message)
        #expect(answerMessages.contains { $0.contains("the answer has 140 words") && $0.contains("`more`") })

        let variant = Fixture.entry(
            "heat", title: "Heat for a sore back", examples: Fixture.heatExamples,
            extra: "variants:\n  - for: older\n    answer: \(long)"
        ).text
        let variantMessages = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: variant)).map(\.message)
        #expect(variantMessages.contains { $0.contains("the answer for `older` has 140 words") })
    }

    @Test func aTopicWithoutASourceIsReported() {
        let text = Fixture.entry("heat", title: "Heat for a sore back", examples: Fixture.heatExamples).text
            .replacingOccurrences(of: "sources: [NHS back pain]", with: "sources: []")
        let messages = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: text)).map(\.message)
        #expect(messages.contains("a topic needs at least one source"))
    }

    @Test func missingFilesAreReported() {
        let messages = KnowledgeBase.lint(files: Fixture.valid.filter { !$0.path.hasSuffix("replies.yaml") }).map(\.description)
        #expect(messages.contains { $0.contains("replies.yaml") && $0.contains("missing file") })
    }

    /// Every sentence a client shows comes from replies.yaml: lint names each one missing.
    @Test(
        "A missing interface text is reported",
        arguments: [
            "name", "emergency_numbers", "banner", "emergency_label", "emergency_action", "urgent_label", "urgent_action",
            "suggestions_intro", "goodbye", "new_conversation", "chat_intro", "chat_help", "chat_keys", "nothing_to_explain",
            "record_usage", "recording_unavailable", "unknown_command", "recording_to", "cannot_record",
        ])
    func aMissingInterfaceTextIsReported(key: String) {
        let text = Fixture.replies.text.split(separator: "\n").filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n")
        #expect(text != Fixture.replies.text)
        let messages = KnowledgeBase.lint(files: Fixture.replacing("KB/replies.yaml", with: text)).map(\.description)
        #expect(messages.contains { $0.contains("replies.yaml") && $0.contains(key) }, "\(messages)")
    }

    @Test func aBannerWithoutTheEmergencyNumbersIsReported() {
        let text = Fixture.replies.text.replacingOccurrences(of: "\"In an emergency, call {numbers}.\"", with: "\"Hello.\"")
        let messages = KnowledgeBase.lint(files: Fixture.replacing("KB/replies.yaml", with: text)).map(\.message)
        #expect(messages.contains { $0.contains("`banner` should have a line with `{numbers}`") }, "\(messages)")
    }

    @Test func theBundledInterfaceTextsAreFilled() throws {
        let texts = try KnowledgeBase.bundled().interfaceTexts
        #expect(texts.filled(texts.emergencyAction) == "call 999, 911 or 112 now.")
        #expect(texts.suggestionsIntro == "You could also ask:")
        #expect(texts.banner.count == 4)
    }

    @Test func loadingThrowsEveryProblem() {
        let files =
            Fixture.replacing("KB/replies.yaml", with: "out_of_scope: x\n") + [KnowledgeFile(path: "KB/entries/bad.yaml", text: "- a list")]
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(files: files) }
        do {
            _ = try KnowledgeBase(files: files)
        } catch {
            #expect(error.diagnostics.count >= 2)
        }
    }

    @Test func aFolderThatDoesNotExistIsOneClearError() {
        do {
            _ = try KnowledgeBase(directory: URL(fileURLWithPath: "/nonexistent/intents"))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["/nonexistent/intents:1: no such folder"])
        }
    }

    @Test func aFolderOnDiskLoadsLikeTheBundledFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in Fixture.valid {
            let url = folder.appending(path: String(file.path.dropFirst("KB/".count)))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        let kb = try KnowledgeBase(directory: folder)
        #expect(kb.entries.count == 2)
    }
}

/// Knowledge-base folders that cannot be read say what is wrong and where.
@Suite("Reading a knowledge-base folder", .serialized)
struct KnowledgeFolderTests {
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func anEmptyFolderIsNamed() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(at: folder.appending(path: "entries"), withIntermediateDirectories: true)
            let error = #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(directory: folder) }
            #expect(error?.diagnostics.count == 1)
            #expect(error?.diagnostics.first?.file == folder.path)
            #expect(error?.diagnostics.first?.message.hasPrefix("no knowledge-base files (*.yaml) in this folder") == true)
        }
    }

    @Test func aFileNameThatIsNotUTF8IsSaidToBeSo() throws {
        try withFolder { folder in
            for file in Fixture.valid {
                let url = folder.appending(path: file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.text.write(to: url, atomically: true, encoding: .utf8)
            }
            // "caf\xE9.yaml": Latin-1, as an old editor or archive might name it.
            let name = Array(folder.appending(path: "KB/entries").path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".yaml".utf8) + [0]
            let descriptor = open(name.map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
            let error = #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(directory: folder.appending(path: "KB")) }
            #expect(
                error?.diagnostics.map(\.message) == ["the file name is not valid UTF-8 (shown with \u{FFFD} for its bad bytes); rename it"]
            )
            #expect(error?.diagnostics.first?.file.hasSuffix("/KB/entries/caf\u{FFFD}.yaml") == true)
        }
    }
}
