import Yams

/// Synonyms shared by every entry: each phrase is read as its concept.
struct Vocabulary: Sendable {
    /// Concept name → the phrases that mean it, in file order.
    var concepts: [(name: String, phrases: [String])]
    /// Concepts that place a message within BackTalk's subject ("back", "spasm").
    var anchors: [String] = []
    /// Concepts that mean a message is about something else: another organ's spasm, "call me back".
    ///
    /// A message that also names one of ``offTopicUnless`` is not.
    var offTopic: [String] = []
    /// Concepts that keep a message on topic even though it names one of ``offTopic``.
    var offTopicUnless: [String] = []
    /// Concepts that mean a message is about something else even where it names the back
    /// ("sunburn on my back"): the skin, not the muscles.
    ///
    /// A message that also names one of ``offTopicAlwaysUnless`` (a spasm) is not.
    var offTopicAlways: [String] = []
    /// Concepts that keep a message on topic even though it names one of ``offTopicAlways``.
    var offTopicAlwaysUnless: [String] = []
    /// Words that join two things asked about ("treatment or prevention"): two topics
    /// named either side are a choice to offer, not a contest for the model to settle.
    var choiceWords: [String] = []

    static let keys: Set<String> = [
        "concepts", "anchors", "off_topic", "off_topic_unless", "off_topic_always", "off_topic_always_unless", "choice_words",
    ]

    /// Reads `vocabulary.yaml`: a `concepts:` mapping of name to a list of phrases,
    /// and the lists of concept names that steer scope.
    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> Vocabulary? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the vocabulary") else { return nil }
        reader.rejectUnknownKeys(in: map, known: keys)
        guard let conceptsNode = reader.value("concepts", in: map, at: root, required: true),
            let concepts = reader.mapping(conceptsNode, "`concepts`")
        else { return nil }
        var result: [(String, [String])] = []
        for (key, value) in concepts {
            guard let name = reader.string(key, "concept name") else { continue }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                reader.report(key, "concept name `\(name)` should use only letters, digits and _")
                continue
            }
            guard let phrases = reader.strings(value, name) else { continue }
            if phrases.isEmpty { reader.report(value, "concept `\(name)` has no phrases") }
            result.append((name, phrases))
        }
        func names(_ key: String) -> [String] {
            guard let node = map[key], let names = reader.strings(node, key) else { return [] }
            for name in names where !result.contains(where: { $0.0 == name }) {
                reader.report(node, "`\(key)` names `\(name)`, which is not a concept of this vocabulary")
            }
            return names
        }
        let choiceWords = map["choice_words"].flatMap { reader.strings($0, "choice_words") } ?? []
        return Vocabulary(
            concepts: result, anchors: names("anchors"), offTopic: names("off_topic"),
            offTopicUnless: names("off_topic_unless"), offTopicAlways: names("off_topic_always"),
            offTopicAlwaysUnless: names("off_topic_always_unless"), choiceWords: choiceWords)
    }
}
