/// The flow as a graph, for the checks that keep every conversation safe.
struct TriageGraph {
    let flow: TriageFlow

    /// What a question leads to, in yes / no / not-sure order.
    func targets(of id: String) -> [TriageFlow.Target] {
        guard let question = flow.questions[id] else { return [] }
        return [question.yes, question.no, question.notSure]
    }

    /// A loop of questions, if there is one.
    func cycle() -> [String]? {
        var state: [String: Bool] = [:] // false: on the current path; true: done.
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            if let done = state[id] {
                if done { return nil }
                let start = path.firstIndex(of: id) ?? 0
                return Array(path[start...]) + [id]
            }
            state[id] = false
            path.append(id)
            for case .question(let next) in targets(of: id) {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[id] = true
            return nil
        }
        for id in flow.questionOrder {
            if let cycle = visit(id) { return cycle }
        }
        return nil
    }

    /// Questions reachable from `start`, and the outcomes they lead to.
    func reachable(from start: String) -> (questions: Set<String>, outcomes: Set<String>) {
        var questions = Set<String>(), outcomes = Set<String>()
        var stack = [start]
        while let id = stack.popLast() {
            guard questions.insert(id).inserted else { continue }
            for target in targets(of: id) {
                switch target {
                case .question(let next): stack.append(next)
                case .outcome(let outcome): outcomes.insert(outcome)
                }
            }
        }
        return (questions, outcomes)
    }

    /// The lowest level any path from `target` can end at. The flow has no
    /// cycles (it is checked when loaded), so this terminates.
    func lowestLevel(from target: TriageFlow.Target, memo: inout [String: TriageLevel]) -> TriageLevel {
        switch target {
        case .outcome(let id):
            return flow.outcomes[id]?.level ?? .selfCare
        case .question(let id):
            if let known = memo[id] { return known }
            let lowest = targets(of: id).map { lowestLevel(from: $0, memo: &memo) }.min() ?? .selfCare
            memo[id] = lowest
            return lowest
        }
    }
}
