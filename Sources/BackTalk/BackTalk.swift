// The BackTalk library: the engine of BackTalkCore, with the knowledge base of
// the repository's Intents/ folder compiled in by the EmbedIntents build plugin.
@_exported import BackTalkCore

extension KnowledgeBase {
    /// The knowledge base compiled into the engine from the repository's `Intents/` folder.
    public static func bundled() throws(KnowledgeBaseError) -> KnowledgeBase {
        try bundledResult.get()
    }

    private static let bundledResult: Result<KnowledgeBase, KnowledgeBaseError> = {
        do throws(KnowledgeBaseError) {
            // Read in place: the build loaded, indexed and checked it, and learnt the weights.
            if let compiled = try KnowledgeBase(compiledLiteral: BundledCompiledForm.bytes) { return .success(compiled) }
            // Nothing was compiled because the files have problems: loading them reports which.
            return .success(try KnowledgeBase(files: KnowledgeFile.bundled))
        } catch {
            return .failure(error)
        }
    }()

    /// The interface texts of the bundled knowledge base (banner, notices, the emergency
    /// numbers), read without reading the rest of it.
    public static func bundledInterfaceTexts() throws(KnowledgeBaseError) -> InterfaceTexts {
        if let texts = KnowledgeBase.interfaceTexts(compiledLiteral: BundledInterfaceTexts.bytes) { return texts }
        return try bundled().interfaceTexts
    }

    /// The files of the bundled knowledge base, for tools that lint or copy it.
    public static var bundledFiles: [KnowledgeFile] { KnowledgeFile.bundled }
}

extension Engine {
    /// An engine for the knowledge base that ships with it, with an observer of its replies if given.
    public init(observer: Observer? = nil) throws(KnowledgeBaseError) {
        self.init(knowledgeBase: try KnowledgeBase.bundled(), observer: observer)
    }
}
