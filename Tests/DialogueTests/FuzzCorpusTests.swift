import BackTalk
import BackTalkAuthoring
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
        // Saved states that trapped before a decoded Conversation was checked (issue 14, item 3).
        #expect(Self.inputs("reply").filter { $0.hasPrefix("hostile-state-") }.count == 3)
    }

    @Test("Every input gets a reply, fresh and in its saved state", arguments: inputs("reply"))
    func replies(input: String) throws {
        FuzzHarness.reply(to: try Self.bytes("reply", input), engine: try Self.engine.get())
    }
}
