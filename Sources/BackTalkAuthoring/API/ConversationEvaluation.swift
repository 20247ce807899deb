/// How the engine fares on whole conversations, each message labelled with
/// what a careful assistant that remembers the conversation would answer.
public struct ConversationReport: Sendable, Hashable, Codable {
    /// One message of a conversation and the reply it got.
    public struct Turn: Sendable, Hashable, Codable {
        /// The 1-based line of the message (`> message`) in the file.
        public var line: Int
        /// What the person wrote.
        public var message: String
        /// The acceptable labels: entry ids, or `smalltalk`, `out_of_scope`, `unknown`, `emergency`.
        public var expected: [String]
        /// The reply's intent.
        public var got: String
        /// What the message was taken to be.
        public var understanding: Understanding.Kind
        /// Whether the reply's intent is one of the acceptable labels.
        public var isRight: Bool
    }

    /// One conversation.
    public struct Result: Sendable, Hashable, Codable {
        /// The conversation's id, from its `## ID | persona` line.
        public var id: String
        /// Who is writing, from its `## ID | persona` line.
        public var persona: String
        /// The 1-based line of its `## ID | persona` line in the file.
        public var line: Int
        /// Its messages, in order.
        public var turns: [Turn]
        /// Whether every turn got a fitting reply.
        public var isRight: Bool { turns.allSatisfy(\.isRight) }
    }

    /// The conversations, in file order.
    public var results: [Result] = []

    /// A report over `results`, for combining several files.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// Every turn of every conversation.
    public var turns: [Turn] { results.flatMap(\.turns) }
    /// Share of turns that got a fitting reply.
    public var turnAccuracy: Double {
        turns.isEmpty ? 0 : Double(turns.filter(\.isRight).count) / Double(turns.count)
    }
    /// Share of conversations right from start to end.
    public var conversationAccuracy: Double {
        results.isEmpty ? 0 : Double(results.filter(\.isRight).count) / Double(results.count)
    }
}

extension Engine {
    /// Labels of a conversation set that are not entry ids.
    static let conversationKinds: Set<String> = ["smalltalk", "out_of_scope", "unknown", "emergency"]

    /// Runs every conversation of a file, each in a fresh ``Conversation``.
    ///
    /// A conversation starts with `## ID | persona`; each message is a line
    /// `> message` followed by a line `= label`, the label an entry id, several
    /// joined with `|`, or one of `smalltalk`, `out_of_scope`, `unknown` (on the
    /// subject, but nothing answers it) and `emergency`. Other lines are ignored.
    public func evaluateConversations(_ text: String, file: String) throws(EvaluationSetError) -> ConversationReport {
        var conversations: [(id: String, persona: String, line: Int, turns: [(line: Int, message: String, labels: [String])])] = []
        var diagnostics: [Diagnostic] = []
        var pending: (line: Int, message: String)?
        let known = Set(knowledgeBase.entries.map(\.id)).union(Self.conversationKinds)
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("## ") {
                let header = line.dropFirst(3).split(separator: "|", maxSplits: 1).map { $0.trimmingWhitespace() }
                conversations.append((header[0], header.count > 1 ? header[1] : "", offset + 1, []))
                pending = nil
            } else if line.hasPrefix(">") {
                guard !conversations.isEmpty else {
                    diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "a message before the first `## ID` line"))
                    continue
                }
                if let pending {
                    diagnostics.append(Diagnostic(file: file, line: pending.line, message: "a message with no `= label` line after it"))
                }
                pending = (offset + 1, line.dropFirst().trimmingWhitespace())
            } else if line.hasPrefix("=") {
                guard let message = pending else {
                    diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "a label with no `> message` line before it"))
                    continue
                }
                pending = nil
                let labels = line.dropFirst().split(separator: "|").map { $0.trimmingWhitespace() }
                if let unknown = labels.first(where: { !known.contains($0) }) {
                    diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "unknown label `\(unknown)`"))
                    continue
                }
                conversations[conversations.count - 1].turns.append((message.line, message.message, labels))
            }
        }
        if let pending {
            diagnostics.append(Diagnostic(file: file, line: pending.line, message: "a message with no `= label` line after it"))
        }
        guard diagnostics.isEmpty else { throw EvaluationSetError(diagnostics: diagnostics) }
        if conversations.allSatisfy({ $0.turns.isEmpty }) {
            throw EvaluationSetError(diagnostics: [Diagnostic(file: file, line: nil, message: "no conversations")])
        }

        var report = ConversationReport()
        for item in conversations where !item.turns.isEmpty {
            var conversation = Conversation()
            var turns: [ConversationReport.Turn] = []
            for turn in item.turns {
                let reply = reply(to: turn.message, in: &conversation)
                turns.append(
                    .init(
                        line: turn.line, message: turn.message, expected: turn.labels, got: reply.intent.rawValue,
                        understanding: reply.understanding.kind,
                        isRight: accepts(turn.labels, reply: reply, offered: conversation.pendingChoice ?? [])))
            }
            report.results.append(.init(id: item.id, persona: item.persona, line: item.line, turns: turns))
        }
        return report
    }

    /// Whether `reply` is one of `labels`: the entry itself; a specific entry of a
    /// broad topic asked about broadly; a "which did you mean?" offering it; or
    /// for the kinds, small talk, the out-of-scope reply, "nothing on that", an emergency.
    func accepts(_ labels: [String], reply: Reply, offered: [String]) -> Bool {
        labels.contains { label in
            switch label {
            case "smalltalk":
                return knowledgeBase.entry(id: reply.intent.rawValue)?.kind == .smalltalk
            case Reply.Intent.outOfScope.rawValue:
                return reply.intent == Reply.Intent.outOfScope
            case "unknown":
                return reply.intent == Reply.Intent.notCovered
            case "emergency":
                return reply.triage == .emergency
            default:
                // A warning sign's notice is the answer about that sign ("I had cancer, and my back hurts at night").
                if reply.intent.rawValue == label || reply.about == label { return true }
                // An entry worded for the person stands for the entry about people like them:
                // ibuprofen as it reads while breastfeeding answers "medicines while breastfeeding".
                if let audience = reply.audience, let topic = reply.topic,
                    [topic, "any"].contains(where: { knowledgeBase.audienceEntry(topic: $0, audience: audience) == label })
                {
                    return true
                }
                if reply.intent == Reply.Intent.clarify { return offered.contains(label) }
                // A broad question answered by one of its own specific entries is answered.
                if let entry = knowledgeBase.entry(id: label), entry.isBroad, entry.kind == .topic, reply.topic == label {
                    return true
                }
                return false
            }
        }
    }
}
