import BackTalk
import BackTalkAuthoring
@_spi(Benchmarks) import BackTalkCore
import Foundation

/// The largest size whose matcher weights are learnt: learning takes time and
/// memory in proportion to entries times distinct words, so larger ones are
/// built without weights (marked `*` in the table).
let largestLearntFactor = 10

/// One row of the scale table: a synthetic knowledge base built, loaded and
/// asked, in a process of its own so that its memory is its own.
struct ScaleRow {
    var factor = 0
    var entries = 0
    var examples = 0
    var buildNanoseconds: UInt64 = 0
    var loadNanoseconds: UInt64?
    var compiledBytes: Int?
    var p50: UInt64 = 0
    var p99: UInt64 = 0
    var residentKiB = 0
    var peakKiB = 0
    var learnt = true

    var line: String {
        [
            factor, entries, examples, Int(buildNanoseconds), Int(loadNanoseconds ?? 0), compiledBytes ?? -1,
            Int(p50), Int(p99), residentKiB, peakKiB, learnt ? 1 : 0,
        ].map(String.init).joined(separator: " ")
    }

    init() {}

    init?(line: String) {
        let fields = line.split(separator: " ").compactMap { Int($0) }
        guard fields.count == 11 else { return nil }
        factor = fields[0]
        entries = fields[1]
        examples = fields[2]
        buildNanoseconds = UInt64(fields[3])
        loadNanoseconds = fields[4] > 0 ? UInt64(fields[4]) : nil
        compiledBytes = fields[5] >= 0 ? fields[5] : nil
        p50 = UInt64(fields[6])
        p99 = UInt64(fields[7])
        residentKiB = fields[8]
        peakKiB = fields[9]
        learnt = fields[10] == 1
    }
}

/// The repository's `Intents/`, found from this file's path.
func intentsFolder(sourceFile: String = #filePath) -> URL {
    URL(fileURLWithPath: sourceFile)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Intents").standardizedFileURL
}

/// Measures one factor in this process and prints its row (`--scale-child`).
func runScaleChild(factor: Int, rounds: Int) -> Never {
    do {
        let synthetic = try SyntheticKnowledgeBase.write(from: intentsFolder(), factor: factor)
        defer { synthetic.remove() }
        var row = ScaleRow()
        row.factor = factor
        row.entries = synthetic.entries
        row.examples = synthetic.examples
        let files = try KnowledgeBase.files(in: synthetic.folder)
        row.learnt = factor <= largestLearntFactor
        let (knowledgeBase, build) = try timed { try KnowledgeBase(files: files, learningWeights: row.learnt) }
        row.buildNanoseconds = build
        let compiled = knowledgeBase.compiledForm
        row.compiledBytes = compiled.count
        let (_, load) = try timed { try KnowledgeBase(compiledForm: compiled) }
        row.loadNanoseconds = load
        let engine = Engine(knowledgeBase: knowledgeBase)
        // A reply per workload message, untimed, then `rounds` timed rounds.
        var samples: [UInt64] = []
        for round in 0...rounds {
            for message in workload {
                var conversation = Conversation()
                let (reply, nanoseconds) = timed { engine.reply(to: message, in: &conversation) }
                replyBytes &+= reply.text.utf8.count
                if round > 0 { samples.append(nanoseconds) }
            }
        }
        let replies = Distribution(samples)
        row.p50 = replies.percentile(50)
        row.p99 = replies.percentile(99)
        let memory = MemoryStatus.current()
        row.residentKiB = memory?.residentKiB ?? 0
        row.peakKiB = memory?.peakResidentKiB ?? 0
        print("scale-row \(row.line)")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("backtalk-bench: scale \(factor)x: \(error)\n".utf8))
        exit(1)
    }
}

/// Runs each factor in a child process and prints the table.
func printScaleTable(factors: [Int], rounds: Int) {
    section("Scale (synthetic knowledge bases: every entry cloned with its longer words respelt; each size in a process of its own)")
    print("  (* built without learning the matcher's weights; see README.md)")
    print("  factor  entries  examples  build from YAML  load compiled  compiled size  reply p50  reply p99  RSS after  peak RSS")
    for factor in factors {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["--scale-child", String(factor), "--rounds", String(rounds)]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            print("  \(factor)x: could not run: \(error)")
            continue
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("scale-row ") }),
            let row = ScaleRow(line: String(line.dropFirst("scale-row ".count)))
        else {
            print("  \(factor)x: failed (status \(process.terminationStatus))")
            continue
        }
        func cell(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
        }
        print(
            "  "
                + [
                    cell("\(row.factor)x", 6), cell("\(row.entries)", 7), cell("\(row.examples)", 8),
                    cell(milliseconds(row.buildNanoseconds) + (row.learnt ? "" : "*"), 15),
                    cell(row.loadNanoseconds.map(milliseconds) ?? "n/a", 13),
                    cell(row.compiledBytes.map { mebibytes($0 / 1024) } ?? "n/a", 13),
                    cell(microseconds(row.p50), 9), cell(microseconds(row.p99), 9),
                    cell(mebibytes(row.residentKiB), 9), cell(mebibytes(row.peakKiB), 9),
                ].joined(separator: "  "))
    }
}
