import Foundation
import Glibc
import TestFixtures

/// Runs the built `backtalk` under a pseudo-terminal and types at it as a person would.
///
/// Every wait has a deadline, and the program is killed when the session ends,
/// so that a broken build fails a test instead of hanging the suite.
final class TerminalSession {
    /// A private home for the run: the history file goes under `state/`.
    let home: URL
    var historyFile: URL { home.appending(path: "state/backtalk/history") }

    private let master: Int32
    private let pid: pid_t
    private var received = Data()
    /// Where the last ``waitFor(_:timeout:)`` match ended: each wait looks only at newer output.
    private var searchStart: String.Index?
    private var status: Int32?

    /// Starts `backtalk ARGUMENTS` at an 80x24 `xterm`, with `environment` added to a clean one.
    init(_ arguments: [String] = [], environment: [String: String] = [:], home: URL? = nil) throws {
        let home = home ?? FileManager.default.temporaryDirectory.appending(path: "backtalk-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        self.home = home

        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        var masterEnd: Int32 = -1
        var terminal: Int32 = -1
        guard let openpty = Self.openpty, openpty(&masterEnd, &terminal, nil, nil, &size) == 0 else {
            throw SessionError("cannot open a pseudo-terminal")
        }
        master = masterEnd
        defer { close(terminal) }  // the child opens it by name
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)  // other tests' children must not hold it open
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(terminal, &name, name.count) == 0 else {
            close(master)
            throw SessionError("cannot name the pseudo-terminal")
        }
        let terminalPath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (below), the terminal becomes the child's controlling
        // terminal, so that Ctrl-C sends it SIGINT as at a real terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift's Glibc module does not export
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var variables = [
            "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8",
            "HOME": home.path, "XDG_STATE_HOME": home.appending(path: "state").path,
            "INPUTRC": "/dev/null",  // the machine's key bindings are not under test
        ]
        variables.merge(environment) { $1 }
        let executable = Self.executable.path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        guard posix_spawn(&child, executable, &actions, &attributes, argv, envp) == 0 else {
            close(master)
            throw SessionError("cannot start \(executable)")
        }
        pid = child
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
        }
        close(master)
        try? FileManager.default.removeItem(at: home)
    }

    /// Everything the program has written, with the terminal's carriage returns removed.
    var output: String {
        String(decoding: received, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// Sends `signal` to the program, as `kill` or a closing terminal would.
    func send(signal: Int32) {
        kill(pid, signal)
    }

    /// Sends keystrokes, as if typed.
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Sends raw bytes, which need not be valid UTF-8.
    func type(bytes: [UInt8]) {
        var bytes = bytes
        _ = write(master, &bytes, bytes.count)
    }

    /// Waits until output newer than the last match contains `text`; false after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = output
            let start = searchStart.flatMap { $0 <= current.endIndex ? $0 : nil } ?? current.startIndex
            if let match = current.range(of: text, range: start..<current.endIndex) {
                searchStart = match.upperBound
                return true
            }
            if Date() >= deadline || !readMore(until: deadline) { return false }
        }
    }

    /// Waits for a new prompt (without colour): keys typed before it would reach the
    /// terminal while readline is not listening, as they would for a person.
    @discardableResult
    func waitForPrompt(timeout: Double = 15) -> Bool {
        waitFor("\n> ", timeout: timeout)
    }

    /// Waits for the program to exit and returns its exit status; nil if it is still running after `timeout` seconds.
    func waitForExit(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while status == nil && Date() < deadline {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
                status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                while readMore(until: Date().addingTimeInterval(0.2)) {}
                break
            }
            _ = readMore(until: min(deadline, Date().addingTimeInterval(0.1)))
        }
        return status
    }

    /// Reads what is available before `deadline`; false once the terminal is closed or nothing came.
    private func readMore(until deadline: Date) -> Bool {
        var watched = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(deadline.timeIntervalSinceNow, 1)) * 1000)
        guard poll(&watched, 1, milliseconds) > 0 else { return Date() < deadline }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }  // EIO: the program closed the terminal
        received.append(contentsOf: buffer[..<count])
        return true
    }

    /// glibc's `openpty`, looked up at run time: Swift's Glibc module leaves out `<pty.h>`.
    private static let openpty:
        (
            @convention(c) (
                UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?,
                UnsafePointer<termios>?, UnsafePointer<winsize>?
            ) -> Int32
        )? = {
            let library = dlopen("libutil.so.1", RTLD_NOW)  // glibc before 2.34 kept it here
            guard let symbol = dlsym(library, "openpty") ?? dlsym(nil, "openpty") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (
                    UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?,
                    UnsafePointer<termios>?, UnsafePointer<winsize>?
                ) -> Int32).self)
        }()

    /// The `backtalk` executable in the same build folder as the tests.
    static let executable = BuiltProducts.backtalk
}

/// Why a session could not start.
struct SessionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
