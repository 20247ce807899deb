import Yams

/// The words that tell what a message is in the context of the conversation:
/// `language/dialogue.yaml`.
struct DialogueCues: Sendable {
    /// A phrase as normalised words.
    typealias Phrase = [String]

    var fillers: Set<String> = []
    var more: Set<Phrase> = []
    var somethingElse: Set<Phrase> = []
    /// Words asking for something in place of the last answer's ("what can I take instead?").
    var instead: [Phrase] = []
    var notWorking: [Phrase] = []
    var nextStep: [String: String] = [:]
    var defaultNextStep: String?
    /// The entries whose titles are suggested where there is nothing more specific to suggest.
    var suggestions: [String] = []
    var openers: [Phrase] = []
    var pronouns: Set<String> = []
    /// Entries, or topics of entries, whose subject a pronoun in a follow-up stands for ("how long does it last?" after sciatica).
    var referents: Set<String> = []
    /// The pronouns that stand for it.
    var referentPronouns: Set<String> = []
    /// Small-talk entries in order of precedence, with their marker phrases.
    var smalltalk: [(entry: String, markers: [Phrase])] = []
    var smalltalkWords: [Phrase] = []
    /// Every small-talk entry's phrases, longest first, made once when the cues load: small talk is
    /// checked on every message.
    var smalltalkMarkers: [(entry: String, phrase: Phrase)] = []
    /// Every word of the small-talk phrases (markers and words), read where the compiled form
    /// lies: a message with a word outside them and the fillers is not small talk, which most
    /// messages show at their first such word without trying every phrase.
    var smalltalkVocabulary = StringIndex([String]())
    var emoji: [Unicode.Scalar: String] = [:]
    var reportEntries: [String: String] = [:]
    var flare: [Phrase] = []
    var personal: Set<String> = []
    var time: [Phrase] = []
    var episode: [Phrase] = []
    /// Words asking for help with one's own pain ("please help"): a report that says
    /// neither when nor how it started gets the general plan for it.
    var help: [Phrase] = []
    /// Openers that set something new beside the last answer ("what about swimming?").
    var namingOpeners: [Phrase] = []
    var questionWords: Set<String> = []
    var whWords: [Phrase] = []
    /// Topic (or `any`) → audience (its raw value) → the entry for such a person.
    ///
    /// Keyed by the audience's name, not the audience: a dictionary keyed by the enumeration,
    /// nested in another, had its type made at run time by searching every conformance of the
    /// program for the enumeration's `Hashable` (a tenth of a millisecond at every start).
    var audienceEntries: [String: [String: String]] = [:]
    var reconsider: [Phrase] = []
    /// Words that frame a follow-up without naming a subject ("how long for?", "is it safe?"):
    /// `frame_words`, with the fillers, question words, pronouns, openers and what-now phrases.
    var frameWords: Set<String> = []
    /// Phrases asking what to do now, after an answer ("what do I do now?").
    var whatNow: [Phrase] = []
    /// Phrases asking where to get help ("who do I call?"), and the entry that says.
    var asksWhere: [Phrase] = []
    var whereEntry: String?
    /// Phrases doubting advice to get help ("is it really that serious?", "can I wait till Monday?").
    var doubts: [Phrase] = []
    /// Phrases saying a new subject is coming ("totally different question").
    var switchTopic: [Phrase] = []
    /// Whole short follow-ups that stand for an entry whatever came before ("and for the pain?").
    var ellipses: [Ellipsis] = []
    /// Words that add a second thing to the last one ("and paracetamol as well?" after ibuprofen).
    var together: [Phrase] = []
    /// For a topic, the entry on taking two of its entries together (medication: combining painkillers).
    var togetherEntries: [String: String] = [:]
    /// Entries that answer a question about two things on their own: alcohol with a medicine, a cream on top of tablets.
    var togetherApart: Set<String> = []
    /// Every entry the cues name, with the line it is named on, for checking that they exist.
    var entryReferences: [(id: String, line: Int?)] = []

    static let keys: Set<String> = [
        "fillers", "more", "something_else", "instead", "not_working", "next_step", "openers", "pronouns",
        "referents", "referent_pronouns",
        "smalltalk", "smalltalk_words", "emoji", "reports", "flare", "personal", "time", "episode", "wh_words", "audiences", "reconsider",
        "question_words", "help", "naming_openers", "frame_words", "what_now", "asks_where", "doubts", "switch_topic", "ellipses",
        "suggestions", "together", "together_entries", "together_apart",
    ]
    static let reportKinds = ["fresh", "flare", "update", "help"]

