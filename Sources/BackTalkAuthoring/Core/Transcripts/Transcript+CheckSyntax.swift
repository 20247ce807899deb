extension Transcript.Check {
    /// Every key a check line may use, in the order they are documented.
    static let keys = ["intent", "triage", "expects-answer", "pending", "suggestion"]

    /// The key written after `~ `.
    var key: String {
        switch self {
        case .intent: "intent"
        case .triage: "triage"
        case .expectsAnswer: "expects-answer"
        case .pendingQuestion: "pending"
        case .suggestions: "suggestion"
        }
    }

    /// The values written after `key: `, one line each (suggestions take a line apiece).
    var values: [String] {
        switch self {
        case .intent(let intent): [intent]
        case .triage(let level): [level?.rawValue ?? "none"]
        case .expectsAnswer(let expects): [expects ? "yes" : "no"]
        case .pendingQuestion(let id): [id ?? "none"]
        case .suggestions(let titles): titles.isEmpty ? ["none"] : titles
        }
    }

    /// Reads the check `key` from its values, or says what is wrong with them.
    static func parse(key: String, values: [String]) -> Result<Transcript.Check, CheckSyntaxError> {
        if key != "suggestion" && values.count > 1 {
            return .failure(CheckSyntaxError("`\(key)` is checked twice"))
        }
        let value = values[0]
        switch key {
        case "intent":
            return value.isEmpty ? .failure(CheckSyntaxError("`intent` needs a value")) : .success(.intent(value))
        case "triage":
            if value == "none" { return .success(.triage(nil)) }
            guard let level = TriageLevel(rawValue: value) else {
                let levels = (TriageLevel.allCases.map(\.rawValue) + ["none"]).joined(separator: ", ")
                return .failure(CheckSyntaxError("unknown triage level `\(value)`; expected one of \(levels)"))
            }
            return .success(.triage(level))
        case "expects-answer":
            switch value {
            case "yes": return .success(.expectsAnswer(true))
            case "no": return .success(.expectsAnswer(false))
            default: return .failure(CheckSyntaxError("`expects-answer` is `yes` or `no`, not `\(value)`"))
            }
        case "pending":
            return value.isEmpty
                ? .failure(CheckSyntaxError("`pending` needs a question id or `none`"))
                : .success(.pendingQuestion(value == "none" ? nil : value))
        case "suggestion":
            if values == ["none"] { return .success(.suggestions([])) }
            if values.contains("none") || values.contains("") {
                return .failure(CheckSyntaxError("`suggestion: none` must be the only suggestion line, and titles cannot be empty"))
            }
            return .success(.suggestions(values))
        default:
            return .failure(CheckSyntaxError("unknown check `\(key)`; known checks are \(keys.joined(separator: ", "))"))
        }
    }

    /// The same kind of check, with the value `reply` has.
    func measured(on reply: Reply) -> Transcript.Check {
        switch self {
        case .intent: .intent(reply.intent.rawValue)
        case .triage: .triage(reply.triage)
        case .expectsAnswer: .expectsAnswer(reply.expectsAnswer)
        case .pendingQuestion: .pendingQuestion(reply.pendingQuestion)
        case .suggestions: .suggestions(reply.suggestions)
        }
    }
}

/// What is wrong with a check line, before the parser adds the file and line.
struct CheckSyntaxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
