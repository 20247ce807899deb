// Readline's state is C globals, which Swift 6 cannot check; this executable
// touches them from the main thread only.
@preconcurrency import CReadline
import Glibc

/// The chat's line history across sessions, kept private.
///
/// Messages may hold health details, so the file is only ever readable by its
/// owner (0600, in a folder of the user's own that no one else can write) and
/// holds at most ``capacity`` lines. ``HistoryFile`` does the file work; this puts
/// the lines into readline and turns history off, saying so once, at the first problem.
final class HistoryStore {
    /// How many lines are kept.
    static let capacity: Int32 = 1_000
    /// Longer lines (a pasted document) are not kept.
    static let longestLine = 4_096
    /// Set to anything but `0` to turn history off.
    static let disablingVariable = "BACKTALK_NO_HISTORY"

    /// The history file; nil once history is off.
    private var file: HistoryFile?

    /// Whether `environment` turns history off.
    static func isDisabled(in environment: [String: String]) -> Bool {
        guard let value = environment[disablingVariable] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// `$XDG_STATE_HOME/backtalk/history`, else `~/.local/state/backtalk/history`;
    /// nil without an absolute state or home folder (the XDG spec ignores relative ones).
    static func defaultPath(in environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/backtalk/" + HistoryFile.name
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/backtalk/" + HistoryFile.name
        }
        return nil
    }

    /// Opens the folder of `path` (see ``HistoryFile``).
    /// - Throws: ``HistoryError``, to be said once; the chat then runs without history.
    init(path: String) throws(HistoryError) {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        file = try HistoryFile(folder: folder)
    }

    /// Loads the saved lines into readline and caps its list.
    func load() {
        stifle_history(Self.capacity)
        attempt { file throws(HistoryError) in
            for line in try file.load(capacity: Int(Self.capacity), longestLine: Self.longestLine) { add_history(line) }
        }
    }

    /// Adds `line` to the history and appends it to the file at once, so that
    /// nothing is lost if the session ends abruptly.
    func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line.utf8.count <= Self.longestLine,
            !line.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1), let text = last.pointee.line,
            String(cString: text) == line
        {
            return  // Up should not step through the same line twice.
        }
        add_history(line)
        attempt { file throws(HistoryError) in try file.append(line) }
    }

    /// Trims the file to ``capacity`` lines.
    func save() {
        attempt { file throws(HistoryError) in try file.cap(to: Int(Self.capacity)) }
    }

    /// Runs `body` on the file while history is on; at the first error, says why
    /// on standard error and turns history off for the rest of the session.
    private func attempt(_ body: (HistoryFile) throws(HistoryError) -> Void) {
        guard let file else { return }
        do throws(HistoryError) {
            try body(file)
        } catch {
            self.file = nil
            printError(error.description)
        }
    }
}
