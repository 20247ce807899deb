import BackTalk
import Foundation

/// The topics as `backtalk topics` and `/topics` list them: id, then title, in columns.
enum TopicList {
    static func lines(_ knowledgeBase: KnowledgeBase) -> [String] {
        let topics = knowledgeBase.entries.filter { $0.kind == .topic }
        let width = topics.map(\.id.count).max() ?? 0
        return topics.map { $0.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.title }
    }
}
