import BackTalk
import BackTalkAuthoring
import Foundation

/// Saves a conversation as a transcript while it happens, one turn at a time, so
/// that a Ctrl-C, a kill or a crash leaves every complete turn saved, and each
/// turn costs the same however long the conversation is.
///
/// Used by `backtalk record FILE` and by the REPL's `/record FILE`:
///
/// ```swift
/// var recorder = try TranscriptRecorder(path: "Transcripts/new.txt", force: false)
/// let reply = engine.reply(to: message, in: &conversation)
/// try recorder.record(message: message, reply: reply)
/// ```
///
/// The first turn creates the file atomically (a temporary file, flushed, then
/// renamed into place). Each later turn is appended in two steps: its text is
/// written with a NUL byte where the blank line that separates it from the last
/// turn goes, and flushed; then that byte becomes the newline, and is flushed
/// too. A turn whose newline is not on disk is unfinished: the parser drops
/// a line that starts with NUL and everything after it, and if a write fails
/// the file is cut back to the turns before it at once.
///
/// The file holds what someone said about their health, so it is created
/// readable by its owner only (mode 0600).
struct TranscriptRecorder {
    /// Where the transcript is saved.
    let path: String
    private let force: Bool
    private let file: AtomicFile
    /// The open file, once the first turn is saved.
    private var descriptor: Int32?
    /// The bytes of complete turns at the start of the file.
    private var savedLength = 0

    /// Prepares to record to `path`, refusing an existing file unless `force`.
    ///
    /// Nothing is written until the first turn, but the folder is checked now,
    /// so that a wrong path fails before the conversation starts.
    init(path: String, force: Bool) throws(TranscriptRecorderError) {
        self.path = path
        self.force = force
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

    /// Saves one more turn.
    ///
    /// - Throws: ``TranscriptRecorderError`` if the file cannot be written; the
    ///   file then still holds every turn before this one.
    mutating func record(message: String, reply: Reply) throws(TranscriptRecorderError) {
        let turn = Transcript(turns: [Transcript.Turn(recording: message, reply: reply)]).text
        guard let descriptor else {
            do throws(AtomicFileError) {
                descriptor = try file.create(turn, replacing: force)
            } catch {
                throw TranscriptRecorderError("cannot save \(path): \(error.message)")
            }
            savedLength = turn.utf8.count
            return
        }
        // "\n" + turn is what the whole-file rendering puts after the last turn.
        let appended = [UInt8(0)] + Array(turn.utf8)
        do throws(TranscriptRecorderError) {
            try write(appended, at: savedLength, to: descriptor)
            try flush(descriptor)
            try write([0x0A], at: savedLength, to: descriptor)
            try flush(descriptor)
        } catch {
            // Cut the unfinished turn off now; if even that fails, its NUL marks it for readers.
            _ = ftruncate(descriptor, off_t(savedLength))
            throw error
        }
        savedLength += appended.count
    }

    /// Closes the file; every turn is on disk already.
    mutating func finish() {
        if let descriptor { close(descriptor) }
        descriptor = nil
    }

    private func write(_ bytes: [UInt8], at offset: Int, to descriptor: Int32) throws(TranscriptRecorderError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + written)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if count == 0 {  // not for a regular file; never loop on it
                errno = EIO
                throw failure()
            }
            written += count
        }
    }

    private func flush(_ descriptor: Int32) throws(TranscriptRecorderError) {
        guard fdatasync(descriptor) == 0 else { throw failure() }
    }

    private func failure() -> TranscriptRecorderError {
        TranscriptRecorderError("cannot save \(path): \(String(cString: strerror(errno)))")
    }
}

/// Why a transcript cannot be recorded, in one line.
struct TranscriptRecorderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
