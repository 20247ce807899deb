import BackTalk
import Foundation

/// Writes to standard output, flushing each line so that a script reading a
/// pipe sees every reply as soon as it is made.
///
/// Every write can fail (a full disk, a closed pipe, a closed descriptor): the
/// failure is thrown as an ``OutputError`` so that the command can stop, say
/// so in one line on standard error and exit non-zero, instead of trapping.
struct Output {
    func line(_ text: String = "") throws(OutputError) {
        try raw(TerminalText.sanitized(text) + "\n")
    }

    /// Text that is already safe to print: sanitized, with only the styles this tool added.
    func raw(_ text: String) throws(OutputError) {
        try Self.write(Array(text.utf8), to: STDOUT_FILENO)
    }

    /// One reply as a single JSON line.
    func json<T: Encodable>(_ value: T) throws(OutputError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // JSON escapes C0 controls itself; the rest a terminal could act on is escaped here.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        try Self.write(Array(TerminalText.escapingForJSON(String(decoding: data, as: UTF8.self)).utf8) + [0x0A], to: STDOUT_FILENO)
    }

    /// A reply as a person reads it: the answer, then the suggestions under the
    /// knowledge base's heading for them (`suggestions_intro` in replies.yaml).
    func plain(_ reply: Reply, suggestionsIntro: String) throws(OutputError) {
        try line(reply.text)
        if !reply.suggestions.isEmpty && reply.intent != Reply.Intent.clarify {
            try line()
            try line(suggestionsIntro)
            for suggestion in reply.suggestions { try line("  - \(suggestion)") }
        }
    }

    /// A reply's trace, then a blank line.
    func explanation(_ trace: Understanding) throws(OutputError) {
        for row in ExplanationFormatter.lines(trace) { try line(row) }
        try line()
    }

    /// Writes every byte to `descriptor`, retrying after a signal; throws on any other failure.
    static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(code: errno)
            }
            written += count
        }
    }
}

/// Standard output could not be written: the disk is full, the reader went away, or it was closed.
struct OutputError: Error, CustomStringConvertible {
    /// The `errno` of the failed write.
    var code: Int32

    var description: String {
        "cannot write to standard output: \(String(cString: strerror(code)))"
    }
}

/// Writes a line to standard error.
///
/// Nothing is left to tell if that fails too.
func printError(_ text: String) {
    try? Output.write(Array(("backtalk: " + TerminalText.sanitized(text) + "\n").utf8), to: STDERR_FILENO)
}
