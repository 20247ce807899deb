// The logic behind `Engine.evaluateConversations(_:file:)`.

extension Engine {
    func runConversationSet(_ text: String, file: String) throws(EvaluationSetError) -> ConversationReport {
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
    /// Labels of a conversation set that are not entry ids.
    static let conversationKinds: Set<String> = ["smalltalk", "out_of_scope", "unknown", "emergency"]

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
