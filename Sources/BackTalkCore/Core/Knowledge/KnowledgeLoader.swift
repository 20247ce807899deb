import Yams

/// Assembles a knowledge base from its files, collecting every problem found.
enum KnowledgeLoader {
    struct Loaded {
        var entries: [KnowledgeEntry]
        var entryFiles: [String: (path: String, lines: [String: Int])]
        var vocabulary: Vocabulary
        /// Where the vocabulary came from, for diagnostics about it.
        var vocabularyPath: String
        var replies: CannedReplies
        var triage: Triage
        var dictionary: WordList
        var cues: DialogueCues
        var cuesPath: String
        var language: Language
        /// Messages that should be turned away, for the matcher to learn from.
        var outOfScope: [String]
        /// The line of each example, by entry id, for pointing at one that is missed.
        var exampleLines: [String: [Int]]
        /// Where the out-of-scope examples are, and the line of each.
        var outOfScopeFile: (path: String, lines: [Int])
    }

    static func load(_ files: [KnowledgeFile]) -> (Loaded?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var entries: [KnowledgeEntry] = []
        var entryFiles: [String: (String, [String: Int])] = [:]
        var vocabulary: Vocabulary?
        var vocabularyPath = "vocabulary.yaml"
        var replies: CannedReplies?
        var triageRoots: [String: (root: Node, path: String)] = [:]
        var triageFiles = Set<String>()
        var dictionary = WordList()
        var cues: DialogueCues?
        var outOfScope: [String] = []
        var exampleLines: [String: [Int]] = [:]
        var outOfScopeFile = (path: "out_of_scope.yaml", lines: [Int]())
        var cuesPath = "language/dialogue.yaml"

        // The language first: every other file's phrases are normalised with its words.
        var language: Language?
        let isLanguageFile = { (path: String) in path == Language.fileName || path.hasSuffix("/" + Language.fileName) }
        if let file = files.first(where: { isLanguageFile($0.path) }) {
            var reader = YAMLReader(file: file.path)
            language = Language.parse(file, reader: &reader)
            diagnostics += reader.diagnostics
        } else {
            language = nil
        }
        let tokenizer = (language ?? Language()).tokenizer

        for file in files.sorted(by: { $0.path < $1.path }) where !isLanguageFile(file.path) {
            var reader = YAMLReader(file: file.path)
            let components = file.path.split(separator: "/").map(String.init)
            let name = components.last ?? file.path
            let folder = components.count > 1 ? components[components.count - 2] : ""
            switch (folder, name) {
            case ("entries", _):
                if let (entry, lines, linesOfExamples) = EntryParser.parse(file, reader: &reader) {
                    let expected = String(name.dropLast(".yaml".count))
                    if let previous = entryFiles[entry.id] {
                        reader.report(line: lines["id"], "duplicate id `\(entry.id)` (also in \(previous.0))")
                    } else if entry.id != expected {
                        reader.report(line: lines["id"], "id `\(entry.id)` does not match the file name `\(name)`")
                    } else if !entry.id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
                        reader.report(line: lines["id"], "id `\(entry.id)` should use only a-z, 0-9 and _")
                    } else {
                        entries.append(entry)
                        entryFiles[entry.id] = (file.path, lines)
                        exampleLines[entry.id] = linesOfExamples
                    }
                }
            case (_, "vocabulary.yaml"):
                vocabulary = Vocabulary.parse(file, reader: &reader)
                vocabularyPath = file.path
            case (_, "replies.yaml"):
                replies = CannedReplies.parse(file, reader: &reader)
            case ("language", "words.txt"):
                dictionary = WordList(text: file.text)
                if let line = dictionary.firstUnsortedLine {
                    reader.report(line: line, "the words must be sorted, one a line (LC_ALL=C sort -u)")
                }
            case (_, "out_of_scope.yaml") where folder != "entries":
                if let root = reader.root(of: file.text), let map = reader.mapping(root, "the out-of-scope examples") {
                    reader.rejectUnknownKeys(in: map, known: ["examples"])
                    let examples = reader.value("examples", in: map, at: root, required: true)
                    outOfScope = examples.flatMap { reader.strings($0, "examples") } ?? []
                    outOfScopeFile = (file.path, YAMLReader.itemLines(examples))
                }
            case ("language", "dialogue.yaml"):
                cues = DialogueCues.parse(file, tokenizer: tokenizer, reader: &reader)
                cuesPath = file.path
            case ("triage", _) where Triage.fileNames.contains(name):
                triageFiles.insert(name)
                if let root = reader.root(of: file.text) { triageRoots[name] = (root, file.path) }
            default:
                reader.report(
                    line: nil,
                    "unexpected file: entries go in entries/, the triage in triage/ (\(Triage.fileNames.joined(separator: ", "))), and the other files are vocabulary.yaml, replies.yaml, out_of_scope.yaml, language/words.txt, language/lexicon.yaml and language/dialogue.yaml"
                )
            }
            diagnostics += reader.diagnostics
        }

