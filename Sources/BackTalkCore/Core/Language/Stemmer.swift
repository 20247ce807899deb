/// Reduces a word to the form its inflections share ("spasms", "spasm" → "spasm").
///
/// A language names its stemmer in `Intents/language/lexicon.yaml` (`stemmer:`);
/// ``StemmerName`` lists the ones there are.
package protocol Stemmer: Sendable {
    /// The stem of a normalised (lower-case) word.
    func stem(_ word: String) -> String
}

/// The stemmers a language file may name.
package enum StemmerName: String, Sendable, CaseIterable {
    /// Porter (1980), for English.
    case porterEnglish = "porter-english"
    /// Words are kept as they are: for a language with no stemmer yet.
    case none

    /// The stemmer this name stands for.
    var stemmer: any Stemmer {
        switch self {
        case .porterEnglish: PorterStemmer()
        case .none: UnchangedWords()
        }
    }
}

/// The stemmer that changes nothing.
struct UnchangedWords: Stemmer {
    func stem(_ word: String) -> String { word }
}
