import BackTalk
import BackTalkAuthoring
import Foundation
import TestFixtures
import Testing

/// Every input the knowledge-base fuzzer has kept (`Fuzz/Corpus/knowledge-base/`:
/// its seeds, the alias bomb and other hostile YAML, and anything it found),
/// replayed through the fuzz target's own code without a fuzzer.
@Suite("The knowledge-base fuzzer's corpus")
struct KnowledgeBaseFuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fuzz/Corpus/knowledge-base")

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    // An input that loads whole trains the matcher's model afresh (its files differ from
    // those the built-in model was learnt from), which takes about a minute in a debug
    // build with today's examples; the limit catches hangs, not that training.
    @Test("Every input loads or is refused, and nothing hangs", .timeLimit(.minutes(2)), arguments: inputs)
    func loadsOrIsRefused(input: String) throws {
        FuzzHarness.loadKnowledgeBase(from: Array(try Data(contentsOf: Self.corpus.appending(path: input))))
    }

    @Test func anEntryAsShippedGetsAllTheWayToAWholeKnowledgeBase() throws {
        // Otherwise the harness's stand-ins have drifted from the format, and the fuzzer never builds one.
        let entry = try #require(KnowledgeBase.bundledFiles.first { $0.path == FuzzHarness.partPaths[0] })
        #expect(FuzzHarness.loadKnowledgeBase(from: Array(entry.text.utf8)) == .loadedWhole)
        #expect(FuzzHarness.loadKnowledgeBase(from: Array(YAMLAliasTests.aliasBomb.utf8)) == .rejected)
    }
}
