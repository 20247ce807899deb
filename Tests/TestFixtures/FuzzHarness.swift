import BackTalk
import BackTalkAuthoring
import Foundation

/// What the fuzz targets do with their input bytes, in one place: the fuzzers in
/// `Fuzz/` compile this same file (`Fuzz/Sources/FuzzHarness` links to it), and the
/// test suite feeds every file of `Fuzz/Corpus/` through it without a fuzzer.
public enum FuzzHarness {
    // MARK: A reply to any message in any saved state

    /// A reply input split into its saved state and its message.
    ///
    /// Before the first NUL byte is a saved ``Conversation`` as JSON; after it, the
    /// message. Without a NUL, the whole input is the message and there is no saved state.
    public static func replyInput(_ bytes: [UInt8]) -> (state: [UInt8]?, message: String) {
        guard let separator = bytes.firstIndex(of: 0) else {
            return (nil, String(decoding: bytes, as: UTF8.self))
        }
        return (Array(bytes[..<separator]), String(decoding: bytes[(separator + 1)...], as: UTF8.self))
    }

    /// The saved state, if the input has one and it decodes.
    public static func savedConversation(_ bytes: [UInt8]) -> Conversation? {
        guard let state = replyInput(bytes).state else { return nil }
        return try? JSONDecoder().decode(Conversation.self, from: Data(state))
    }

    /// Answers the input's message in a fresh conversation and, if `inSavedState`
    /// and the input's state decodes, in that state too; then a second message in
    /// each, for a reply may leave the conversation in any state.
    public static func reply(to bytes: [UInt8], engine: Engine, inSavedState: Bool = true) {
        let message = replyInput(bytes).message
        var fresh = Conversation()
        _ = engine.reply(to: message, in: &fresh)
        _ = engine.reply(to: "yes", in: &fresh)
        guard inSavedState, var saved = savedConversation(bytes) else { return }
        _ = engine.reply(to: message, in: &saved)
        _ = engine.reply(to: message, in: &saved)
    }

    // MARK: Loading a knowledge base from fuzzed files

    /// The roles of a knowledge-base input's parts, which are separated by NUL
    /// bytes: the first part is an entry, the next the vocabulary, the replies, the
    /// red-flag rules and the triage flow; further parts are more entries (eight parts at most).
    public static let partPaths = [
        "Intents/entries/heat_cold.yaml", "Intents/vocabulary.yaml", "Intents/replies.yaml",
        "Intents/triage/rules.yaml", "Intents/triage/flow.yaml",
    ]

    /// The input's parts as knowledge-base files, in their roles.
    public static func knowledgeBaseParts(_ bytes: [UInt8]) -> [KnowledgeFile] {
        bytes.split(separator: 0, maxSplits: 7, omittingEmptySubsequences: false).enumerated().map { position, part in
            let path = position < partPaths.count ? partPaths[position] : "Intents/entries/fuzz\(position).yaml"
            return KnowledgeFile(path: path, text: String(decoding: part, as: UTF8.self))
        }
    }

    /// How far loading a knowledge-base input went.
    public enum KnowledgeBaseOutcome: Equatable, Sendable {
        /// Its files have problems of their own; the whole knowledge base was not built.
        case rejected
        /// Its files read clean, and the built-in knowledge base with them in place was loaded.
        case loadedWhole
    }

    /// Reads and lints the input's files, and if they read clean, loads the built-in
    /// knowledge base with them in place and answers two questions from it.
    ///
    /// Two steps because building a whole knowledge base takes tens of milliseconds
    /// (most of it the triage; a few hundred under AddressSanitizer), which would
    /// leave the fuzzer a few inputs a second: the files are read first beside a
    /// small vocabulary and replies, which takes about one, and only inputs that get
    /// through that are built in full. The whole knowledge base is not linted: that
    /// matches every example of every entry, seconds under AddressSanitizer.
    @discardableResult
    public static func loadKnowledgeBase(from bytes: [UInt8]) -> KnowledgeBaseOutcome {
        let parts = knowledgeBaseParts(bytes)
        let fuzzedPaths = Set(parts.map(\.path))
        let standIns = [smallVocabulary, smallReplies].filter { !fuzzedPaths.contains($0.path) }
        let problems = KnowledgeBase.lint(files: parts + standIns).filter { diagnostic in
            // Without the triage files and the other entries, the loader says those are
            // missing; that is all it may say.
            let missingTriage =
                diagnostic.message == "missing file"
                && (diagnostic.file.contains("triage/") || diagnostic.file.contains("language/"))
            let missingRelated = diagnostic.message.hasPrefix("related id `") && diagnostic.message.hasSuffix("` does not exist")
            return !missingTriage && !missingRelated
        }
        guard problems.isEmpty else { return .rejected }
        let files = KnowledgeBase.bundledFiles.filter { !fuzzedPaths.contains($0.path) } + parts
        if let knowledgeBase = try? KnowledgeBase(files: files) {
            var conversation = Conversation()
            let engine = Engine(knowledgeBase: knowledgeBase)
            _ = engine.reply(to: "should i use ice or heat", in: &conversation)
            _ = engine.reply(to: "is this serious?", in: &conversation)
        }
        return .loadedWhole
    }

    /// Stand-ins for the files an input does not replace, while its own files are read.
    static let smallVocabulary = KnowledgeFile(
        path: "Intents/vocabulary.yaml",
        text: """
            anchors: [back, spasm]
            concepts:
              back: [back, spine]
              spasm: [spasm, cramp]
            """)
    static let smallReplies = KnowledgeFile(
        path: "Intents/replies.yaml",
        text: """
            out_of_scope: I can only help with back spasms.
            clarify: "Which did you mean: {options}?"
            empty: Please type a question.
            unreadable: I could not read that.
            suggestions_intro: "You could also ask:"
            not_covered: "I have nothing on that about {topic}."
            more_hint: Type more for details.
            no_more: "That is all on {topic}."
            subject: back spasms
            name: Fixture
            emergency_numbers: "999"
            banner: ["{name}: a fixture.", "In an emergency, call {numbers}."]
            emergency_label: EMERGENCY
            emergency_action: "call {numbers} now."
            urgent_label: URGENT
            urgent_action: get help today.
            goodbye: Bye.
            new_conversation: Starting again.
            chat_intro: Ask a question.
            chat_help: [/help for help]
            chat_keys: [Ctrl-D leaves.]
            nothing_to_explain: Nothing yet.
            record_usage: "Usage: /record FILE"
            recording_unavailable: Not here.
            unknown_command: "No command {command}."
            recording_to: "Recording to {file}."
            cannot_record: "Cannot record to {file}: {error}"
            """)
}
