import Foundation

/// Wall time of `backtalk ask QUESTION`, from launch until it has exited and all
/// of its output has been read, `runs` times.
///
/// Returns the times in nanoseconds, or a sentence saying why the CLI could not be run.
func timeCLI(binary: String, question: String, runs: Int) -> Result<[UInt64], CLIFailure> {
    var samples: [UInt64] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["ask", question]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice

        let start = nowNanoseconds()
        do {
            try process.run()
        } catch {
            return .failure(CLIFailure(message: "could not launch \(binary): \(error)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = nowNanoseconds() - start

        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failure(CLIFailure(message: "\(binary) ask exited with status \(process.terminationStatus)"))
        }
        guard !data.isEmpty else {
            return .failure(CLIFailure(message: "\(binary) ask printed nothing"))
        }
        samples.append(elapsed)
    }
    return .success(samples)
}

struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `../.build/release/backtalk` relative to the Benchmarks folder, found from this file's path.
func defaultCLIPath(sourceFile: String = #filePath) -> String {
    URL(fileURLWithPath: sourceFile)
        .deletingLastPathComponent()  // BackTalkBench
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent(".build/release/backtalk")
        .standardizedFileURL.path
}
