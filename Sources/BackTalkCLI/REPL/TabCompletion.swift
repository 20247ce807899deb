// Readline's state is C globals, which Swift 6 cannot check; this executable
// touches them from the main thread only.
@preconcurrency import CReadline
import Glibc

/// What Tab completes: slash commands after a `/`, otherwise topic titles.
///
/// Readline's completion callbacks are C functions that cannot capture context,
/// so the candidates live here, set once before readline starts (main thread only).
enum TabCompletion {
    /// Slash commands, completed after a `/`.
    nonisolated(unsafe) static var commands: [String] = []
    /// Topic titles, completed otherwise.
    nonisolated(unsafe) static var titles: [String] = []
    /// The matches readline has not yet taken, for ``nextMatch``.
    nonisolated(unsafe) fileprivate static var pendingMatches: [String] = []

    /// The candidates for the text before the cursor: a case-insensitive prefix match.
    static func matches(for text: String) -> [String] {
        let pool = text.hasPrefix("/") ? commands : titles
        let prefix = text.lowercased()
        return pool.filter { $0.lowercased().hasPrefix(prefix) }
    }

    /// Makes readline complete the whole line (titles have spaces) from ``matches(for:)``.
    static func install(commands: [String], titles: [String]) {
        self.commands = commands
        self.titles = titles
        // No word breaks: the text to complete is everything before the cursor.
        // strdup: readline keeps the pointer for the life of the process.
        rl_completer_word_break_characters = UnsafePointer(strdup(""))
        rl_attempted_completion_function = attemptCompletion
    }
}

/// Readline's entry point for Tab.
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to completing file names
    guard let text else { return nil }
    TabCompletion.pendingMatches = TabCompletion.matches(for: String(cString: text))
    return rl_completion_matches(text, nextMatch)
}

/// Hands readline one match per call, as a string it will free.
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard !TabCompletion.pendingMatches.isEmpty else { return nil }
    return strdup(TabCompletion.pendingMatches.removeFirst())
}
