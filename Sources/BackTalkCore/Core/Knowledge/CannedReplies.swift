import Yams

/// The engine's own replies, kept as data in `replies.yaml`.
struct CannedReplies: Sendable, Hashable {
    var outOfScope: String
    /// Contains `{options}`, filled in with the candidate titles.
    var clarify: String
    var empty: String
    var unreadable: String
    var suggestionsIntro: String
    /// Contains `{topic}`: said when a follow-up on a subject finds nothing in the knowledge base.
    var notCovered: String
    /// Said after an answer that has more to give.
    var moreHint: String
    /// Contains `{topic}`: said when "more" is asked after everything was given.
    var noMore: String
    /// What BackTalk is about, in a few words, for `{topic}` when no entry is current.
    var subjectName: String
    /// Said before the reply to a message too long to read in full (optional).
    var tooLong: String?

    static let keys = ["out_of_scope", "clarify", "empty", "unreadable", "suggestions_intro", "not_covered", "more_hint", "no_more", "subject"]

    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> CannedReplies? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the replies") else { return nil }
        reader.rejectUnknownKeys(in: map, known: Set(keys + ["too_long"]))
        var values: [String: String] = [:]
        for key in keys {
            if let node = reader.value(key, in: map, at: root, required: true), let text = reader.string(node, key) {
                values[key] = text
            }
        }
        if let clarify = values["clarify"], !clarify.contains("{options}") {
            reader.report(map["clarify"], "`clarify` should contain `{options}`, where the choices go")
        }
        for key in ["not_covered", "no_more"] where values[key].map({ !$0.contains("{topic}") }) == true {
            reader.report(map[key], "`\(key)` should contain `{topic}`, where the topic's title goes")
        }
        // Every key was reported above if missing: without all of them there are no replies.
        guard let outOfScope = values["out_of_scope"], let clarify = values["clarify"], let empty = values["empty"],
              let unreadable = values["unreadable"], let suggestionsIntro = values["suggestions_intro"],
              let notCovered = values["not_covered"], let moreHint = values["more_hint"], let noMore = values["no_more"],
              let subjectName = values["subject"]
        else { return nil }
        let tooLong = map["too_long"].flatMap { reader.string($0, "too_long") }
        return CannedReplies(
            outOfScope: outOfScope, clarify: clarify, empty: empty, unreadable: unreadable, suggestionsIntro: suggestionsIntro,
            notCovered: notCovered, moreHint: moreHint, noMore: noMore, subjectName: subjectName, tooLong: tooLong
        )
    }
}
