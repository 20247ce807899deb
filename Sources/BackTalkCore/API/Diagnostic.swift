/// A problem found in a knowledge-base file, located by file and line.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given in its ``KnowledgeFile``.
    public var file: String
    /// The 1-based line, or `nil` where the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, the form editors and CI logs understand.
    public var description: String {
        "\(file):\(line ?? 1): \(message)"
    }
}

/// Why a knowledge base could not be loaded: every problem found, not just the first.
public struct KnowledgeBaseError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates an error from its diagnostics.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The diagnostics, one `FILE:LINE: message` a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
