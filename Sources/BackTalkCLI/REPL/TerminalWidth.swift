import Glibc

/// How many columns replies are wrapped to.
enum TerminalWidth {
    /// Wider lines are hard to read, so replies stop here even on a wide terminal.
    static let readableMaximum = 100
    static let minimum = 20

    /// The terminal's width (asked afresh, so a resize counts), else `$COLUMNS`, else 80; within the limits.
    static func current(environment: [String: String]) -> Int {
        var size = winsize()
        let columns: Int
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            columns = Int(size.ws_col)
        } else if let value = environment["COLUMNS"].flatMap({ Int($0) }), value > 0 {
            columns = value
        } else {
            columns = 80
        }
        return min(max(columns, minimum), readableMaximum)
    }
}
