import BackTalk

/// Saves the conversation as a transcript, from `/record FILE` on.
///
/// The transcripts issue is being built on another branch. When it lands, return
/// its implementation from `Chat.makeTranscriptRecording()` (Commands/Chat.swift),
/// the one place to wire it in; until then that returns nil and `/record` says
/// recording is not available.
protocol TranscriptRecording: AnyObject {
    /// Starts writing the transcript to `path`; throws an error a person can read.
    func start(path: String) throws
    /// Adds one turn.
    func record(message: String, reply: Reply)
    /// Completes the file when the session ends.
    func finish()
}
