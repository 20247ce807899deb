/// What a ``LineReader`` hands back for one line of input.
enum LineInput: Equatable {
    /// A line, without its newline.
    case line(String)
    /// The person pressed Ctrl-C: the line was abandoned, the session goes on.
    case interrupted
    /// Ctrl-D, `/quit`'s equivalent from the input side, or the end of a pipe.
    case end
    /// SIGTERM or SIGHUP arrived, while waiting for the line or while the last
    /// reply was being made: the session must end now, with this signal's status.
    case terminated(signal: Int32)
}

/// Where a chat's messages come from: a terminal with line editing, or a pipe.
protocol LineReader: AnyObject {
    /// The next line; blocks until there is one.
    func nextLine() -> LineInput
    /// Gives back what the reader borrowed (terminal modes, signal handlers) and saves history.
    func close()
}
