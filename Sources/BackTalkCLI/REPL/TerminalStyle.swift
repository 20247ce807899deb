import Glibc

/// Bold and colour for a terminal, or plain text when colour is off.
struct TerminalStyle {
    /// Whether styles produce escape codes.
    let isEnabled: Bool

    /// Colour only for a terminal on standard output, without `NO_COLOR` (https://no-color.org),
    /// a `dumb` terminal or `--no-color`.
    static func forStandardOutput(environment: [String: String], noColorFlag: Bool) -> TerminalStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(isEnabled: isatty(STDOUT_FILENO) == 1 && !noColor && !dumb && !noColorFlag)
    }

    /// No codes at all.
    static let plain = TerminalStyle(isEnabled: false)

    // Each wraps `text` in one style and a reset, or returns it as it is.
    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func accent(_ text: String) -> String { apply("1;36", text) }
    func warning(_ text: String) -> String { apply("1;33", text) }
    func alarm(_ text: String) -> String { apply("1;31", text) }
    /// White on red, bold: the emergency banner.
    func siren(_ text: String) -> String { apply("1;97;41", text) }

    /// A prompt for readline: codes go between `\u{01}` and `\u{02}` so that it knows they take no room on the screen.
    func prompt(_ text: String) -> String {
        isEnabled ? "\u{01}\u{1B}[1;36m\u{02}\(text)\u{01}\u{1B}[0m\u{02}" : text
    }

    private func apply(_ code: String, _ text: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
