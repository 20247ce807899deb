/// A validated knowledge base, indexed for matching.
///
/// The one that ships with the engine is ``bundled()``; authors load another
/// with ``init(files:)`` or ``init(directory:)``.
public struct KnowledgeBase: Sendable {
    /// The entries, sorted by id.
    public let entries: [KnowledgeEntry]
    let vocabulary: Vocabulary
    let vocabularyPath: String
    let replies: CannedReplies
    let matcher: IntentMatcher
    let triage: Triage
    let cues: DialogueCues
    let cuesPath: String
    let entryFiles: [String: (path: String, lines: [String: Int])]
    private let positions: [String: Int]

    /// Loads a knowledge base from the contents of its files.
    ///
    /// - Throws: ``KnowledgeBaseError`` listing every problem, by file and line.
    public init(files: [KnowledgeFile]) throws(KnowledgeBaseError) {
        let (loaded, diagnostics) = KnowledgeLoader.load(files)
        guard let loaded else { throw KnowledgeBaseError(diagnostics: diagnostics) }
        entries = loaded.entries
        vocabulary = loaded.vocabulary
        vocabularyPath = loaded.vocabularyPath
        replies = loaded.replies
        entryFiles = loaded.entryFiles
        triage = loaded.triage
        cues = loaded.cues
        cuesPath = loaded.cuesPath
        let index = IntentIndex(entries: loaded.entries, vocabulary: loaded.vocabulary,
                                extraWords: loaded.triage.lexicon.vocabularyWords + loaded.triage.flow.answers.vocabularyWords,
                                dictionary: loaded.dictionary, outOfScope: loaded.outOfScope)
        matcher = IntentMatcher(index: index, kinds: loaded.entries.map(\.kind))
        positions = Dictionary(uniqueKeysWithValues: loaded.entries.enumerated().map { ($1.id, $0) })
    }

    /// The knowledge base compiled into the engine from the repository's `Intents/` folder.
    public static func bundled() throws(KnowledgeBaseError) -> KnowledgeBase {
        try bundledResult.get()
    }

    private static let bundledResult: Result<KnowledgeBase, KnowledgeBaseError> = {
        do throws(KnowledgeBaseError) {
            return .success(try KnowledgeBase(files: KnowledgeFile.bundled))
        } catch {
            return .failure(error)
        }
    }()

    /// The files of the bundled knowledge base, for tools that lint or copy it.
    public static var bundledFiles: [KnowledgeFile] { KnowledgeFile.bundled }

    /// The entry with `id`, if there is one.
    public func entry(id: String) -> KnowledgeEntry? {
        positions[id].map { entries[$0] }
    }
}
