import Yams

/// Reads one `entries/ID.yaml` file into a ``KnowledgeEntry``.
enum EntryParser {
    static let fields: Set<String> = [
        "id", "title", "kind", "topic", "answer", "more", "variants", "examples", "keywords",
        "related", "sources",
    ]
    static let variantFields: Set<String> = ["for", "answer", "more"]

    /// The entry, with the line each field starts on and the line of each example,
    /// or `nil` after recording why not.
    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> (KnowledgeEntry, lines: [String: Int], exampleLines: [Int])? {
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
        let topic = map["topic"].flatMap { reader.string($0, "topic") }
        let more = map["more"].flatMap { reader.string($0, "more") }
        let variants = map["variants"].flatMap { parseVariants($0, reader: &reader) } ?? []

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
            id: id, title: title, kind: kind, topic: topic, answer: answer, more: more, variants: variants, examples: examples,
            keywords: keywords, related: related, sources: sources
        )
        return (entry, lines, YAMLReader.itemLines(map["examples"]))
    }

    /// `variants:` — a list of `{for, answer, more}`, one per audience.
    private static func parseVariants(_ node: Node, reader: inout YAMLReader) -> [KnowledgeEntry.Variant]? {
        guard case .sequence(let items) = node else {
            reader.report(node, "`variants` should be a list of `for:` / `answer:` mappings")
            return nil
        }
        var variants: [KnowledgeEntry.Variant] = []
        for item in items {
            guard let map = reader.mapping(item, "a variant") else { continue }
            reader.rejectUnknownKeys(in: map, known: variantFields)
            let name = reader.value("for", in: map, at: item, required: true).flatMap { reader.string($0, "for") }
            let answer = reader.value("answer", in: map, at: item, required: true).flatMap { reader.string($0, "answer") }
            let more = map["more"].flatMap { reader.string($0, "more") }
            guard let name, let answer else { continue }
            guard let audience = KnowledgeEntry.Audience(rawValue: name) else {
                let known = KnowledgeEntry.Audience.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                reader.report(map["for"], "`for` should be one of \(known), not `\(name)`")
                continue
            }
            if variants.contains(where: { $0.audience == audience }) {
                reader.report(map["for"], "a second variant for `\(name)`")
                continue
            }
            variants.append(KnowledgeEntry.Variant(audience: audience, answer: answer, more: more))
        }
        return variants
    }
}
