extension Conversation {
    /// Who the conversation is about, as the audiences entries have wordings for, most specific first.
    var audiences: [KnowledgeEntry.Audience] {
        guard let person = triage.people[triage.subject] else { return [] }
        var result: [KnowledgeEntry.Audience] = []
        if person.pregnant { result.append(.pregnant) }
        if person.findings[Self.breastfeeding] == .present { result.append(.breastfeeding) }
        switch person.band {
        case .underFive?, .child?: result.append(.child)
        case .teenager?: if (person.age ?? 13) < 16 { result.append(.child) }
        case .older?: result.append(.older)
        default: break
        }
        return result
    }

    /// The finding that says a person is breastfeeding.
    static let breastfeeding = "breastfeeding"
}
