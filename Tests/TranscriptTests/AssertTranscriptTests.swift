import BackTalk
import BackTalkAuthoring
import BackTalkTesting
import Foundation
import Testing

@Suite("assertTranscript and its record mode")
struct AssertTranscriptTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    /// A transcript file whose reply to "hi" is out of date.
    func staleTranscript() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "backtalk-stale-\(UUID().uuidString).txt")
        try Data("# kept\n> hi\nHello from an older BackTalk.\n".utf8).write(to: url)
        return url
    }

    @Test func aTranscriptThatStillReplaysPasses() throws {
        var transcript = Transcript()
        var conversation = Conversation()
        transcript.record(message: "hi", reply: engine.reply(to: "hi", in: &conversation))
        let url = FileManager.default.temporaryDirectory.appending(path: "backtalk-fresh-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(transcript.text.utf8).write(to: url)
        #expect(assertTranscript(atPath: url.path, engine: engine))
    }

    @Test func aStaleTranscriptFailsAndIsLeftAlone() throws {
        let url = try staleTranscript()
        defer { try? FileManager.default.removeItem(at: url) }
        let before = try String(contentsOf: url, encoding: .utf8)
        withKnownIssue {
            withTranscriptRecording(.never) {
                _ = assertTranscript(atPath: url.path, engine: engine)
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == before)
    }

    @Test func recordModeWritesAStaleTranscriptAnewKeepingItsComments() throws {
        let url = try staleTranscript()
        defer { try? FileManager.default.removeItem(at: url) }
        withKnownIssue {
            withTranscriptRecording(.failed) {
                _ = assertTranscript(atPath: url.path, engine: engine)
            }
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("# kept\n> hi\n"))
        #expect(!text.contains("older BackTalk"))
        #expect(assertTranscript(atPath: url.path, engine: engine))
    }
}
