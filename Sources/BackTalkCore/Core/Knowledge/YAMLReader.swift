import Yams

/// Reads typed values out of a YAML file, turning every problem into a
/// ``Diagnostic`` with the file and line, so that an author sees all of them at once.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Parses `text`, or records why it is not YAML or uses anchors and aliases,
    /// which are refused before the YAML library can expand them (see ``YAMLAliasCheck``).
    mutating func root(of text: String) -> Node? {
        if let found = YAMLAliasCheck.first(in: text) {
            let what = found.indicator == "*" ? "an alias (*name)" : "an anchor (&name)"
            report(
                line: found.line,
                "\(what): anchors and aliases are not allowed in the knowledge base; write the value out in full (a * or & that starts plain text goes in quotes)"
            )
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(line: 1, "the file is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            let (line, problem) = Self.describe(error)
            report(line: line, "malformed YAML: \(problem)")
        } catch {
            report(line: 1, "malformed YAML: \(error)")
        }
        return nil
    }

    /// Records a problem at `line`.
    mutating func report(line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }

    /// Records a problem at `node`'s line.
    mutating func report(_ node: Node?, _ message: String) {
        report(line: node?.mark?.line, message)
    }

    /// The mapping at `node`, or a diagnostic saying what was expected.
    mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) should be a mapping of `key: value` lines")
            return nil
        }
        return mapping
    }

    /// The value for `key` in `mapping`, or a diagnostic if it is required and missing.
    mutating func value(_ key: String, in mapping: Node.Mapping, at node: Node, required: Bool) -> Node? {
        if let value = mapping[key] { return value }
        if required { report(node, "missing field `\(key)`") }
        return nil
    }

    /// A non-empty string, or a diagnostic naming `what`.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "`\(what)` should be text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty {
            report(node, "`\(what)` is empty")
            return nil
        }
        return text
    }

    /// A list of non-empty strings.
    ///
    /// A single string is accepted as a list of one.
    mutating func strings(_ node: Node, _ what: String) -> [String]? {
        switch node {
        case .scalar(let scalar) where scalar.tag.rawValue == Tag.Name.null.rawValue || scalar.string.isEmpty:
            return []
        case .scalar:
            return string(node, what).map { [$0] }
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                if let text = string(item, "\(what) item") { result.append(text) }
            }
            return result
        default:
            report(node, "`\(what)` should be a list")
            return nil
        }
    }

    /// The line of each item of a list read by ``strings(_:_:)``, for pointing at one of them.
    static func itemLines(_ node: Node?) -> [Int] {
        switch node {
        case .sequence(let sequence)?: return sequence.map { $0.mark?.line ?? 0 }
        case .scalar(let scalar)?: return scalar.string.isEmpty ? [] : [node?.mark?.line ?? 0]
        default: return []
        }
    }

    /// Keys of `mapping` that are not in `known`, reported as likely typos.
    mutating func rejectUnknownKeys(in mapping: Node.Mapping, known: Set<String>) {
        for key in mapping.keys {
            guard let name = key.string else { continue }
            if !known.contains(name) {
                report(key, "unknown field `\(name)` (expected one of: \(known.sorted().joined(separator: ", ")))")
            }
        }
    }

    private static func describe(_ error: YamlError) -> (line: Int, problem: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text): \(problem)" } ?? problem
            return (mark.line, detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (1, problem)
        default:
            return (1, "\(error)")
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and newlines.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
