import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

/// One transcript in the repository's `Transcripts/` folder, named by its file
/// so that a failing test case names the transcript.
struct TranscriptFile: Sendable, CustomTestStringConvertible {
    let url: URL
    var name: String { url.lastPathComponent }
    var testDescription: String { name }

    func text() throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    func transcript() throws -> Transcript {
        try Transcript(parsing: text(), file: "Transcripts/\(name)")
    }
}

/// The transcripts every `swift test` replays.
enum TranscriptFiles {
    /// `Transcripts/` at the repository root, found from this file so that the
    /// tests do not depend on the working directory.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Transcripts")

    /// Every `*.txt` file in the folder, sorted; empty if the folder is missing
    /// (which ``TranscriptFileTests/theFolderHoldsTranscripts()`` reports).
    static let all: [TranscriptFile] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
            .map { TranscriptFile(url: folder.appending(path: $0)) }
    }()
}
