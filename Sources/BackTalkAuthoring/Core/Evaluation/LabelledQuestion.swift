/// One question of a labelled set: the acceptable labels, and where it is.
struct LabelledQuestion: Sendable {
    /// The file it is in, when it is not the file evaluated.
    var file: String?
    var line: Int
    var labels: [String]
    var question: String

    init(file: String? = nil, line: Int, labels: [String], question: String) {
        self.file = file
        self.line = line
        self.labels = labels
        self.question = question
    }
}
