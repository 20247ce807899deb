extension MessageReader {
    /// A reader whose anchors were worked out when the knowledge base was compiled.
    init(lexicon: TriageLexicon, anchoredOn: [[(finding: Int, alternative: Int)]], clauseWords: Set<String>) {
        self.lexicon = lexicon
        self.anchoredOn = anchoredOn
        self.clauseWords = clauseWords
    }
}
