import Foundation

/// When ``assertTranscript(atPath:engine:sourceLocation:)`` writes a transcript anew
/// from the engine's replies, as swift-snapshot-testing's `withSnapshotTesting(record:)` does.
public enum TranscriptRecordMode: String, Sendable, Hashable, CaseIterable {
    /// Never: a transcript that no longer replays is a failure.
    case never
    /// A transcript that no longer replays is written anew, and the test still fails once, so the change is seen.
    case failed
    /// Every transcript is written anew (those that still replay are left byte for byte as they are).
    case all

    /// The mode in effect: set by ``withTranscriptRecording(_:operation:)``, else by the
    /// `BACKTALK_RECORD` environment variable (`failed` or `all`), else ``never``.
    public static var current: TranscriptRecordMode { TranscriptRecording.mode ?? environment }

    /// The mode the `BACKTALK_RECORD` environment variable asks for.
    static var environment: TranscriptRecordMode {
        ProcessInfo.processInfo.environment["BACKTALK_RECORD"].flatMap(TranscriptRecordMode.init(rawValue:)) ?? .never
    }
}

/// The record mode set for the current task, if any.
enum TranscriptRecording {
    @TaskLocal static var mode: TranscriptRecordMode?
}

/// Runs `operation` with transcripts recorded as `mode` says, for the current task and its children.
public func withTranscriptRecording<Result>(
    _ mode: TranscriptRecordMode, operation: () throws -> Result
) rethrows -> Result {
    try TranscriptRecording.$mode.withValue(mode, operation: operation)
}

/// Runs `operation` with transcripts recorded as `mode` says, for the current task and its children.
public func withTranscriptRecording<Result>(
    _ mode: TranscriptRecordMode, operation: () async throws -> Result
) async rethrows -> Result {
    try await TranscriptRecording.$mode.withValue(mode, operation: operation)
}
