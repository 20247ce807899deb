import BackTalk
import Foundation
import PropertyBased
import Testing

/// A server hands back whatever conversation JSON it was given: a hostile or
/// corrupted one must fail to decode with a clear error, or reply normally.
@Suite("A saved conversation from anywhere")
struct SavedConversationTests {
    static let engine = Result { try Engine() }

    /// Real states to mutate: fresh, mid-answer, mid-check, awaiting a choice, after an emergency.
    static let states: Result<[Data], any Error> = Result {
        let engine = try Self.engine.get()
        let scripts = [
            [String](),
            ["what causes back spasms"],
            ["my back went into spasm this morning"],
            ["I've had a fever and my back hurts", "yes"],
            ["my dad is 80 and fell yesterday, now his back hurts"],
            ["I feel back pain when I carry heavy things"],
            ["I can't feel my bum when I wipe and my back is agony"],
        ]
        return try scripts.map { messages in
            var conversation = Conversation()
            for message in messages { _ = engine.reply(to: message, in: &conversation) }
            return try JSONEncoder().encode(conversation)
        }
    }

    private func decode(_ json: String) throws -> Conversation {
        try JSONDecoder().decode(Conversation.self, from: Data(json.utf8))
    }

    private func state(_ index: Int) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try Self.states.get()[index]) as? [String: Any])
    }

    private func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    @Test(arguments: [Int.max, -1, Int.min])
    func aTurnCountNoConversationCanReachIsRefused(turns: Int) throws {
        var object = try state(1)
        object["turns"] = turns
        #expect {
            try decode(try json(object))
        } throws: { error in
            "\(error)".contains("turns must be 0 to")
        }
    }

    @Test(arguments: [Int.max, -1, 11])
    func anUnclearReplyCountOutOfRangeIsRefused(count: Int) throws {
        var object = try state(3)
        var triage = try #require(object["triage"] as? [String: Any])
        triage["unclearReplies"] = count
        object["triage"] = triage
        #expect {
            try decode(try json(object))
        } throws: { error in
            "\(error)".contains("unclearReplies must be 0 to 10")
        }
    }

    @Test func anAgeNoOneHasIsRefusedAndNamesThePerson() throws {
        let engine = try Self.engine.get()
        var conversation = Conversation()
        _ = engine.reply(to: "my dad is 80 and his back hurts", in: &conversation)
        let text = String(decoding: try JSONEncoder().encode(conversation), as: UTF8.self)
        let hostile = text.replacingOccurrences(of: "\"age\":80", with: "\"age\":9223372036854775807")
        #expect(hostile != text)
        #expect {
            try decode(hostile)
        } throws: { error in
            "\(error)".contains("age must be 0 to 130")
        }
    }

    @Test func aQuestionOrChoiceThisKnowledgeBaseDoesNotHaveIsForgotten() throws {
        var object = try state(2)
        var triage = try #require(object["triage"] as? [String: Any])
        #expect(triage["pendingQuestion"] is String)
        triage["pendingQuestion"] = "q_from_another_version"
        triage["queue"] = ["q_gone", "q_also_gone"]
        object["triage"] = triage
        object["pendingChoice"] = ["no_such_entry", "causes"]
        object["lastIntent"] = "no_such_entry"
        var conversation = try decode(try json(object))
        let engine = try Self.engine.get()
        let reply = engine.reply(to: "yes", in: &conversation)
        #expect(!reply.text.isEmpty)
        #expect(reply.pendingQuestion != "q_from_another_version")
        let next = engine.reply(to: "what causes back spasms", in: &conversation)
        #expect(next.intent == "causes")
    }

    /// Values that break careless code: the ends of Int, negatives, names nothing has.
    static let hostileInts = [Int.max, Int.min, Int.max - 1, -1, 0, 1, 10, 11, 130, 131, 45, 46, 36_500, 1_000_000_000]
    static let hostileStrings = ["", "q_screen", "q_ces", "self", "child", "father", "zzz", "full", "\u{1B}[31m", "emergency"]

    /// Values of the same type as the one they replace, most of the time, so that the state still decodes.
    static func hostile(like value: Any, choice: Int) -> Any {
        switch value {
        case is Bool: return choice % 2 == 0
        case is Int, is Double: return hostileInts[choice % hostileInts.count]
        case is String: return hostileStrings[choice % hostileStrings.count]
        case let list as [Any]: return list + [hostileStrings[choice % hostileStrings.count]]
        default: return value
        }
    }

    @Test func anyMutationOfARealStateDecodesCleanlyOrRepliesNormally() async throws {
        let engine = try Self.engine.get()
        let states = try Self.states.get()
        await propertyCheck(
            count: 400,
            input: Gen.int(in: 0...(states.count - 1)),
            Gen.int(in: 0...10_000).array(of: 1...4),
            Gen.int(in: 0...1_000).array(of: 4)
        ) { stateIndex, places, choices in
            guard var object = try? JSONSerialization.jsonObject(with: states[stateIndex]) as? [String: Any] else { return }
            // Counts no code path sets, added where a saved state leaves them out.
            if choices[0] % 3 == 0, var triage = object["triage"] as? [String: Any] {
                triage["unclearReplies"] = Self.hostileInts[choices[1] % Self.hostileInts.count]
                triage["pendingQuestion"] = Self.hostileStrings[choices[2] % Self.hostileStrings.count]
                object["triage"] = triage
            }
            var tree: Any = object
            for (place, choice) in zip(places, choices) {
                tree = Self.replacing(leaf: place, in: tree) { Self.hostile(like: $0, choice: choice) }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed]) else { return }
            let decoded: Conversation
            do {
                decoded = try JSONDecoder().decode(Conversation.self, from: data)
            } catch {
                #expect(!"\(error)".isEmpty)
                return
            }
            var conversation = decoded
            for message in ["yes", "what causes back spasms", "not sure", "my back hurts and I have a fever"] {
                let reply = engine.reply(to: message, in: &conversation)
                #expect(!reply.text.isEmpty)
            }
            #expect(conversation.turns >= decoded.turns)
        }
    }

    /// The JSON tree with its `leaf`-th value (counting every value, depth first, modulo their number) replaced.
    static func replacing(leaf: Int, in object: Any, with value: (Any) -> Any) -> Any {
        var count = 0
        func countValues(_ node: Any) {
            count += 1
            if let map = node as? [String: Any] { for (_, child) in map.sorted(by: { $0.key < $1.key }) { countValues(child) } }
            if let list = node as? [Any] { list.forEach(countValues) }
        }
        countValues(object)
        var target = leaf % count
        func replace(_ node: Any) -> Any {
            if target == 0 {
                target -= 1
                return value(node)
            }
            target -= 1
            if let map = node as? [String: Any] {
                var copy = map
                for (key, child) in map.sorted(by: { $0.key < $1.key }) { copy[key] = replace(child) }
                return copy
            }
            if let list = node as? [Any] { return list.map(replace) }
            return node
        }
        return replace(object)
    }
}
