/// Why a transcript could not be read, located by file and line.
public struct TranscriptParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given to the parser.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, the form editors and CI logs understand.
    public var description: String {
        "\(file):\(line): \(message)"
    }
}
