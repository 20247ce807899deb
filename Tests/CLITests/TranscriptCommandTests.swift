import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

@Suite("backtalk record and replay", .serialized)
struct TranscriptCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder, removed when `body` ends.
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func mode(of file: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(text.hasSuffix("\n") ? 1 : 0)
    }

    // MARK: record

    @Test func recordSavesTheConversationAsATranscriptOnlyItsOwnerCanRead() throws {
        try withFolder { folder in
            let file = folder.appending(path: "new.txt")
            let result = try CLIRunner.run(["record", file.path], input: "hi\nwhat causes back spasms\n")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("You could also ask:"))
            #expect(try contents(of: folder) == ["new.txt"], "no temporary file is left behind")
            #expect(try mode(of: file) == 0o600)
            let transcript = try Transcript(parsing: String(contentsOf: file, encoding: .utf8), file: file.path)
            #expect(transcript.turns.map(\.message) == ["hi", "what causes back spasms"])
            #expect(transcript.turns[1].checks.first == .intent("causes"))
            #expect(try CLIRunner.run(["replay", file.path]).status == 0)
        }
    }

    @Test func recordRefusesToOverwriteAFileWithoutForce() throws {
        try withFolder { folder in
            let file = folder.appending(path: "old.txt")
            try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
            let refused = try CLIRunner.run(["record", file.path], input: "hi\n")
            #expect(refused.status != 0)
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.contains("\(file.path) already exists; use --force to overwrite it"))
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")

            let forced = try CLIRunner.run(["record", "--force", file.path], input: "hi\n")
            #expect(forced.status == 0)
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("> hi\n"))
            #expect(try mode(of: file) == 0o600)
        }
    }

    @Test func recordRefusesAFolderOrAMissingFolderBeforeTheConversation() throws {
        try withFolder { folder in
            for target in [folder.path, folder.appending(path: "missing/new.txt").path, ""] {
                let result = try CLIRunner.run(["record", "--force", target], input: "hi\n")
                #expect(result.status != 0)
                #expect(result.stdout.isEmpty, "nothing is said before the file is known to be writable")
                #expect(!result.stderr.isEmpty)
            }
            #expect(try contents(of: folder).isEmpty)
        }
    }

    @Test func aSaveThatFailsLeavesTheTurnsSavedBefore() throws {
        try withFolder { folder in
            let file = folder.appending(path: "talk.txt")
            let first = folder.appending(path: "first.txt")
            #expect(try CLIRunner.run(["record", first.path], input: "hi\n").status == 0)
            // A file-size limit (ulimit -f, in blocks of 512 bytes) that the first turn fits
            // within and the second does not: its write fails part of the way through.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", #"ulimit -f 1; trap '' XFSZ; exec "$0" record "$1""#, CLIRunner.executable.path, file.path]
            let input = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data("hi\nwhat causes back spasms\n".utf8))
            try input.fileHandleForWriting.close()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0)
            #expect(message.contains("cannot save \(file.path): File too large"))
            #expect(
                try String(contentsOf: file, encoding: .utf8) == String(contentsOf: first, encoding: .utf8),
                "the unfinished turn is cut off again at once")
        }
    }

    @Test func aTurnCutOffByACrashIsLeftOutOfTheReplay() throws {
        try withFolder { folder in
            let file = folder.appending(path: "torn.txt")
            #expect(try CLIRunner.run(["record", file.path], input: "hi\nthanks\n").status == 0)
            let complete = try String(contentsOf: file, encoding: .utf8)
            // What a crash between a turn's two writes leaves: its text, with NUL where its newline goes.
            let torn = complete + "\u{0}> what causes back spasms\nMost back spasms come from everyday"
            try torn.write(to: file, atomically: true, encoding: .utf8)
            let lineCount = complete.split(separator: "\n", omittingEmptySubsequences: false).count
            let result = try CLIRunner.run(["replay", file.path])
            #expect(result.status == 0)
            #expect(
                lines(result.stdout) == [
                    "\(file.path):\(lineCount): a turn cut off when its recording was interrupted is left out",
                    "PASS \(file.path)", "1 passed, 0 failed",
                ])
        }
    }

    @Test func aKilledRecordingLeavesACompleteTranscript() throws {
        try withFolder { folder in
            let file = folder.appending(path: "killed.txt")
            let session = try LiveProcess(["record", file.path])
            // Many turns, each two flushed writes, so that the kill is likely to land between them.
            session.send(String(repeating: "what causes back spasms\n", count: 400))
            try waitUntil { FileManager.default.fileExists(atPath: file.path) }
            Thread.sleep(forTimeInterval: 0.05)
            session.kill()
            let transcript = try Transcript(parsing: String(contentsOf: file, encoding: .utf8), file: file.path)
            #expect(!transcript.turns.isEmpty)
            #expect(try Engine().replay(transcript).passed)
            // A kill mid-write may leave only the hidden temporary file, which the next write removes.
            #expect(try contents(of: folder).allSatisfy { $0 == "killed.txt" || $0 == ".killed.txt.partial" })
        }
    }

    // MARK: replay

    /// Copies of two real transcripts, the second broken at its second turn.
    func brokenCopies(in folder: URL) throws -> (passing: URL, failing: URL, original: String) {
        let passing = folder.appending(path: "a-smalltalk.txt")
        let failing = folder.appending(path: "b-typos.txt")
        try FileManager.default.copyItem(at: Self.repository.appending(path: "Transcripts/smalltalk.txt"), to: passing)
        let original = try String(contentsOf: Self.repository.appending(path: "Transcripts/typos.txt"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "A back spasm usually feels like", with: "BROKEN: A back spasm usually feels like")
        #expect(broken != original, "typos.txt's second turn should be the symptoms answer")
        try broken.write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: failing.path)
        return (passing, failing, original)
    }

    @Test func replayPrintsPassOrFailPerFileTheDiffAndASummary() throws {
        try withFolder { folder in
            let (passing, failing, _) = try brokenCopies(in: folder)
            let result = try CLIRunner.run(["replay", folder.path])
            #expect(result.status == 1)
            let output = lines(result.stdout)
            #expect(output.first == "PASS \(passing.path)")
            try #require(output.count >= 6, "the diff of the failing turn")
            #expect(output[1] == "FAIL \(failing.path)")
            #expect(Array(output[2...4]) == ["turn 2:", "--- expected", "+++ actual"])
            #expect(output[5].hasPrefix("@@ -") && output[5].hasSuffix(" @@"))
            #expect(output.contains { $0.hasPrefix("-BROKEN: A back spasm usually feels like") })
            #expect(output.contains { $0.hasPrefix("+A back spasm usually feels like") })
            #expect(output.last == "1 passed, 1 failed")
        }
    }

    @Test func replayUpdateRewritesOnlyTheFailingFilesAndNamesThem() throws {
        try withFolder { folder in
            let (passing, failing, original) = try brokenCopies(in: folder)
            let passingBefore = try String(contentsOf: passing, encoding: .utf8)
            let result = try CLIRunner.run(["replay", "--update", folder.path])
            #expect(result.status == 0, "every failure was rewritten")
            #expect(result.stdout.contains("updated \(failing.path)\n"))
            #expect(!result.stdout.contains("updated \(passing.path)"))
            #expect(try String(contentsOf: failing, encoding: .utf8) == original, "comments and layout are kept")
            #expect(try String(contentsOf: passing, encoding: .utf8) == passingBefore)
            #expect(try mode(of: failing) == 0o644, "an updated file keeps its permissions")
            #expect(try contents(of: folder) == ["a-smalltalk.txt", "b-typos.txt"])
            #expect(lines(try CLIRunner.run(["replay", folder.path]).stdout).last == "2 passed, 0 failed")
        }
    }

    @Test func replayReportsAMalformedFileByLine() throws {
        try withFolder { folder in
            let file = folder.appending(path: "bad.txt")
            try "> hi\nHello\n~ colour: blue\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLIRunner.run(["replay", file.path])
            #expect(result.status == 1)
            #expect(
                lines(result.stdout) == [
                    "FAIL \(file.path)",
                    "\(file.path):3: unknown check `colour`; known checks are intent, triage, expects-answer, pending, suggestion",
                    "0 passed, 1 failed",
                ])
        }
    }

    @Test func replayFailsOnAMissingOrEmptyFolderInsteadOfPassing() throws {
        try withFolder { folder in
            for target in [folder.path, folder.appending(path: "missing").path] {
                let result = try CLIRunner.run(["replay", target])
                #expect(result.status != 0)
                #expect(result.stdout.isEmpty)
                #expect(!result.stderr.isEmpty)
            }
        }
    }

    @Test func replayWithNoPathReplaysTranscriptsAndEveryOnePasses() throws {
        let result = try LiveProcess.run(["replay"], in: Self.repository)
        let count = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appending(path: "Transcripts").path)
            .filter { $0.hasSuffix(".txt") }.count
        #expect(result.status == 0)
        #expect(lines(result.stdout).last == "\(count) passed, 0 failed")
        #expect(lines(result.stdout).allSatisfy { $0.hasPrefix("PASS Transcripts/") || $0.hasSuffix(" failed") })
    }

    @Test func replayCoverageListsWhatNoTranscriptReaches() throws {
        let all = try LiveProcess.run(["replay", "--coverage"], in: Self.repository)
        #expect(all.status == 0)
        #expect(all.stdout == "Every entry, question and outcome is reached.\n")

        let one = try CLIRunner.run(["replay", "--coverage", Self.repository.appending(path: "Transcripts/topic-causes.txt").path])
        #expect(one.status == 1)
        #expect(lines(one.stdout).contains("entry heat_cold"))
        #expect(!lines(one.stdout).contains("entry causes"))
    }
}

/// Polls `condition` for up to ten seconds.
func waitUntil(_ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(10)
    while !condition() {
        guard Date() < deadline else { throw CancellationError() }
        Thread.sleep(forTimeInterval: 0.01)
    }
}

/// A `backtalk` process fed input a piece at a time, for tests that act between turns.
final class LiveProcess {
    private let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let collectedOutput: ErrorCollector, collectedErrors: ErrorCollector

    init(_ arguments: [String], in directory: URL? = nil) throws {
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        collectedOutput = ErrorCollector(handle: output.fileHandleForReading)
        collectedErrors = ErrorCollector(handle: errors.fileHandleForReading)
    }

    /// Runs to the end with no input, in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> CLIRunner.Result {
        try LiveProcess(arguments, in: directory).finish()
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Closes the input and waits for the process to exit.
    func finish() -> CLIRunner.Result {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = collectedOutput.wait()
        return CLIRunner.Result(status: process.terminationStatus, stdout: out, stderr: collectedErrors.wait(), stdoutBytes: Data(out.utf8))
    }

    /// Ends the process with SIGKILL, which it cannot catch or delay.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
