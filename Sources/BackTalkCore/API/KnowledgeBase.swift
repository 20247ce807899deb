/// A validated knowledge base, indexed for matching.
///
/// The one that ships with the engine is `KnowledgeBase.bundled()`, in the `BackTalk` library; authors load another
/// with ``init(files:)``, or from a folder with `init(directory:)` of the `BackTalkAuthoring` library.
public struct KnowledgeBase: Sendable {
    /// What a knowledge base holds, shared: the responder and the understanding step take a copy
    /// of the knowledge base for every message, and a copy should be one reference, not dozens.
    private final class Storage: Sendable {
        let entries: [KnowledgeEntry]
        let vocabulary: Vocabulary
        let vocabularyPath: String
        let replies: CannedReplies
        let matcher: IntentMatcher
        let triage: Triage
        let cues: DialogueCues
        let cuesPath: String
        let positions: [String: Int]
        /// What it was loaded from, without what `tail` holds.
        let loaded: KnowledgeLoader.Loaded
        /// The files and lines of the entries and the out-of-scope examples: for authoring only.
        let tail: AuthoringTail

        init(loaded: KnowledgeLoader.Loaded, index: IntentIndex, tail deferred: AuthoringTail? = nil) {
            tail =
                deferred
                ?? AuthoringTail(
                    (loaded.entryFiles, loaded.outOfScope, loaded.exampleLines, loaded.outOfScopeFile))
            var rest = loaded
            (rest.entryFiles, rest.outOfScope, rest.exampleLines, rest.outOfScopeFile) = AuthoringTail.empty
            self.loaded = rest
            entries = loaded.entries
            vocabulary = loaded.vocabulary
            vocabularyPath = loaded.vocabularyPath
            replies = loaded.replies
            triage = loaded.triage
            cues = loaded.cues
            cuesPath = loaded.cuesPath
            matcher = IntentMatcher(
                index: index, kinds: loaded.entries.map(\.kind), ids: loaded.entries.map(\.id),
                topics: loaded.entries.map(\.topic), questionStarts: loaded.triage.lexicon.questionStarts)
            positions = Dictionary(uniqueKeysWithValues: loaded.entries.enumerated().map { ($1.id, $0) })
        }
    }

    private let storage: Storage

    /// The entries, sorted by id.
    public var entries: [KnowledgeEntry] { storage.entries }
    var vocabulary: Vocabulary { storage.vocabulary }
    package var vocabularyPath: String { storage.vocabularyPath }
    var replies: CannedReplies { storage.replies }
    var matcher: IntentMatcher { storage.matcher }
    var triage: Triage { storage.triage }
    var cues: DialogueCues { storage.cues }
    /// The language the knowledge base is written in, as its `language/lexicon.yaml` describes it.
    var language: Language { matcher.index.analyzer.language }
    package var cuesPath: String { storage.cuesPath }
    package var entryFiles: [String: (path: String, lines: [String: Int])] { storage.tail.value.entryFiles }
    /// What it was loaded from, to build it again with some examples held out.
    var source: KnowledgeLoader.Loaded {
        var source = storage.loaded
        (source.entryFiles, source.outOfScope, source.exampleLines, source.outOfScopeFile) = storage.tail.value
        return source
    }

    /// Loads a knowledge base from the contents of its files.
    ///
    /// - Throws: ``KnowledgeBaseError`` listing every problem, by file and line.
    public init(files: [KnowledgeFile]) throws(KnowledgeBaseError) {
        let (loaded, diagnostics) = KnowledgeLoader.load(files)
        guard let loaded else { throw KnowledgeBaseError(diagnostics: diagnostics) }
        self.init(loaded: loaded, model: nil)
    }

    /// Loads a knowledge base without learning the matcher's weights, which takes
    /// time and memory in proportion to entries times words: for measuring the
    /// rest on knowledge bases too large to learn (the scale benchmark).
    @_spi(Benchmarks)
    public init(files: [KnowledgeFile], learningWeights: Bool) throws(KnowledgeBaseError) {
        let (loaded, diagnostics) = KnowledgeLoader.load(files)
        guard let loaded else { throw KnowledgeBaseError(diagnostics: diagnostics) }
        self.init(loaded: loaded, model: nil, learns: learningWeights)
    }

    /// A knowledge base from files already loaded and checked; `model` nil learns the weights now.
    init(loaded: KnowledgeLoader.Loaded, model: LearnedModel?, learns: Bool = true) {
        let index = IntentIndex(
            entries: loaded.entries, vocabulary: loaded.vocabulary, language: loaded.language,
            extraWords: loaded.triage.lexicon.vocabularyWords + loaded.triage.flow.answers.vocabularyWords,
            dictionary: loaded.dictionary, outOfScope: loaded.outOfScope, model: model, learns: learns)
        self.init(loaded: loaded, index: index)
    }

    /// A knowledge base from files already loaded and their index, built now or read from the compiled form.
    init(loaded: KnowledgeLoader.Loaded, index: IntentIndex, tail: AuthoringTail? = nil) {
        storage = Storage(loaded: loaded, index: index, tail: tail)
    }

    /// The weights the matcher learnt, for tests that compare them.
    package var learnedModel: LearnedModel { matcher.index.model }

    /// What a client shows around the replies (banners, the emergency numbers,
    /// the suggestions' heading), from `replies.yaml`.
    public var interfaceTexts: InterfaceTexts { replies.interface }

    /// The entry with `id`, if there is one.
    public func entry(id: String) -> KnowledgeEntry? {
        position(of: id).map { storage.entries[$0] }
    }

    /// Where the entry with `id` is in ``entries``, as the matcher numbers entries.
    func position(of id: String) -> Int? {
        storage.positions[id]
    }
}
