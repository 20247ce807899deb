extension Understanding: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, fromContext, reason, findings, pruned, match, decision
    }

    /// Decodes a trace written by ``encode(to:)``; what an older one lacks
    /// (findings, pruned words, the match, the decision) reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            fromContext: try container.decodeIfPresent([String].self, forKey: .fromContext) ?? [],
            reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "",
            findings: try container.decodeIfPresent([FindingMention].self, forKey: .findings) ?? [],
            pruned: try container.decodeIfPresent([PrunedWord].self, forKey: .pruned) ?? [],
            match: try container.decodeIfPresent(MatchExplanation.self, forKey: .match),
            decision: try container.decodeIfPresent(Decision.self, forKey: .decision) ?? Decision()
        )
    }

    /// Writes every key, with `null` for an absent match, so that a script can rely on the keys being there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(fromContext, forKey: .fromContext)
        try container.encode(reason, forKey: .reason)
        try container.encode(findings, forKey: .findings)
        try container.encode(pruned, forKey: .pruned)
        try container.encode(match, forKey: .match)
        try container.encode(decision, forKey: .decision)
    }
}
