import BackTalk
import Foundation
import TestFixtures
import Testing

/// Every input the reply fuzzer has kept (`Fuzz/Corpus/reply/`: its seeds, the
/// hostile messages of issue 14, and anything it found), replayed through the
/// fuzz target's own code without a fuzzer: each must get a reply, in a fresh
/// conversation and in its saved state.
@Suite("The reply fuzzer's corpus")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fuzz/Corpus")

    static func inputs(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appending(path: folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpus.appending(path: folder).appending(path: name)))
    }

    static let engine = Result { try Engine() }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs("reply").count >= 20)
        #expect(!Self.inputs("reply-known-issue-14.3").isEmpty)
    }

    @Test("Every input gets a reply, fresh and in its saved state", arguments: inputs("reply"))
    func replies(input: String) throws {
        FuzzHarness.reply(to: try Self.bytes("reply", input), engine: try Self.engine.get())
    }

    /// Saved states that trap on the next reply today: issue 14, item 3 (validating a
    /// decoded Conversation), which is fixed with the rewrite of Conversation's fields.
    /// Their messages are still answered in a fresh conversation.
    @Test("Hostile saved states: their messages, in a fresh conversation", arguments: inputs("reply-known-issue-14.3"))
    func hostileStatesMessagesAlone(input: String) throws {
        FuzzHarness.reply(to: try Self.bytes("reply-known-issue-14.3", input), engine: try Self.engine.get(), inSavedState: false)
    }

    @Test("Hostile saved states reply normally", .disabled("issue 14, item 3: a decoded Conversation with turns or unclearReplies at Int.max, or a negative unclearReplies, traps on the next reply; enable once Conversation validates what it decodes"),
          arguments: inputs("reply-known-issue-14.3"))
    func hostileStates(input: String) throws {
        FuzzHarness.reply(to: try Self.bytes("reply-known-issue-14.3", input), engine: try Self.engine.get())
    }
}
