import Yams

/// Synonyms shared by every entry: each phrase is read as its concept.
struct Vocabulary: Sendable, Hashable {
    /// Concept name → the phrases that mean it, in file order.
    var concepts: [(name: String, phrases: [String])]
    /// Concepts that place a message within BackTalk's subject ("back", "spasm").
    var anchors: [String] = []

    static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool {
        lhs.anchors == rhs.anchors
            && lhs.concepts.elementsEqual(rhs.concepts) { $0.name == $1.name && $0.phrases == $1.phrases }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(anchors)
        for concept in concepts {
            hasher.combine(concept.name)
            hasher.combine(concept.phrases)
        }
    }

    static let empty = Vocabulary(concepts: [])

    /// Reads `vocabulary.yaml`: a `concepts:` mapping of name to a list of phrases.
    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> Vocabulary? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the vocabulary") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ["concepts", "anchors"])
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
        var anchors: [String] = []
        if let node = map["anchors"], let names = reader.strings(node, "anchors") {
            for name in names where !result.contains(where: { $0.0 == name }) {
                reader.report(node, "anchor `\(name)` is not a concept of this vocabulary")
            }
            anchors = names
        }
        return Vocabulary(concepts: result, anchors: anchors)
    }
}
