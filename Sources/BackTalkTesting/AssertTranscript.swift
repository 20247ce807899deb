import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

/// Replays the transcript at `path` with `engine` and records a test issue, with the
/// unified diff of the first turn that differs, if a reply no longer matches.
///
/// In record mode (``withTranscriptRecording(_:operation:)`` or `BACKTALK_RECORD=failed`),
/// a transcript that no longer replays is written anew from the engine's replies,
/// atomically, and the issue says so; comments and `~contains`/`~re` lines that still
/// match are kept. Returns whether the transcript replayed as written.
@discardableResult
public func assertTranscript(
    atPath path: String, engine: Engine, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let url = URL(fileURLWithPath: path)
    let text: String
    let transcript: Transcript
    do {
        text = try String(contentsOf: url, encoding: .utf8)
        transcript = try Transcript(parsing: text, file: path)
    } catch {
        Issue.record("\(path): \(error)", sourceLocation: sourceLocation)
        return false
    }
    let result = engine.replay(transcript)
    let mode = TranscriptRecordMode.current
    let rewrite = mode == .all || (mode == .failed && !result.passed)
    if rewrite, result.updated.text != text {
        do {
            try Data(result.updated.text.utf8).write(to: url, options: .atomic)
        } catch {
            Issue.record("\(path): could not write the transcript anew: \(error)", sourceLocation: sourceLocation)
            return false
        }
    }
    guard let divergence = result.divergence else { return true }
    let recorded = rewrite ? " (written anew from the engine's replies: check the change and commit it)" : ""
    Issue.record("\(path): turn \(divergence.turn) differs\(recorded):\n\(divergence.diff)", sourceLocation: sourceLocation)
    return false
}
