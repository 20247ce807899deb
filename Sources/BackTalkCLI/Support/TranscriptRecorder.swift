import BackTalk
import Foundation

/// Saves a conversation as a transcript while it happens: after every turn the
/// whole file is rewritten atomically, so a Ctrl-C, a kill or a crash leaves
/// the transcript as it was after the last complete turn.
///
/// Used by `backtalk record FILE` and by the REPL's `/record FILE`:
///
/// ```swift
/// var recorder = try TranscriptRecorder(path: "Transcripts/new.txt", force: false)
/// let reply = engine.reply(to: message, in: &conversation)
/// try recorder.record(message: message, reply: reply)
/// ```
///
/// The file holds what someone said about their health, so it is created
/// readable by its owner only (mode 0600).
struct TranscriptRecorder {
    /// Where the transcript is saved.
    let path: String
    /// Everything recorded so far.
    private(set) var transcript = Transcript()
    private let file: AtomicFile

    /// Prepares to record to `path`, refusing an existing file unless `force`.
    ///
    /// Nothing is written until the first turn, but the folder is checked now,
    /// so that a wrong path fails before the conversation starts.
    init(path: String, force: Bool) throws(TranscriptRecorderError) {
        self.path = path
        self.file = AtomicFile(path: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue || path.hasSuffix("/") {
            throw TranscriptRecorderError("\(path) is a folder; give a file name such as \(path.hasSuffix("/") ? path : path + "/")new.txt")
        }
        // lstat as well: a dangling symbolic link is still something we would overwrite.
        var status = stat()
        if (exists || lstat(path, &status) == 0) && !force {
            throw TranscriptRecorderError("\(path) already exists; use --force to overwrite it")
        }
        do throws(AtomicFileError) {
            try file.checkWritable()
        } catch {
            throw TranscriptRecorderError("cannot record to \(path): \(error.message)")
        }
    }

    /// Adds one turn and saves the whole transcript.
    ///
    /// - Throws: ``TranscriptRecorderError`` if the file cannot be written; the
    ///   file then still holds every turn before this one.
    mutating func record(message: String, reply: Reply) throws(TranscriptRecorderError) {
        transcript.record(message: message, reply: reply)
        do throws(AtomicFileError) {
            try file.write(transcript.text)
        } catch {
            throw TranscriptRecorderError("cannot save \(path): \(error.message)")
        }
    }
}

/// Why a transcript cannot be recorded, in one line.
struct TranscriptRecorderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
