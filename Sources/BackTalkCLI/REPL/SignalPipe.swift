import Glibc
import Synchronization

/// The write end of the active ``SignalPipe``, or -1.
///
/// A C signal handler cannot capture context, so this process-wide value is how
/// it finds the pipe. It is an atomic, and set before any handler is installed, so
/// that reading it inside a handler is async-signal-safe.
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// Writes the signal's number to the pipe and nothing else: all a handler may safely do.
private func forwardSignal(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    let fd = signalPipeWriteEnd.load(ordering: .relaxed)
    if fd >= 0 { _ = write(fd, &byte, 1) }
    errno = savedErrno
}

/// Turns signals into bytes on a pipe (the self-pipe trick), so that one `poll`
/// waits for keys and signals together, and signals are handled between keys in
/// ordinary code instead of inside readline or the Swift runtime.
final class SignalPipe {
    /// Poll this for `POLLIN`; ``drain()`` says which signals arrived.
    let readEnd: Int32
    private let writeEnd: Int32
    private var previousActions: [(signal: Int32, action: sigaction)] = []

    /// Starts catching `signals`; nil if no pipe could be made.
    init?(catching signals: [Int32]) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            // Non-blocking: a full pipe must never stall a handler, nor an empty one drain().
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteEnd.store(writeEnd, ordering: .sequentiallyConsistent)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler = unsafeBitCast(
                forwardSignal as @convention(c) (Int32) -> Void, to: type(of: action.__sigaction_handler))
            sigemptyset(&action.sa_mask)
            // SA_RESTART keeps other reads and writes going; poll returns EINTR regardless.
            action.sa_flags = SA_RESTART
            var previous = sigaction()
            if sigaction(signal, &action, &previous) == 0 { previousActions.append((signal, previous)) }
        }
    }

    /// The signals that arrived since the last call, oldest first; empties the pipe.
    func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            signals += buffer[..<count].map { Int32($0) }
        }
        return signals
    }

    /// Puts the previous handlers back and closes the pipe.
    func restore() {
        for (signal, var action) in previousActions.reversed() { sigaction(signal, &action, nil) }
        previousActions = []
        signalPipeWriteEnd.store(-1, ordering: .sequentiallyConsistent)
        close(readEnd)
        close(writeEnd)
    }
}
