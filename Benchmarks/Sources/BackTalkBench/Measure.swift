import Dispatch
import Foundation

/// Nanoseconds since an arbitrary point, from a monotonic clock.
@inline(__always)
func nowNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

/// Runs `body` once and returns its result with the time it took, in nanoseconds.
func timed<T>(_ body: () throws -> T) rethrows -> (result: T, nanoseconds: UInt64) {
    let start = nowNanoseconds()
    let result = try body()
    return (result, nowNanoseconds() - start)
}

/// Order statistics of a set of samples.
struct Distribution {
    let sorted: [UInt64]

    init(_ samples: [UInt64]) {
        precondition(!samples.isEmpty, "no samples")
        sorted = samples.sorted()
    }

    /// The nearest-rank percentile `p`, in 0...100.
    func percentile(_ p: Double) -> UInt64 {
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var maximum: UInt64 { sorted[sorted.count - 1] }
    var total: UInt64 { sorted.reduce(0, +) }
}

/// Memory figures of this process from `/proc/self/status`, in kibibytes.
struct MemoryStatus {
    /// Resident set size now (`VmRSS`).
    var residentKiB: Int
    /// Peak resident set size (`VmHWM`).
    var peakResidentKiB: Int

    /// The figures now, or `nil` where `/proc` is not available (macOS).
    static func current() -> MemoryStatus? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("VmHWM:") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            if parts.count >= 2, let kib = Int(parts[1]) { fields[String(parts[0])] = kib }
        }
        guard let rss = fields["VmRSS"], let hwm = fields["VmHWM"] else { return nil }
        return MemoryStatus(residentKiB: rss, peakResidentKiB: hwm)
    }
}

// MARK: Formatting

func microseconds(_ nanoseconds: UInt64) -> String {
    String(format: "%.1f µs", Double(nanoseconds) / 1_000)
}

func milliseconds(_ nanoseconds: UInt64) -> String {
    String(format: "%.2f ms", Double(nanoseconds) / 1_000_000)
}

func mebibytes(_ kib: Int) -> String {
    String(format: "%.1f MiB", Double(kib) / 1024)
}

/// Prints `label: value`, labels aligned.
func figure(_ label: String, _ value: String) {
    let padded = label.count < 34 ? label + String(repeating: " ", count: 34 - label.count) : label
    print("  \(padded) \(value)")
}

func section(_ title: String) {
    print("")
    print(title)
}
