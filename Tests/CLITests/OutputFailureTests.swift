import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

/// Standard output that cannot be written: a full disk, a closed descriptor, a reader that went away.
@Suite("A failed write to standard output")
struct OutputFailureTests {
    /// How standard output is broken for the run.
    enum BrokenOutput: String, CaseIterable, CustomTestStringConvertible {
        /// `> /dev/full`: every write fails with ENOSPC.
        case full
        /// `>&-`: there is no standard output at all.
        case closed
        /// A pipe whose reader has gone, with SIGPIPE ignored (as some shells and services run programs): EPIPE.
        case brokenPipe

        var testDescription: String { rawValue }
        var expectedReason: String {
            switch self {
            case .full: "No space left on device"
            case .closed: "Bad file descriptor"
            case .brokenPipe: "Broken pipe"
            }
        }
    }

    /// Runs `backtalk ARGUMENTS` through `sh`, which closes standard output or ignores SIGPIPE first.
    func run(_ arguments: [String], output: BrokenOutput, input: String = "") throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script =
            switch output {
            case .full, .brokenPipe: #"trap '' PIPE; exec "$0" "$@""#
            case .closed: #"exec "$0" "$@" >&-"#
            }
        process.arguments = ["-c", script, CLIRunner.executable.path] + arguments
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        switch output {
        case .full: process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        case .closed: process.standardOutput = FileHandle.nullDevice
        case .brokenPipe:
            let stdout = Pipe()
            try stdout.fileHandleForReading.close()
            process.standardOutput = stdout
        }
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    @Test(
        "Every command says why in one line and fails",
        arguments: [
            ["ask", "hi"], ["ask", "--json", "hi"], ["topics"], ["topics", "--json"], ["chat"], ["chat", "--json"], ["--help"],
        ], BrokenOutput.allCases)
    func everyCommandFailsCleanly(arguments: [String], output: BrokenOutput) throws {
        let result = try run(arguments, output: output, input: "what causes back spasms\n")
        #expect(result.status == 1)
        #expect(result.stderr == "backtalk: cannot write to standard output: \(output.expectedReason)\n")
    }

    @Test func recordSavesTheTurnEvenWhenItCannotBeShown() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "talk.txt")
        let result = try run(["record", file.path], output: .full, input: "what causes back spasms\nthanks\n")
        #expect(result.status == 1)
        #expect(result.stderr == "backtalk: cannot write to standard output: No space left on device\n")
        let transcript = try Transcript(parsing: String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(transcript.turns.map(\.message) == ["what causes back spasms"], "the reply that could not be printed was saved first")
    }
}
