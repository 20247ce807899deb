extension KnowledgeBase {
    /// The limits a topic's answer must keep, in words, in every variant too.
    ///
    /// An answer is read in a chat: the direct answer, then the essentials, in
    /// about 120 words; above the upper bound the detail belongs in `more`.
    public static let answerWordRange = 20...130
    /// The fewest examples an entry may have.
    public static let minimumExamples = 10

    /// Every problem in a knowledge base: what stops it loading, and what
    /// would make it answer badly (short answers, examples that reach another entry).
    public static func lint(files: [KnowledgeFile]) -> [Diagnostic] {
        do throws(KnowledgeBaseError) {
            return try KnowledgeBase(files: files).lint()
        } catch {
            return error.diagnostics
        }
    }

    /// The problems of a loaded knowledge base that do not stop it loading.
    public func lint() -> [Diagnostic] {
        KnowledgeLint(knowledgeBase: self).diagnostics() + triageLint()
    }

    /// The words of an answer, as a reader counts them.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