        let root =
            files.first.map { path in
                path.path.split(separator: "/").dropLast(
                    path.path.contains("/entries/") || path.path.contains("/triage/") || path.path.contains("/language/") ? 2 : 1
                ).joined(separator: "/")
            } ?? ""
        func missing(_ what: String) {
            diagnostics.append(Diagnostic(file: root.isEmpty ? what : "\(root)/\(what)", line: nil, message: "missing file"))
        }
        if vocabulary == nil && !files.contains(where: { $0.path.hasSuffix("vocabulary.yaml") }) { missing("vocabulary.yaml") }
        if replies == nil && !files.contains(where: { $0.path.hasSuffix("replies.yaml") }) { missing("replies.yaml") }
        if cues == nil && !files.contains(where: { $0.path.hasSuffix("language/dialogue.yaml") }) { missing("language/dialogue.yaml") }
        if !files.contains(where: { isLanguageFile($0.path) }) { missing(Language.fileName) }
        for name in Triage.fileNames where !triageFiles.contains(name) { missing("triage/" + name) }
        var triage: Triage?
        if diagnostics.isEmpty {
            let (loaded, problems) = Triage.load(triageRoots, tokenizer: tokenizer)
            triage = loaded
            diagnostics += problems
        }
        if entries.isEmpty && !files.contains(where: { $0.path.contains("entries/") }) {
            diagnostics.append(Diagnostic(file: root.isEmpty ? "entries" : "\(root)/entries", line: nil, message: "no entries"))
        }

        let ids = Set(entries.map(\.id))
        for entry in entries {
            guard let (path, lines) = entryFiles[entry.id] else { continue }
            for related in entry.related where !ids.contains(related) {
                diagnostics.append(Diagnostic(file: path, line: lines["related"], message: "related id `\(related)` does not exist"))
            }
            if entry.related.contains(entry.id) {
                diagnostics.append(Diagnostic(file: path, line: lines["related"], message: "an entry should not list itself as related"))
            }
            // Topics form a tree one level deep: a specific entry names a broad one.
            if !entry.isBroad {
                if let parent = entries.first(where: { $0.id == entry.topic }) {
                    if !parent.isBroad {
                        diagnostics.append(
                            Diagnostic(
                                file: path, line: lines["topic"],
                                message: "topic `\(entry.topic)` is itself a specific entry (of `\(parent.topic)`); name a broad topic"))
                    }
                } else {
                    diagnostics.append(Diagnostic(file: path, line: lines["topic"], message: "topic `\(entry.topic)` does not exist"))
                }
                if entry.kind != .topic {
                    diagnostics.append(Diagnostic(file: path, line: lines["topic"], message: "small talk has no topic"))
                }
            }
        }

        guard diagnostics.isEmpty, let vocabulary, let replies, let triage, let cues, let language else { return (nil, diagnostics) }
        return (
            Loaded(
                entries: entries.sorted { $0.id < $1.id }, entryFiles: entryFiles, vocabulary: vocabulary,
                vocabularyPath: vocabularyPath, replies: replies, triage: triage, dictionary: dictionary,
                cues: cues, cuesPath: cuesPath, language: language, outOfScope: outOfScope, exampleLines: exampleLines,
                outOfScopeFile: outOfScopeFile), []
        )
    }
}
