import BackTalk
import Foundation

/// A small, valid knowledge base to break in controlled ways.
public enum Fixture {
    /// The smallest valid vocabulary: the anchor `back` and two concepts.
    public static let vocabulary = KnowledgeFile(
        path: "KB/vocabulary.yaml",
        text: """
            anchors: [back]
            concepts:
              back: [back, spine]
              spasm: [spasm, cramp]
            """)

    /// The smallest valid replies: the fuzz harness's stand-in (that file is also built alone, by `Fuzz/`).
    public static let replies = KnowledgeFile(path: "KB/replies.yaml", text: FuzzHarness.smallReplies.text)

    /// An entry file with `examples`, an answer of 70 words, and `extra` at the end.
    public static func entry(_ id: String, title: String, examples: [String], related: [String] = [], extra: String = "") -> KnowledgeFile {
        let answer = Array(repeating: "word", count: 70).joined(separator: " ")
        return KnowledgeFile(
            path: "KB/entries/\(id).yaml",
            text: """
                id: \(id)
                title: \(title)
                answer: \(answer)
                examples:
                \(examples.map { "  - \($0)" }.joined(separator: "\n"))
                keywords: []
                related: [\(related.joined(separator: ", "))]
                sources: [NHS back pain]
                \(extra)
                """)
    }

    /// Ten examples for the `heat` entry.
    public static let heatExamples = (1...10).map { "should i put heat on my back number \($0)" }
    /// Ten examples for the `sleep` entry.
    public static let sleepExamples = (1...10).map { "how should i sleep with a sore back night \($0)" }

    /// The real red-flag rules and flow and the dialogue cues, which every knowledge base needs;
    /// the rules without the real entries they point to (`entry:`), which this small knowledge base lacks.
    public static let triage: [KnowledgeFile] = KnowledgeBase.bundledFiles
        .filter { $0.path.hasPrefix("Intents/triage/") }
        .map { file in
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("    entry: ") }
            return KnowledgeFile(path: "KB/" + file.path.dropFirst("Intents/".count), text: lines.joined(separator: "\n"))
        }

    /// The real language file (`language/lexicon.yaml`): English, as every knowledge base here is written.
    public static let language: KnowledgeFile =
        KnowledgeBase.bundledFiles
        .first { $0.path == "Intents/language/lexicon.yaml" }
        .map { KnowledgeFile(path: "KB/language/lexicon.yaml", text: $0.text) } ?? KnowledgeFile(path: "KB/language/lexicon.yaml", text: "")

    /// Dialogue cues that name none of the real entries.
    public static let dialogue = KnowledgeFile(
        path: "KB/language/dialogue.yaml",
        text: """
            fillers: [please, ok]
            more: [more, tell me more]
            something_else: [anything else]
            not_working: [if that does not work]
            next_step: {}
            openers: [what about]
            pronouns: [it, that]
            smalltalk: {}
            smalltalk_words: [you]
            emoji: {}
            reports: {}
            flare: [again]
            personal: [i, my]
            time: [today]
            episode: [went]
            question_words: [what, how]
            wh_words: [what]
            audiences: {}
            reconsider: [does that change anything]
            """)

    /// The whole small knowledge base: the triage files, vocabulary, replies, language, dialogue cues and two entries.
    public static var valid: [KnowledgeFile] {
        triage + [
            vocabulary, replies, language, dialogue,
            entry("heat", title: "Heat for a sore back", examples: heatExamples, related: ["sleep"]),
            entry("sleep", title: "Sleeping with a sore back", examples: sleepExamples, related: ["heat"]),
        ]
    }

    /// `valid` with the file at `path` replaced.
    public static func replacing(_ path: String, with text: String) -> [KnowledgeFile] {
        valid.map { $0.path == path ? KnowledgeFile(path: path, text: text) : $0 }
    }
}

extension Fixture {
    /// Two entries that every question fits equally well, so the engine must ask which.
    public static var ambiguous: [KnowledgeFile] {
        let shared = (1...10).map { "back spasm question \($0)" }
        return triage + [
            vocabulary, replies, language, dialogue,
            entry("alpha", title: "Alpha topic", examples: shared + ["alpha"], related: ["beta"]),
            entry("beta", title: "Beta topic", examples: shared + ["beta"], related: ["alpha"]),
        ]
    }
}

extension Fixture {
    /// Ten messages to turn away, for the matcher's out-of-scope class.
    public static let outOfScope = KnowledgeFile(
        path: "KB/out_of_scope.yaml",
        text: """
            examples:
            \((1...10).map { "  - order a large pizza with extra cheese number \($0)" }.joined(separator: "\n"))
            """)

    /// `valid` with out-of-scope examples: three classes of ten examples, for cross-validation.
    public static var withOutOfScope: [KnowledgeFile] { valid + [outOfScope] }

    /// Writes `files` under `folder`, keeping their paths; returns the knowledge base's folder (`folder/KB`).
    public static func write(_ files: [KnowledgeFile], under folder: URL) throws -> URL {
        for file in files {
            let url = folder.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder.appending(path: "KB")
    }
}
