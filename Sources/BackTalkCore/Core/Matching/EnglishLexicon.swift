/// Language-level word lists: contractions, chat slang and function words.
///
/// Domain synonyms (spasm, cramp, knot…) live in `Intents/vocabulary.yaml`;
/// this file holds only what any English text needs.
enum EnglishLexicon {
    /// Contractions and their apostrophe-less spellings, expanded to words.
    static let expansions: [String: [String]] = {
        var table: [String: [String]] = [
            "can't": ["can", "not"], "cant": ["can", "not"], "cnt": ["can", "not"], "cudnt": ["could", "not"], "cannot": ["can", "not"],
            "won't": ["will", "not"], "wont": ["will", "not"],
            "shan't": ["shall", "not"], "ain't": ["am", "not"], "aint": ["am", "not"],
            "i'm": ["i", "am"], "im": ["i", "am"],
            "let's": ["let", "us"],
            // Chat slang and common shorthand.
            "u": ["you"], "ur": ["your"], "r": ["are"], "y": ["why"], "pls": ["please"], "plz": ["please"],
            "thx": ["thanks"], "thanx": ["thanks"], "ty": ["thank", "you"], "tysm": ["thank", "you"],
            "abt": ["about"], "bc": ["because"], "cuz": ["because"], "coz": ["because"], "cos": ["because"],
            "wat": ["what"], "wot": ["what"], "wut": ["what"], "wht": ["what"], "hw": ["how"],
            "idk": ["i", "do", "not", "know"], "dunno": ["do", "not", "know"], "dno": ["do", "not", "know"],
            "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "kinda": ["kind", "of"],
            "sorta": ["sort", "of"], "gimme": ["give", "me"], "lemme": ["let", "me"],
            "w/": ["with"], "w/o": ["without"], "b4": ["before"], "2day": ["today"], "tmrw": ["tomorrow"],
            "rn": ["right", "now"], "atm": ["at", "the", "moment"], "pt": ["physiotherapy"],
            "dr": ["doctor"], "docs": ["doctors"], "doc": ["doctor"], "meds": ["medicines"], "med": ["medicine"],
            "physio": ["physiotherapy"], "hrs": ["hours"], "hr": ["hour"], "mins": ["minutes"], "min": ["minutes"],
            "wks": ["weeks"], "wk": ["week"], "yrs": ["years"], "yr": ["year"],
        ]
        // Apostrophe-less negatives people type: dont, doesnt, isnt, ...
        for stem in [
            "do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
            "could", "would", "should", "must", "need", "might",
        ] {
            table[stem + "n't"] = [stem, "not"]
            table[stem + "nt"] = [stem, "not"]
        }
        for (short, long) in [
            ("ive", ["i", "have"]), ("id", ["i", "would"]), ("ill", ["i", "will"]),
            ("youre", ["you", "are"]), ("theyre", ["they", "are"]),
            ("whats", ["what", "is"]), ("thats", ["that", "is"]), ("theres", ["there", "is"]),
            ("hows", ["how", "is"]), ("wheres", ["where", "is"]), ("whos", ["who", "is"]),
        ] {
            // "ill" and "id" are real words too; only the apostrophe forms are unambiguous.
            if short != "ill" && short != "id" { table[short] = long }
        }
        return table
    }()

    /// Endings that follow an apostrophe: `it's` → `it is`, `we've` → `we have`.
    static let suffixes: [(String, String)] = [
        ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"), ("'m", "am"), ("'s", "is"),
    ]

    /// Function words that carry no topic.
    ///
    /// Question words that do (when, where, why, who) and negations (the triage
    /// detector reads those) are not here.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "too", "very", "just", "also",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "we", "us", "our", "ours",
        "he", "him", "his", "she", "her", "hers", "it", "its", "itself", "they", "them", "their", "theirs",
        "this", "that", "these", "those", "there", "here",
        "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
        "have", "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "what", "which", "how", "whom", "whose",
        "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "into", "onto", "up", "out", "off",
        "over", "under", "again", "further", "once", "as", "until", "while", "through", "during", "before", "after",
        "above", "below", "between", "some", "any", "each", "few", "more", "most", "other", "such", "own", "same",
        "only", "all", "both", "not", "no", "nor", "never",
        "please", "ok", "okay", "oh", "um", "uh", "like", "really",
        "lol", "lmao", "haha", "omg", "wtf", "ugh", "yeah", "yes", "yep", "well", "anyway", "basically", "actually",
        "get", "gets", "got", "getting", "go", "going", "went", "make", "makes", "made", "thing", "things",
        "something", "anything", "everything", "someone", "anyone", "kind", "sort", "bit", "lot", "lots",
        "know", "want", "need", "tell", "say", "said", "think", "one", "ones", "way", "still", "even", "now", "sure",
    ]

    /// Question words, which typos are corrected towards although they are stop words.
    static let questionWords: Set<String> = ["what", "when", "where", "why", "who", "how", "which", "should", "could", "would", "does"]

    /// Words a typo may be corrected to even though no entry uses them: they
    /// are common enough that an unknown word one letter away is likely one of them.
    static let commonWords: Set<String> = stopWords.union([
        "what", "when", "where", "why", "who", "how", "long", "help", "good", "bad", "best", "worst",
        "hurt", "hurts", "hurting", "pain", "painful", "back", "lower", "upper", "stop", "start", "keep", "keeps",
    ])
}
