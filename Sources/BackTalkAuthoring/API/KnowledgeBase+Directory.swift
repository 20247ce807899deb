import Foundation

extension KnowledgeBase {
    /// Loads the knowledge base in `directory` (laid out like the repository's `Intents/`).
    ///
    /// - Throws: `KnowledgeBaseError` for a missing or unreadable folder or file,
    ///   and for every problem in the files.
    public init(directory: URL) throws(KnowledgeBaseError) {
        try self.init(files: try Self.files(in: directory))
    }

    /// The YAML files of the knowledge base in `directory`, read but not checked.
    public static func files(in directory: URL) throws(KnowledgeBaseError) -> [KnowledgeFile] {
        let path = directory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeBaseError(diagnostics: [Diagnostic(file: path, line: nil, message: "no such folder")])
        }
        guard let relativePaths = FileManager.default.subpaths(atPath: path) else {
            throw KnowledgeBaseError(diagnostics: [Diagnostic(file: path, line: nil, message: "cannot read this folder")])
        }
        var files: [KnowledgeFile] = []
        var diagnostics: [Diagnostic] = []
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let knowledgePaths = relativePaths.filter { $0.hasSuffix(".yaml") || $0 == "language/words.txt" }.sorted()
        guard !knowledgePaths.isEmpty else {
            throw KnowledgeBaseError(diagnostics: [
                Diagnostic(
                    file: path, line: nil,
                    message:
                        "no knowledge-base files (*.yaml) in this folder; it should hold vocabulary.yaml, replies.yaml, entries/, language/ and triage/"
                )
            ])
        }
        for relative in knowledgePaths {
            let shown = "\(base)/\(relative)"
            // Foundation shows a name's bytes that are not UTF-8 as U+FFFD, and then cannot open it.
            if relative.contains("\u{FFFD}") && !FileManager.default.fileExists(atPath: shown) {
                diagnostics.append(
                    Diagnostic(
                        file: shown, line: nil,
                        message:
                            "the file name is not valid UTF-8 (shown with \u{FFFD} for its bad bytes); rename it"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: shown) else {
                diagnostics.append(Diagnostic(file: shown, line: nil, message: "cannot read this file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: shown, line: nil, message: "not valid UTF-8 text"))
                continue
            }
            files.append(KnowledgeFile(path: shown, text: text))
        }
        guard diagnostics.isEmpty else { throw KnowledgeBaseError(diagnostics: diagnostics) }
        return files
    }
}
