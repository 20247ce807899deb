import BackTalkCore
import Foundation

// Usage: IntentsEmbedder INTENTS_DIR OUTPUT.swift RELATIVE_PATH...
//
// Writes a Swift file that holds each file's text as a raw string literal, and
// the matcher's weights learnt from them. The text is embedded verbatim; the
// library parses and validates it, so that bundled and on-disk knowledge bases
// go through the same checks. Learning the weights here, once, spares every
// program that starts the engine from learning them again.

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

var files: [KnowledgeFile] = []
var source = """
    // Generated from Intents/ by the EmbedIntents build plugin. Do not edit.

    import BackTalkCore
    import Foundation

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
    files.append(KnowledgeFile(path: "Intents/\(relativePath)", text: normalized))
    source += "        KnowledgeFile(path: \"Intents/\(relativePath)\", text: \(rawLiteral(normalized))),\n"
}
source += "    ]\n}\n"

// A knowledge base with problems still builds: the library reports them when it
// loads the files, and learns nothing here.
let model = (try? KnowledgeBase(files: files))?.learnedModel.serialized ?? []
source += """

    /// The matcher's weights, learnt from the files above when the library was built.
    enum BundledModel {
        static let bytes: [UInt8] = Array(Data(base64Encoded: \"\(Data(model).base64EncodedString())\") ?? Data())
    }

    """

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
