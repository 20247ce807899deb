// Readline's state is C globals, which Swift 6 cannot check; this executable
// touches them from the main thread only.
@preconcurrency import CReadline
import Glibc

/// The chat's line history across sessions, kept private: messages may hold
/// health details, so the file is only ever readable by its owner (0600, in
/// directories made 0700) and holds at most ``capacity`` lines.
struct HistoryStore {
    /// How many lines are kept.
    static let capacity: Int32 = 1_000
    /// Longer lines (a pasted document) are not kept.
    static let longestLine = 4_096
    /// Set to anything but `0` to turn history off.
    static let disablingVariable = "BACKTALK_NO_HISTORY"

    /// The history file.
    let path: String

    /// Whether `environment` turns history off.
    static func isDisabled(in environment: [String: String]) -> Bool {
        guard let value = environment[disablingVariable] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// `$XDG_STATE_HOME/backtalk/history`, else `~/.local/state/backtalk/history`;
    /// nil without an absolute state or home folder (the XDG spec ignores relative ones).
    static func defaultPath(in environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/backtalk/history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/backtalk/history"
        }
        return nil
    }

    /// Makes the folders (0700) and the file (0600) so that readline never creates it with looser modes.
    /// Throws a message a person can read if it cannot.
    init(path: String) throws(CLIError) {
        self.path = path
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        try Self.makeFolders(folder)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CLIError.message("history is off: cannot create \(path)") }
        defer { close(fd) }
        // An existing file may have been made with looser modes: tighten it.
        guard fchmod(fd, 0o600) == 0 else { throw CLIError.message("history is off: cannot protect \(path)") }
    }

    /// Loads the saved lines into readline and caps its list.
    func load() {
        stifle_history(Self.capacity)
        _ = read_history(path)
    }

    /// Adds `line` to the history and appends it to the file at once, so that
    /// nothing is lost if the session ends abruptly.
    func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line.utf8.count <= Self.longestLine else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1), let text = last.pointee.line,
           String(cString: text) == line {
            return // Up should not step through the same line twice.
        }
        add_history(line)
        privately { _ = append_history(1, path) }
    }

    /// Trims the file to ``capacity`` lines.
    func save() {
        privately { _ = history_truncate_file(path, Self.capacity) }
    }

    /// Runs `body` with a umask that keeps any file readline makes (a temporary file it
    /// renames over the history, say) private, then re-asserts the file's mode.
    private func privately(_ body: () -> Void) {
        let previous = umask(0o077)
        body()
        umask(previous)
        chmod(path, 0o600)
    }

    /// Creates each missing folder of `folder` with mode 0700.
    private static func makeFolders(_ folder: String) throws(CLIError) {
        var current = ""
        for component in folder.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw CLIError.message("history is off: cannot create \(current)")
            }
        }
        // Our own folder is private even if something else made it first.
        chmod(folder, 0o700)
    }
}
