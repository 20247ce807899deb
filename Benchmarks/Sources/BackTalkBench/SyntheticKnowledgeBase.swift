import Foundation

/// A knowledge base `factor` times the size of `Intents/`, written to a temporary
/// folder: every entry is kept, and cloned `factor - 1` times with its id (and
/// the ids it names) suffixed, and about half of its longer words respelt for
/// that clone, consistently in its title, answer, examples and keywords, so that
/// the clones add vocabulary the way new entries would, rather than only more
/// copies of the same words.
struct SyntheticKnowledgeBase {
    let folder: URL
    let entries: Int
    let examples: Int

    static func write(from intents: URL, factor: Int) throws -> SyntheticKnowledgeBase {
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("backtalk-bench-\(factor)x-\(getpid())")
        try? fileManager.removeItem(at: folder)
        var entries = 0
        var examples = 0
        for relative in (fileManager.subpaths(atPath: intents.path) ?? []).sorted()
        where relative.hasSuffix(".yaml") || relative == "language/words.txt" {
            let text = try String(contentsOf: intents.appendingPathComponent(relative), encoding: .utf8)
            let target = folder.appendingPathComponent(relative)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: target, atomically: false, encoding: .utf8)
            guard relative.hasPrefix("entries/") else { continue }
            let id = String(relative.dropFirst("entries/".count).dropLast(".yaml".count))
            let exampleCount = Self.exampleCount(text)
            entries += factor
            examples += exampleCount * factor
            for clone in 1..<factor {
                let suffix = "_c\(clone)"
                try Self.clone(text, suffix: suffix, clone: clone)
                    .write(to: folder.appendingPathComponent("entries/\(id)\(suffix).yaml"), atomically: false, encoding: .utf8)
            }
        }
        return SyntheticKnowledgeBase(folder: folder, entries: entries, examples: examples)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func exampleCount(_ text: String) -> Int {
        var inExamples = false
        var count = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inExamples = line.hasPrefix("examples:") } else if inExamples, line.hasPrefix("  - ") { count += 1 }
        }
        return count
    }

    /// One clone of an entry file: ids suffixed, words respelt.
    private static func clone(_ text: String, suffix: String, clone: Int) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("id: ") || line.hasPrefix("topic: ") {
                lines.append(line + suffix)
            } else if line.hasPrefix("related: [") {
                let ids = line.dropFirst("related: [".count).dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) + suffix }
                lines.append("related: [\(ids.joined(separator: ", "))]")
            } else if line.hasPrefix("kind: ") || line.contains("- for: ") {
                lines.append(String(line))
            } else {
                // A key (`title:`, `  - for:`) stays as it is; only what follows is respelt.
                let key = line.prefix { $0 == " " || $0 == "-" }
                let name = line.dropFirst(key.count).prefix { $0.isLowercase || $0 == "_" }
                let kept = line.dropFirst(key.count + name.count).hasPrefix(":") ? key.count + name.count + 1 : 0
                lines.append(String(line.prefix(kept)) + respell(String(line.dropFirst(kept)), clone: clone))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Words of five letters or more, about half of them (chosen by a hash of the
    /// word and the clone), get a suffix of two letters particular to the clone.
    private static func respell(_ line: String, clone: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let mark = "q" + String(letters[(clone / 26) % 26]) + String(letters[clone % 26])
        var result = ""
        var word = ""
        func flush() {
            if word.count >= 5, word.allSatisfy({ $0.isASCII && $0.isLetter }), stableHash(word.lowercased(), clone) % 2 == 0 {
                result += word + mark
            } else {
                result += word
            }
            word = ""
        }
        for character in line {
            if character.isLetter {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func stableHash(_ word: String, _ clone: Int) -> UInt64 {
        var value: UInt64 = 14_695_981_039_346_656_037 ^ UInt64(clone)
        for byte in word.utf8 { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        return value >> 7
    }
}
