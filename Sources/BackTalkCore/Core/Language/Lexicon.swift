/// A language's word lists: how its words are normalised and which carry no topic.
///
/// Read from `Intents/language/lexicon.yaml`; domain synonyms (spasm, cramp,
/// knot…) are the vocabulary's, not the language's.
struct Lexicon: Sendable {
    /// Contractions, their apostrophe-less spellings and chat shorthand, expanded to words.
    var expansions: [String: [String]] = [:]
    /// Endings that follow an apostrophe, tried in order: `it's` → `it is`, `we've` → `we have`.
    var apostropheSuffixes: [(suffix: String, word: String)] = []
    /// The ending that is a possessive after most words ("my back's muscles"), dropped.
    var possessive = ""
    /// The words after which ``possessive`` is the word it stands for instead ("it's", "that's").
    var possessiveReadAsWordAfter: Set<String> = []
    /// Words that start a new clause: negation does not reach past them.
    var clauseWords: Set<String> = []
    /// Function words that carry no topic.
    var stopWords: Set<String> = []
    /// Question words, which typos are corrected towards although they are stop words.
    var questionWords: Set<String> = []
    /// Words a typo may be corrected to though no entry uses them (the stop words are among them).
    var commonWords: Set<String> = []
    /// The words that pick the first, second… of the options offered ("the first", "the latter").
    var ordinals: [Set<String>] = []
    /// Words a vocabulary phrase may hold without changing what it means: "feeling really low"
    /// is "feeling low", "went into a spasm" is "went into spasm".
    var phraseFillers: Set<String> = []
    /// Stems the stemmer would get wrong, by word: it takes "relaxant" for "relax", which
    /// would make "how do I relax?" a question about a medicine.
    var stems: [String: String] = [:]
}
