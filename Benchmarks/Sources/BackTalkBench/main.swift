// backtalk-bench: how fast BackTalk answers, and how much memory it takes.
//
// Prints figures only; it never judges them. See README.md.

import BackTalk
import Foundation

// MARK: Options

struct Options {
    var rounds = 200
    var cliPath: String?
    var cliRuns = 30
    var scaleFactors = [1, 10, 100]
    var scaleRounds = 20
    /// Set in the child process that measures one size of knowledge base.
    var scaleChild: Int?

    static let usage = """
        usage: backtalk-bench [--rounds N] [--cli PATH] [--cli-runs N] [--scale F,F,...] [--scale-rounds N]

          --rounds N        rounds of the mixed workload to time (default 200)
          --cli PATH        the backtalk binary to time (default ../.build/release/backtalk
                            relative to the Benchmarks folder, if it exists)
          --cli-runs N      launches of the binary to time (default 30)
          --scale F,F,...   sizes of synthetic knowledge base, as multiples of Intents/
                            (default 1,10,100; `--scale none` skips them)
          --scale-rounds N  rounds of the workload per size (default 20)
        """

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        func positive(_ name: String) throws(UsageError) -> Int {
            guard let text = rest.popFirst() else { throw UsageError("\(name) needs a number") }
            guard let value = Int(text), value > 0 else { throw UsageError("\(name) needs a positive whole number, not `\(text)`") }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--rounds": rounds = try positive(argument)
            case "--cli-runs": cliRuns = try positive(argument)
            case "--scale-rounds": scaleRounds = try positive(argument)
            case "--scale-child": scaleChild = try positive(argument)
            case "--scale":
                guard let list = rest.popFirst() else { throw UsageError("--scale needs factors such as 1,10,100, or none") }
                let factors = list == "none" ? [] : list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard list == "none" || !factors.isEmpty else { throw UsageError("--scale needs factors such as 1,10,100, not `\(list)`") }
                scaleFactors = factors
            case "--cli":
                guard let path = rest.popFirst() else { throw UsageError("--cli needs the path of the backtalk binary") }
                cliPath = path
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default:
                throw UsageError("unknown argument `\(argument)`")
            }
        }
    }
}

struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

let options: Options
do throws(UsageError) {
    options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("backtalk-bench: \(error.message)\n\(Options.usage)\n".utf8))
    exit(2)
}

/// Sum of the lengths of every reply, printed at the end so that no reply can be optimised away.
nonisolated(unsafe) var replyBytes = 0

if let factor = options.scaleChild { runScaleChild(factor: factor, rounds: options.scaleRounds) }

print("BackTalk benchmark")
#if DEBUG
print("  note: this is a debug build; build with -c release for representative figures")
#endif
figure("processors", "\(ProcessInfo.processInfo.activeProcessorCount)")

// MARK: 1. Engine construction

let memoryBeforeEngine = MemoryStatus.current()
let engine: Engine
let constructionNanoseconds: UInt64
do {
    (engine, constructionNanoseconds) = try timed { try Engine() }
} catch {
    print("backtalk-bench: the built-in knowledge base did not load:\n\(error)")
    exit(1)
}
let memoryAfterEngine = MemoryStatus.current()

section("Engine construction (first `try Engine()`: loads and indexes the built-in knowledge base)")
figure("time", milliseconds(constructionNanoseconds))

// MARK: 2. Time per reply over the mixed workload

// One untimed round first, so that lazily built state and caches are warm.
for message in workload {
    var conversation = Conversation()
    replyBytes &+= engine.reply(to: message, in: &conversation).text.utf8.count
}

let replyCount = options.rounds * workload.count
var samples = [UInt64](repeating: 0, count: replyCount)
let workloadStart = nowNanoseconds()
for round in 0..<options.rounds {
    for (index, message) in workload.enumerated() {
        var conversation = Conversation()
        let start = nowNanoseconds()
        let reply = engine.reply(to: message, in: &conversation)
        let elapsed = nowNanoseconds() - start
        samples[round * workload.count + index] = elapsed
        replyBytes &+= reply.text.utf8.count
    }
}
let workloadNanoseconds = nowNanoseconds() - workloadStart
let memoryAfterWorkload = MemoryStatus.current()

