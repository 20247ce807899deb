import Foundation

/// Wall time of `backtalk ask QUESTION` and of `backtalk --help`, each from launch
/// until it has exited and all of its output has been read, `runs` times each, in turn.
///
/// Returns the times in nanoseconds, or a sentence saying why the CLI could not be run.
func timeCLI(binary: String, question: String, runs: Int) -> Result<(ask: [UInt64], help: [UInt64]), CLIFailure> {
    var asks: [UInt64] = []
    var helps: [UInt64] = []
    for _ in 0..<runs {
        switch (timeLaunch(binary, ["ask", question]), timeLaunch(binary, ["--help"])) {
        case (.success(let ask), .success(let help)):
            asks.append(ask)
            helps.append(help)
        case (.failure(let failure), _), (_, .failure(let failure)):
            return .failure(failure)
        }
    }
    return .success((asks, helps))
}

/// One launch of `binary` with `arguments`, timed.
private func timeLaunch(_ binary: String, _ arguments: [String]) -> Result<UInt64, CLIFailure> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
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
        return .failure(CLIFailure(message: "\(binary) \(arguments[0]) exited with status \(process.terminationStatus)"))
    }
    guard !data.isEmpty else {
        return .failure(CLIFailure(message: "\(binary) \(arguments[0]) printed nothing"))
    }
    return .success(elapsed)
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