    static func parse(_ file: KnowledgeFile, tokenizer: Tokenizer, reader: inout YAMLReader) -> DialogueCues? {
        func words(_ text: String) -> Phrase { tokenizer.tokenize(text).map(\.word) }
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the dialogue cues") else { return nil }
        reader.rejectUnknownKeys(in: map, known: keys)
        var cues = DialogueCues()
        func phrases(_ key: String, required: Bool = true) -> [Phrase] {
            guard let node = reader.value(key, in: map, at: root, required: required), let list = reader.strings(node, key) else {
                return []
            }
            return list.map(words).filter { !$0.isEmpty }
        }
        func pairs(_ key: String) -> [(String, Node)] {
            guard let node = reader.value(key, in: map, at: root, required: true), let mapping = reader.mapping(node, "`\(key)`") else {
                return []
            }
            return mapping.compactMap { key, value in key.string.map { ($0, value) } }
        }
        // A list of entry ids, each remembered with its line so that lint can check it exists.
        func entryIDs(_ key: String) -> [String] {
            guard let node = reader.value(key, in: map, at: root, required: false), let ids = reader.strings(node, key) else {
                return []
            }
            for (id, line) in zip(ids, YAMLReader.itemLines(node)) { cues.entryReferences.append((id, line)) }
            return ids
        }
        cues.fillers = Set(phrases("fillers").joined())
        cues.more = Set(phrases("more"))
        cues.somethingElse = Set(phrases("something_else"))
        cues.instead = phrases("instead", required: false)
        cues.notWorking = phrases("not_working")
        cues.openers = phrases("openers")
        cues.pronouns = Set(phrases("pronouns").joined())
        cues.referentPronouns = Set(phrases("referent_pronouns", required: false).joined())
        cues.referents = Set(entryIDs("referents"))
        cues.smalltalkWords = phrases("smalltalk_words")
        cues.flare = phrases("flare")
        cues.personal = Set(phrases("personal").joined())
        cues.time = phrases("time")
        cues.episode = phrases("episode")
        cues.help = phrases("help", required: false)
        cues.namingOpeners = phrases("naming_openers", required: false)
        cues.questionWords = Set(phrases("question_words").joined())
        cues.whWords = phrases("wh_words")
        cues.reconsider = phrases("reconsider")
        cues.whatNow = phrases("what_now", required: false)
        cues.frameWords = Set(phrases("frame_words", required: false).joined()).union(cues.fillers).union(cues.questionWords)
            .union(cues.pronouns).union(cues.openers.joined()).union(cues.whatNow.joined())
        cues.doubts = phrases("doubts", required: false)
        cues.suggestions = entryIDs("suggestions")
        cues.switchTopic = phrases("switch_topic", required: false)
        if let node = reader.value("asks_where", in: map, at: root, required: false), let fields = reader.mapping(node, "`asks_where`") {
            reader.rejectUnknownKeys(in: fields, known: ["entry", "phrases"])
            if let entryNode = reader.value("entry", in: fields, at: node, required: true),
                let entry = reader.string(entryNode, "asks_where.entry")
            {
                cues.whereEntry = entry
                cues.entryReferences.append((entry, entryNode.mark?.line))
            }
            if let listNode = reader.value("phrases", in: fields, at: node, required: true),
                let list = reader.strings(listNode, "asks_where.phrases")
            {
                cues.asksWhere = list.map(words).filter { !$0.isEmpty }
            }
        }
        for (topic, value) in pairs("audiences") {
            guard let map = reader.mapping(value, "`audiences.\(topic)`") else { continue }
            for (key, entryNode) in map {
                guard let name = key.string, let entry = reader.string(entryNode, "audiences.\(topic).\(name)") else { continue }
                guard let audience = KnowledgeEntry.Audience(rawValue: name) else {
                    reader.report(
                        key, "`\(name)` is not an audience (\(KnowledgeEntry.Audience.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                cues.audienceEntries[topic, default: [:]][audience.rawValue] = entry
                cues.entryReferences.append((entry, entryNode.mark?.line))
                if topic != "any" { cues.entryReferences.append((topic, key.mark?.line)) }
            }
        }
        for (name, value) in pairs("next_step") {
            guard let target = reader.string(value, "next_step.\(name)") else { continue }
            if name == "default" { cues.defaultNextStep = target } else { cues.nextStep[name] = target }
            if name != "default" { cues.entryReferences.append((name, value.mark?.line)) }
            cues.entryReferences.append((target, value.mark?.line))
        }
        if map.contains(where: { $0.key.string == "ellipses" }) {
            for (name, value) in pairs("ellipses") {
                guard let list = reader.strings(value, "ellipses.\(name)") else { continue }
                cues.ellipses.append(Ellipsis(entry: name, phrases: Set(list.map(words).filter { !$0.isEmpty })))
                cues.entryReferences.append((name, value.mark?.line))
            }
        }
        cues.together = phrases("together", required: false)
        if map.contains(where: { $0.key.string == "together_entries" }) {
            for (topic, value) in pairs("together_entries") {
                guard let entry = reader.string(value, "together_entries.\(topic)") else { continue }
                cues.togetherEntries[topic] = entry
                cues.entryReferences.append((topic, value.mark?.line))
                cues.entryReferences.append((entry, value.mark?.line))
            }
        }
        cues.togetherApart = Set(entryIDs("together_apart"))
        for (name, value) in pairs("smalltalk") {
            guard let list = reader.strings(value, "smalltalk.\(name)") else { continue }
            cues.smalltalk.append((name, list.map(words).filter { !$0.isEmpty }))
            cues.entryReferences.append((name, value.mark?.line))
        }
        for (symbol, value) in pairs("emoji") {
            guard let first = symbol.unicodeScalars.first, let meaning = reader.string(value, "emoji") else { continue }
            cues.emoji[first] = meaning
        }
        for (kind, value) in pairs("reports") {
            guard Self.reportKinds.contains(kind) else {
                reader.report(value, "`reports` has \(Self.reportKinds.map { "`\($0)`" }.joined(separator: ", ")), not `\(kind)`")
                continue
            }
            if let entry = reader.string(value, "reports.\(kind)") {
                cues.reportEntries[kind] = entry
                cues.entryReferences.append((entry, value.mark?.line))
            }
        }
        cues.smalltalkMarkers = cues.smalltalk.flatMap { item in item.markers.map { (entry: item.entry, phrase: $0) } }
            .sorted { $0.phrase.count > $1.phrase.count }
        cues.smalltalkWords = cues.smalltalkWords.sorted(by: { $0.count > $1.count })
        cues.smalltalkVocabulary = StringIndex(Set(cues.smalltalkMarkers.flatMap(\.phrase) + cues.smalltalkWords.joined()))
        return cues
    }

    /// The entry for a person of `audience` asking about `topic` (or, with `"any"`, about anything).
    func audienceEntry(topic: String, audience: KnowledgeEntry.Audience) -> String? {
        audienceEntries[topic]?[audience.rawValue]
    }

    /// The entry on `topic` for the first of `audiences` (most specific first) that has one.
    func audienceEntry(topic: String, audiences: [KnowledgeEntry.Audience]) -> String? {
        audiences.lazy.compactMap { audienceEntry(topic: topic, audience: $0) }.first
    }

    /// `text` with each emoji of the list replaced by its words, so that "👍" reads as "thumbs up".
    func replacingEmoji(in text: String) -> String {
        guard text.unicodeScalars.contains(where: { emoji[$0] != nil }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if let meaning = emoji[scalar] {
                result += " \(meaning) "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `words` are exactly one of `phrases` once fillers are dropped from both
    /// ("ok what else can I do for it" is "what else can I do").
    func isOnly(_ words: [String], oneOf phrases: Set<Phrase>) -> Bool {
        if phrases.contains(words) { return true }
        let trimmed = words.filter { !fillers.contains($0) }
        guard !trimmed.isEmpty else { return false }
        if phrases.contains(trimmed) { return true }
        return phrases.contains { phrase in
            var next = 0
            for word in phrase where !fillers.contains(word) {
                guard next < trimmed.count, trimmed[next] == word else { return false }
                next += 1
            }
            return next == trimmed.count
        }
    }

    /// Whether `words` contain one of `phrases`, as whole words in order.
    func contains(_ words: [String], anyOf phrases: [Phrase]) -> Bool {
        phrases.contains { phrase in Self.find(phrase, in: words) != nil }
    }

    /// Whether `words` start with one of `phrases`.
    func starts(_ words: [String], withOneOf phrases: [Phrase]) -> Bool {
        phrases.contains { words.starts(with: $0) }
    }

    /// The small-talk entry a message made only of small-talk words is, if it is one.
    func smalltalkEntry(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        // A word no phrase holds, and no filler, is never covered.
        for word in words where !fillers.contains(word) && smalltalkVocabulary.position(of: word) == nil { return nil }
        // Cover the message with phrases, longest first ("not helpful" before "helpful"); every word must be covered.
        var covered = [Bool](repeating: false, count: words.count)
        var used = Set<String>()
        for (entry, phrase) in smalltalkMarkers {
            var start = 0
            while let found = Self.find(phrase, in: words, from: start) {
                if !covered[found..<found + phrase.count].contains(true) {
                    for index in found..<found + phrase.count { covered[index] = true }
                    used.insert(entry)
                }
                start = found + 1
            }
        }
        guard !used.isEmpty else { return nil }
        for phrase in smalltalkWords {
            var start = 0
            while let found = Self.find(phrase, in: words, from: start) {
                for index in found..<found + phrase.count { covered[index] = true }
                start = found + 1
            }
        }
        for (index, word) in words.enumerated() where !covered[index] && !fillers.contains(word) { return nil }
        return smalltalk.first { used.contains($0.entry) }?.entry
    }

    /// Small-talk entries whose words may open a message that goes on to something else
    /// ("ok, what else can I do?", "thanks, that's calmed me down").
    ///
    /// Not goodbyes ("later on…") nor complaints, which are the point when they are said.
    static let openingSmalltalk: Set<String> = ["thanks", "acknowledgement", "greeting"]

    /// How many words open `words` as small talk before something else, and which small-talk
    /// entries they use: `(0, [])` when none do, or when the whole message is small talk.
    ///
    /// The opening ends where a clause does ("ok, …") or before a question word ("ok what
    /// else…"); fillers and small-talk words may sit inside it ("ok thanks so much, …"). `clauseEnds[i]` says whether a new clause
    /// starts after word `i`.
    func openingSmalltalk(_ words: [String], clauseEnds: [Bool]) -> (length: Int, entries: Set<String>) {
        var position = 0
        var entries = Set<String>()
        var end = 0
        var endEntries = Set<String>()
        while position < words.count {
            if let (entry, phrase) = smalltalkMarkers.first(where: {
                Self.openingSmalltalk.contains($0.entry) && words[position...].starts(with: $0.phrase)
            }) {
                entries.insert(entry)
                position += phrase.count
            } else if !entries.isEmpty, fillers.contains(words[position]) || smalltalkWords.contains([words[position]]) {
                position += 1
            } else {
                break
            }
            guard !entries.isEmpty, position < words.count else { continue }
            if clauseEnds[position - 1] || questionWords.contains(words[position]) {
                end = position
                endEntries = entries
            }
        }
        return end > 0 && end < words.count ? (end, endEntries) : (0, [])
    }

    /// The token positions of every one of `phrases` found in `words`.
    func positions(of phrases: [Phrase], in words: [String]) -> Set<Int> {
        var found = Set<Int>()
        for phrase in phrases {
            var start = 0
            while let index = Self.find(phrase, in: words, from: start) {
                found.formUnion(index..<index + phrase.count)
                start = index + 1
            }
        }
        return found
    }

    /// Where `phrase` first occurs in `words` at or after `start`.
    static func find(_ phrase: Phrase, in words: [String], from start: Int = 0) -> Int? {
        guard !phrase.isEmpty, words.count >= phrase.count, start <= words.count - phrase.count else { return nil }
        for index in start...(words.count - phrase.count) where words[index] == phrase[0] {
            if Array(words[index..<index + phrase.count]) == phrase { return index }
        }
        return nil
    }
}

extension DialogueCues {
    /// Whole short follow-ups that stand for an entry: the entry, and the phrases (as words).
    ///
    /// A named type, not a tuple: a list of tuples holding a set of lists had its type made
    /// at run time by searching every conformance of the program (a tenth of a millisecond
    /// at every start).
    struct Ellipsis: Sendable {
        var entry: String
        var phrases: Set<Phrase>
    }
}