let replies = Distribution(samples)
section(
    "Time per reply (\(workload.count) mixed messages x \(options.rounds) rounds = \(replyCount) replies, each in a fresh conversation; 1 round of warm-up)"
)
figure("p50", microseconds(replies.percentile(50)))
figure("p90", microseconds(replies.percentile(90)))
figure("p99", microseconds(replies.percentile(99)))
figure("max", microseconds(replies.maximum))
figure("mean", microseconds(replies.total / UInt64(replyCount)))
let perMessage = workload.indices.map { index in
    Distribution((0..<options.rounds).map { samples[$0 * workload.count + index] }).percentile(50)
}
if let slowest = perMessage.indices.max(by: { perMessage[$0] < perMessage[$1] }) {
    let text = workload[slowest]
    let shown = text.count > 40 ? text.prefix(37) + "..." : text
    figure("slowest message, p50", "\(microseconds(perMessage[slowest])) (\"\(shown)\")")
}

// MARK: 3. Throughput

section("Throughput (one thread, wall time of the timed rounds)")
figure("replies per second", String(format: "%.0f replies/s", Double(replyCount) / (Double(workloadNanoseconds) / 1e9)))
figure("wall time", milliseconds(workloadNanoseconds))

// MARK: 4. Memory

section("Memory (from /proc/self/status)")
if let before = memoryBeforeEngine, let after = memoryAfterEngine, let workloadDone = memoryAfterWorkload {
    figure("RSS before building the engine", mebibytes(before.residentKiB))
    figure("RSS after building the engine", mebibytes(after.residentKiB))
    figure("engine footprint (RSS difference)", mebibytes(after.residentKiB - before.residentKiB))
    figure("RSS after the workload", mebibytes(workloadDone.residentKiB))
    figure("peak RSS after the workload", mebibytes(workloadDone.peakResidentKiB))
} else {
    print("  unavailable: /proc/self/status cannot be read on this system")
}

// MARK: 5. A 1 MiB message

section("One long message on one line (one reply each, fresh conversation)")
for kib in [256, 512, 1024] {
    let message = longMessage(bytes: kib * 1024)
    var conversation = Conversation()
    let (reply, nanoseconds) = timed { engine.reply(to: message, in: &conversation) }
    replyBytes &+= reply.text.utf8.count
    let label = kib == 1024 ? "1 MiB message" : "\(kib) KiB message"
    let perByte = String(format: "%.1f ns/byte", Double(nanoseconds) / Double(kib * 1024))
    figure(label, "\(milliseconds(nanoseconds)) (\(perByte), answered `\(reply.intent)`)")
}
if let afterLong = MemoryStatus.current() {
    figure("peak RSS after the long messages", mebibytes(afterLong.peakResidentKiB))
}

// MARK: 5b. Hostile input: the shapes that make careless scans quadratic

section("Hostile input (ns per byte at 64 KiB and 1 MiB; linear time keeps the two close)")
var worstPerByte = 0.0
for shape in hostileShapes {
    var perByte: [Double] = []
    for kib in [64, 1024] {
        let message = hostileMessage(head: shape.head, unit: shape.unit, bytes: kib * 1024)
        var conversation = Conversation()
        let (reply, nanoseconds) = timed { engine.reply(to: message, in: &conversation) }
        replyBytes &+= reply.text.utf8.count
        perByte.append(Double(nanoseconds) / Double(kib * 1024))
    }
    worstPerByte = max(worstPerByte, perByte.max() ?? 0)
    figure(shape.name, String(format: "%.0f ns/byte at 64 KiB, %.0f ns/byte at 1 MiB", perByte[0], perByte[1]))
}
figure("worst", String(format: "%.0f ns/byte", worstPerByte))

// MARK: 6. The CLI, from process start to printed answer

let question = "what causes back spasms"
let cliPath = options.cliPath ?? defaultCLIPath()
section("CLI: `backtalk ask \"\(question)\"`, launch to exit with all output read, \(options.cliRuns) runs")
if !FileManager.default.isExecutableFile(atPath: cliPath) {
    print("  skipped: no executable at \(cliPath) (build it with `swift build -c release` at the repository root, or pass --cli PATH)")
} else {
    figure("binary", cliPath)
    // `--help` starts the same binary and prints without building an engine: the
    // runs alternate, so that both see the same machine.
    switch timeCLI(binary: cliPath, question: question, runs: options.cliRuns) {
    case .success(let (asks, helps)):
        let ask = Distribution(asks)
        let help = Distribution(helps)
        figure("ask p50", milliseconds(ask.percentile(50)))
        figure("ask p90", milliseconds(ask.percentile(90)))
        figure("--help p50", milliseconds(help.percentile(50)))
        figure("--help p90", milliseconds(help.percentile(90)))
        figure("ask / --help (p50)", String(format: "%.2f", Double(ask.percentile(50)) / Double(help.percentile(50))))
    case .failure(let failure):
        print("  skipped: \(failure)")
    }
}

if !options.scaleFactors.isEmpty { printScaleTable(factors: options.scaleFactors, rounds: options.scaleRounds) }

print("")
figure("reply bytes produced (checksum)", "\(replyBytes) bytes")
