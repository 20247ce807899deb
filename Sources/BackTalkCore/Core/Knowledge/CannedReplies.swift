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
    /// What a client shows around the replies.
    var interface: InterfaceTexts

    static let keys = [
        "out_of_scope", "clarify", "empty", "unreadable", "suggestions_intro", "not_covered", "more_hint", "no_more", "subject",
    ]
    /// The keys of ``InterfaceTexts`` but the banner (a list) and `suggestions_intro` (one of ``keys``).
    static let interfaceKeys = [
        "name", "emergency_numbers", "emergency_label", "emergency_action", "urgent_label",
        "urgent_action", "goodbye", "new_conversation", "chat_intro", "nothing_to_explain", "record_usage", "recording_unavailable",
        "unknown_command", "recording_to", "cannot_record",
    ]

    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> CannedReplies? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the replies") else { return nil }
        reader.rejectUnknownKeys(in: map, known: Set(keys + interfaceKeys + ["banner", "too_long", "chat_help", "chat_keys"]))
        var values: [String: String] = [:]
        for key in keys + interfaceKeys {
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
        let banner = reader.value("banner", in: map, at: root, required: true).flatMap { reader.strings($0, "banner") }
        // A client shows its banner before anything else: it must say what to do in an emergency.
        if let banner, !banner.contains(where: { $0.contains("{numbers}") }) {
            reader.report(map["banner"], "`banner` should have a line with `{numbers}`: what to do in an emergency")
        }
        let chatHelp = reader.value("chat_help", in: map, at: root, required: true).flatMap { reader.strings($0, "chat_help") }
        let chatKeys = reader.value("chat_keys", in: map, at: root, required: true).flatMap { reader.strings($0, "chat_keys") }
        if let unknown = values["unknown_command"], !unknown.contains("{command}") {
            reader.report(map["unknown_command"], "`unknown_command` should contain `{command}`, where what was typed goes")
        }
        // Every key was reported above if missing: without all of them there are no replies.
        guard let outOfScope = values["out_of_scope"], let clarify = values["clarify"], let empty = values["empty"],
            let unreadable = values["unreadable"], let suggestionsIntro = values["suggestions_intro"],
            let notCovered = values["not_covered"], let moreHint = values["more_hint"], let noMore = values["no_more"],
            let subjectName = values["subject"], let banner,
            let name = values["name"], let numbers = values["emergency_numbers"],
            let emergencyLabel = values["emergency_label"], let emergencyAction = values["emergency_action"],
            let urgentLabel = values["urgent_label"], let urgentAction = values["urgent_action"],
            let goodbye = values["goodbye"], let newConversation = values["new_conversation"],
            let chatIntro = values["chat_intro"], let chatHelp, let chatKeys, let nothingToExplain = values["nothing_to_explain"],
            let recordUsage = values["record_usage"], let recordingUnavailable = values["recording_unavailable"],
            let unknownCommand = values["unknown_command"], let recordingTo = values["recording_to"],
            let cannotRecord = values["cannot_record"]
        else { return nil }
        let interface = InterfaceTexts(
            name: name, banner: banner, emergencyNumbers: numbers, emergencyLabel: emergencyLabel,
            emergencyAction: emergencyAction, urgentLabel: urgentLabel, urgentAction: urgentAction,
            suggestionsIntro: suggestionsIntro, goodbye: goodbye, newConversation: newConversation, chatIntro: chatIntro,
            chatHelp: chatHelp,
            chatKeys: chatKeys, nothingToExplain: nothingToExplain, recordUsage: recordUsage,
            recordingUnavailable: recordingUnavailable, unknownCommand: unknownCommand, recordingTo: recordingTo,
            cannotRecord: cannotRecord)
        let tooLong = map["too_long"].flatMap { reader.string($0, "too_long") }
        return CannedReplies(
            outOfScope: outOfScope, clarify: clarify, empty: empty, unreadable: unreadable, suggestionsIntro: suggestionsIntro,
            notCovered: notCovered, moreHint: moreHint, noMore: noMore, subjectName: subjectName, tooLong: tooLong,
            interface: interface
        )
    }
}
