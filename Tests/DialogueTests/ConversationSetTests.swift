import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

/// The multi-turn development set (`Tests/Conversations/conversations.txt`): 170
/// conversations written by people who had not read the intents' examples (see its README).
@Suite("The conversation development set")
struct ConversationSetTests {
    static let set = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Conversations/conversations.txt")

    /// The floor under today's figures.
    ///
    /// Issue 10 asks for 90% of turns and 75% of conversations; this stops a change
    /// from losing ground on the way there.
    static let turnFloor = 0.88
    static let conversationFloor = 0.64

    @Test func turnsAndWholeConversationsHoldTheirGround() throws {
        let text = try String(contentsOf: Self.set, encoding: .utf8)
        let report = try Engine().evaluateConversations(text, file: "conversations.txt")
        #expect(report.results.count >= 100)
        let misses = report.turns.filter { !$0.isRight }
            .map { "\($0.line): expected \($0.expected.joined(separator: "|")), got \($0.got): \($0.message)" }
            .joined(separator: "\n")
        #expect(report.turnAccuracy >= Self.turnFloor, "turns \(report.turnAccuracy)\n\(misses)")
        #expect(report.conversationAccuracy >= Self.conversationFloor, "conversations \(report.conversationAccuracy)")
    }
}
