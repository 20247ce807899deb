import Foundation

// Usage: IntentsEmbedder INTENTS_DIR OUTPUT.swift RELATIVE_PATH...
//
// Writes a Swift file that holds each file's text as a raw string literal.
// The text is embedded verbatim; the library parses and validates it, so that
// bundled and on-disk knowledge bases go through the same checks.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: IntentsEmbedder INTENTS_DIR OUTPUT.swift PATH...\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

/// A raw string literal whose delimiter (and escape) cannot occur in `text`:
/// the delimiter has one more `#` than any run of `#` after a quote or backslash.
func rawLiteral(_ text: String) -> String {
    var longestRun = 0
    var run = -1
    for character in text {
        if character == "\"" || character == "\\" {
            run = 0
        } else if character == "#", run >= 0 {
            run += 1
            longestRun = max(longestRun, run)
        } else {
            run = -1
        }
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = """
    // Generated from Intents/ by the EmbedIntents build plugin. Do not edit.

    extension KnowledgeFile {
        /// The knowledge base that ships with the engine.
        static let bundled: [KnowledgeFile] = [

    """
for relativePath in arguments.dropFirst(3) {
    let url = directory.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(Data("error: cannot read \(url.path)\n".utf8))
        exit(1)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(url.path):1: error: not valid UTF-8\n".utf8))
        exit(1)
    }
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    source += "        KnowledgeFile(path: \"Intents/\(relativePath)\", text: \(rawLiteral(normalized))),\n"
}
source += "    ]\n}\n"

// Only touch the output when it changes, so that unchanged data does not
// recompile the library.
let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    do {
        try source.write(to: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
