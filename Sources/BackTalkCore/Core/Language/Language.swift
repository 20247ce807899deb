/// How the knowledge base's language is read: its lexicon and its stemmer.
///
/// A language is data (`Intents/language/lexicon.yaml`), not code: a second
/// language is a second knowledge-base folder. English is the one written so far.
package struct Language: Sendable {
    /// Where a knowledge base keeps its language, within its folder.
    static let fileName = "language/lexicon.yaml"

    /// The language's name, as the file gives it (`english`).
    var name = ""
    /// The stemmer's name in the file (`porter-english`, `none`).
    var stemmerName = StemmerName.none
    var lexicon = Lexicon()

    /// The stemmer the file names.
    var stemmer: any Stemmer { stemmerName.stemmer }

    /// The stem of a normalised word: the lexicon's own where it gives one, else the stemmer's.
    func stem(_ word: String) -> String { lexicon.stems[word] ?? stemmer.stem(word) }

    /// A tokenizer that normalises with this language's lexicon.
    var tokenizer: Tokenizer { Tokenizer(lexicon: lexicon) }
}
