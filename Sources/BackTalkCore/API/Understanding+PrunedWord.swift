extension Understanding {
    /// A word of the message the matcher did not read, and why.
    public struct PrunedWord: Sendable, Hashable, Codable {
        /// Why a word was left out.
        public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
            /// A warning sign the person denied ("no numbness"): not the subject of the message.
            case denied
            /// Words that announce a new subject ("different question, …"): not the question itself.
            case topicSwitch = "topic_switch"
            /// Small talk opening a message that goes on to ask something ("ok, what else…").
            case smalltalk
        }

        /// The word, as normalised.
        public var word: String
        /// Why it was left out.
        public var reason: Reason

        /// Creates a pruned word.
        public init(word: String, reason: Reason) {
            self.word = word
            self.reason = reason
        }
    }
}
