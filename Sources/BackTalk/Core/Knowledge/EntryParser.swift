import Yams

/// Reads one `entries/ID.yaml` file into a ``KnowledgeEntry``.
enum EntryParser {
    static let fields: Set<String> = ["id", "title", "kind", "answer", "examples", "keywords", "related", "sources"]

    /// The entry, with the line each field starts on, or `nil` after recording why not.
    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> (KnowledgeEntry, lines: [String: Int])? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "an entry") else { return nil }
        reader.rejectUnknownKeys(in: map, known: fields)

        var lines: [String: Int] = [:]
        for (key, value) in map { if let name = key.string { lines[name] = value.mark?.line ?? key.mark?.line } }

        func text(_ key: String) -> String? {
            reader.value(key, in: map, at: root, required: true).flatMap { reader.string($0, key) }
        }
        func list(_ key: String) -> [String]? {
            reader.value(key, in: map, at: root, required: true).flatMap { reader.strings($0, key) }
        }

        let id = text("id")
        let title = text("title")
        let answer = text("answer")
        let examples = list("examples")
        let keywords = list("keywords")
        let related = list("related")
        let sources = list("sources")

        var kind = KnowledgeEntry.Kind.topic
        if let node = map["kind"], let name = reader.string(node, "kind") {
            if let parsed = KnowledgeEntry.Kind(rawValue: name) {
                kind = parsed
            } else {
                reader.report(node, "`kind` should be `topic` or `smalltalk`, not `\(name)`")
            }
        }

        guard let id, let title, let answer, let examples, let keywords, let related, let sources else { return nil }
        let entry = KnowledgeEntry(
            id: id, title: title, kind: kind, answer: answer, examples: examples,
            keywords: keywords, related: related, sources: sources
        )
        return (entry, lines)
    }
}
