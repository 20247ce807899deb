import BackTalkCore
import Foundation

// Usage: IntentsEmbedder INTENTS_DIR OUTPUT.swift RELATIVE_PATH...
//
// Writes a Swift file that holds each file's text as a raw string literal (for
// lint and for tools that copy the knowledge base), and the knowledge base
// compiled: loaded, analysed and indexed, with the matcher's weights learnt,
// as one string literal that the library reads in place. Doing this once, here,
// spares every program that starts the engine from parsing YAML, indexing the
// examples and learning the weights again.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: IntentsEmbedder INTENTS_DIR OUTPUT.swift PATH...\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(1)
}

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

/// A one-line string literal whose UTF-8 is exactly `bytes`, which must be valid UTF-8:
/// printable ASCII as it is, everything else as `\u{…}`.
func exactLiteral(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    guard Array(text.utf8) == bytes else { fail("error: the compiled knowledge base is not valid UTF-8") }
    var literal = "\""
    literal.reserveCapacity(bytes.count * 2)
    for scalar in text.unicodeScalars {
        if (0x20...0x7E).contains(scalar.value), scalar != "\"", scalar != "\\" {
            literal.unicodeScalars.append(scalar)
        } else {
            literal += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return literal + "\""
}

var files: [KnowledgeFile] = []
var source = """
    // Generated from Intents/ by the EmbedIntents build plugin. Do not edit.

    import BackTalkCore

    extension KnowledgeFile {
        /// The knowledge base that ships with the engine.
        static let bundled: [KnowledgeFile] = [

    """
for relativePath in arguments.dropFirst(3) {
    let url = directory.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else { fail("error: cannot read \(url.path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(url.path):1: error: not valid UTF-8") }
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    files.append(KnowledgeFile(path: "Intents/\(relativePath)", text: normalized))
    source += "        KnowledgeFile(path: \"Intents/\(relativePath)\", text: \(rawLiteral(normalized))),\n"
}
source += "    ]\n}\n"

// A knowledge base with problems still builds: nothing is compiled, and the
// library reports the problems when it loads the files.
var compiled: [UInt8] = []
var interfaceTexts: [UInt8] = []
if let knowledgeBase = try? KnowledgeBase(files: files) {
    compiled = knowledgeBase.compiledForm
    interfaceTexts = knowledgeBase.compiledInterfaceTexts
    // What the library will read must be what was loaded, every field of it: a
    // property the compiled form leaves out (or reads back wrong) stops the build here.
    do {
        let readBack = try KnowledgeBase(compiledForm: compiled)
        if let difference = StructuralDump.firstDifference(knowledgeBase, readBack) {
            fail(
                """
                error: the compiled knowledge base differs from the one loaded from Intents/:
                \(difference)
                Add the property to its compiled form (Sources/BackTalkCore/Core/Compiled/).
                """)
        }
    } catch {
        fail("error: the compiled knowledge base does not read back: \(error)")
    }
}
source += """

    /// The knowledge base above, compiled when the library was built (empty if it has problems).
    enum BundledCompiledForm {
        static let bytes: StaticString = \(exactLiteral(compiled))
    }

    /// Its interface texts alone, compiled, for what needs only them (a tool's `--help`).
    enum BundledInterfaceTexts {
        static let bytes: StaticString = \(exactLiteral(interfaceTexts))
    }

    """

// Only touch the output when it changes, so that unchanged data does not
// recompile the library.
let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    do {
        try source.write(to: output, atomically: true, encoding: .utf8)
    } catch {
        fail("error: cannot write \(output.path): \(error)")
    }
}
