/// The text of one knowledge-base file, with the path used in diagnostics.
///
/// The engine never reads files itself: callers hand it file contents, so that
/// the same checks run on the bundled knowledge base and on one from disk.
public struct KnowledgeFile: Sendable, Hashable {
    /// The path shown in diagnostics, relative to the knowledge-base folder's
    /// parent (for example `Intents/entries/causes.yaml`).
    public var path: String
    /// The file's contents.
    public var text: String

    /// Creates a file from its path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
