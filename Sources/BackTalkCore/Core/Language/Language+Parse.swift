import Yams

extension Language {
    /// The fields of `language/lexicon.yaml`.
    static let keys: Set<String> = [
        "name", "stemmer", "expansions", "apostrophe_suffixes", "possessive", "possessive_is_word_after", "clause_words",
        "stop_words", "question_words", "common_words", "ordinals", "phrase_fillers", "stems",
    ]

    /// Reads `language/lexicon.yaml`, reporting every problem by line.
    ///
    /// Words are kept as written, lower case: the tokenizer looks them up after lower-casing a message.
    static func parse(_ file: KnowledgeFile, reader: inout YAMLReader) -> Language? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the language file") else { return nil }
        reader.rejectUnknownKeys(in: map, known: keys)
        var language = Language()
        var lexicon = Lexicon()
        let before = reader.diagnostics.count

        func words(_ key: String) -> [String] {
            guard let node = reader.value(key, in: map, at: root, required: true), let list = reader.strings(node, key) else { return [] }
            for (item, line) in zip(list, YAMLReader.itemLines(node)) where item != item.lowercased() || item.contains(" ") {
                reader.report(line: line, "`\(key)`: \"\(item)\" should be one word in lower case")
            }
            return list
        }

        if let node = reader.value("name", in: map, at: root, required: true), let name = reader.string(node, "name") {
            language.name = name
        }
        if let node = reader.value("stemmer", in: map, at: root, required: true), let name = reader.string(node, "stemmer") {
            if let stemmer = StemmerName(rawValue: name) {
                language.stemmerName = stemmer
            } else {
                reader.report(
                    node,
                    "`stemmer`: no stemmer is called `\(name)`; use \(StemmerName.allCases.map { "`\($0.rawValue)`" }.joined(separator: " or "))"
                )
            }
        }
        if let node = reader.value("expansions", in: map, at: root, required: true),
            let expansions = reader.mapping(node, "`expansions`")
        {
            for (key, value) in expansions {
                guard let word = reader.string(key, "expansions key"), let expanded = reader.strings(value, "expansions.\(word)") else {
                    continue
                }
                if expanded.isEmpty {
                    reader.report(value, "`expansions.\(word)` should list the words it stands for")
                } else if lexicon.expansions[word] != nil {
                    reader.report(key, "`expansions`: \"\(word)\" is listed twice")
                } else {
                    lexicon.expansions[word] = expanded.flatMap { $0.split(separator: " ").map(String.init) }
                }
            }
        }
        if let node = reader.value("apostrophe_suffixes", in: map, at: root, required: true) {
            if case .sequence(let items) = node {
                for item in items {
                    guard let pair = reader.strings(item, "apostrophe_suffixes item"), pair.count == 2 else {
                        reader.report(item, "`apostrophe_suffixes`: each item is [ending, word], such as [\"'re\", are]")
                        continue
                    }
                    lexicon.apostropheSuffixes.append((pair[0], pair[1]))
                }
            } else {
                reader.report(node, "`apostrophe_suffixes` should be a list of [ending, word] pairs")
            }
        }
        if let node = reader.value("possessive", in: map, at: root, required: true), let ending = reader.string(node, "possessive") {
            lexicon.possessive = ending
        }
        lexicon.possessiveReadAsWordAfter = Set(words("possessive_is_word_after"))
        lexicon.clauseWords = Set(words("clause_words"))
        lexicon.stopWords = Set(words("stop_words"))
        lexicon.questionWords = Set(words("question_words"))
        lexicon.commonWords = lexicon.stopWords.union(words("common_words"))
        lexicon.phraseFillers = Set(words("phrase_fillers"))
        if let node = reader.value("stems", in: map, at: root, required: false), let stems = reader.mapping(node, "`stems`") {
            for (key, value) in stems {
                guard let word = reader.string(key, "stems key"), let stem = reader.string(value, "stems.\(word)") else { continue }
                if word != word.lowercased() || word.contains(" ") || stem != stem.lowercased() || stem.contains(" ") {
                    reader.report(key, "`stems`: \"\(word)\": \"\(stem)\" should be one word in lower case and its stem")
                } else if lexicon.stems[word] != nil {
                    reader.report(key, "`stems`: \"\(word)\" is listed twice")
                } else {
                    lexicon.stems[word] = stem
                }
            }
        }
        if let node = reader.value("ordinals", in: map, at: root, required: true) {
            if case .sequence(let items) = node {
                for item in items {
                    if let names = reader.strings(item, "ordinals item") { lexicon.ordinals.append(Set(names)) }
                }
            } else {
                reader.report(node, "`ordinals` should be a list of lists: the words for the first option, then the second")
            }
        }
        language.lexicon = lexicon
        return reader.diagnostics.count == before ? language : nil
    }
}
