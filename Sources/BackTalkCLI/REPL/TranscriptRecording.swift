import BackTalk
import BackTalkAuthoring

/// Saves the conversation as a transcript, from `/record FILE` on.
///
/// A protocol so that the chat loop does not depend on files; the chat uses
/// ``TranscriptFileRecording``.
protocol TranscriptRecording: AnyObject {
    /// Starts writing the transcript to `path`; throws an error a person can read.
    func start(path: String) throws
    /// Adds one turn.
    func record(message: String, reply: Reply)
    /// Completes the file when the session ends.
    func finish()
}

/// Records to a transcript file with ``TranscriptRecorder``: each turn is on
/// disk as soon as it is made, so nothing recorded is lost.
final class TranscriptFileRecording: TranscriptRecording {
    private var recorder: TranscriptRecorder?

    func start(path: String) throws {
        let next = try TranscriptRecorder(path: path, force: false)
        recorder?.finish()  // a second /record closes the first file
        recorder = next
    }

    func record(message: String, reply: Reply) {
        do {
            try recorder?.record(message: message, reply: reply)
        } catch {
            printError("could not save the transcript: \(error)")
        }
    }

    func finish() {
        // Every turn is already on disk; there is nothing left to write.
        recorder?.finish()
        recorder = nil
    }
}
