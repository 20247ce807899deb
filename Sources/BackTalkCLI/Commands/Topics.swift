import ArgumentParser
import BackTalk

/// `backtalk topics`: what the knowledge base can answer.
struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the topics BackTalk can answer.")

    @Flag(help: "Print the topics as JSON: ids, titles and example questions.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    struct Topic: Encodable {
        var id: String
        var title: String
        var kind: String
        var examples: [String]
    }

    func run() throws {
        let knowledgeBase = try engineOptions.knowledgeBase()
        let output = Output()
        if json {
            try output.json(knowledgeBase.entries.map { Topic(id: $0.id, title: $0.title, kind: $0.kind.rawValue, examples: $0.examples) })
            return
        }
        for line in TopicList.lines(knowledgeBase) { try output.line(line) }
    }
}
