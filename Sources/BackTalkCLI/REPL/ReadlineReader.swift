// Readline's state is C globals, which Swift 6 cannot check; this executable
// touches them from the main thread only.
@preconcurrency import CReadline
import Glibc

/// The line readline's callback delivered, collected by ``ReadlineReader/nextLine()``.
///
/// Global because readline's C callback cannot capture context; only the main
/// thread touches it, from inside `rl_callback_read_char`.
nonisolated(unsafe) private var deliveredLine: LineInput?

/// Readline's line callback: keeps the line and stops reading, so that the reply
/// is printed before the next prompt rather than after it.
private func receiveLine(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        deliveredLine = .line(String(cString: line))  // repairs invalid UTF-8
        free(line)
    } else {
        deliveredLine = .end
    }
    rl_callback_handler_remove()
}

/// Reads lines at a terminal with GNU readline: editing, history, Tab completion,
/// and a Ctrl-C that abandons the line but keeps the session.
///
/// It uses readline's callback interface in a `poll` loop rather than `readline()`:
/// readline's own signal handling is turned off, signals arrive as bytes on a
/// ``SignalPipe``, and they are handled between keys in ordinary code.
final class ReadlineReader: LineReader {
    private let prompt: String
    private let history: HistoryStore?
    private let signals: SignalPipe?

    /// Sets readline up; `prompt` may hold colour codes wrapped in `\u{01}`...`\u{02}`.
    init(prompt: String, history: HistoryStore?, commands: [String], titles: [String]) {
        self.prompt = prompt
        self.history = history
        rl_readline_name = UnsafePointer(strdup("backtalk"))  // for `$if backtalk` in ~/.inputrc
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_initialize()
        // After rl_initialize, so that these win over ~/.inputrc: pasted lines are
        // ordinary turns, and titles complete whatever their case.
        rl_variable_bind("enable-bracketed-paste", "off")
        rl_variable_bind("completion-ignore-case", "on")
        TabCompletion.install(commands: commands, titles: titles)
        history?.load()
        signals = SignalPipe(catching: [SIGINT, SIGWINCH, SIGTERM, SIGHUP])
    }

    func nextLine() -> LineInput {
        // A Ctrl-C pressed while the last reply was made is spent; SIGTERM or SIGHUP is not.
        if let signal = signals?.drain().first(where: { $0 != SIGINT && $0 != SIGWINCH }) {
            return .terminated(signal: signal)
        }
        deliveredLine = nil
        rl_callback_handler_install(prompt, receiveLine)
        while true {
            if let line = deliveredLine {
                fflush(nil)
                if line == .end { show("\n") }  // leave the prompt's line
                if case .line(let text) = line { history?.remember(text) }
                return line
            }
            var watched = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals?.readEnd ?? -1, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&watched, nfds_t(watched.count), -1) < 0 {
                if errno == EINTR { continue }
                abandonLine()
                return .end
            }
            if watched[1].revents & Int16(POLLIN) != 0, let signals {
                for signal in signals.drain() {
                    switch signal {
                    case SIGINT:
                        show("^C")
                        abandonLine()
                        show("\n")
                        return .interrupted
                    case SIGWINCH:
                        rl_resize_terminal()
                    default:  // SIGTERM, SIGHUP: put the terminal back and end
                        abandonLine()
                        show("\n")
                        return .terminated(signal: signal)
                    }
                }
            }
            let input = watched[0].revents
            if input & Int16(POLLIN) != 0 {
                rl_callback_read_char()
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                abandonLine()  // the terminal went away
                return .end
            }
        }
    }

    func close() {
        rl_callback_handler_remove()
        history?.save()
        signals?.restore()
    }

    /// Throws the half-typed line away and gives the terminal its modes back.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()  // a half-read key sequence or search
        rl_replace_line("", 0)
        rl_callback_handler_remove()
        fflush(nil)
    }

    /// Prints a line end or `^C` around readline's own output; a failure to write
    /// is left for the next reply to report.
    private func show(_ text: String) {
        fflush(nil)  // readline writes through stdio; keep the order
        try? Output().raw(text)
    }
}
