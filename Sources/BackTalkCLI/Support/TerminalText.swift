import BackTalk

/// Text made safe to print, by the library's ``TerminalSanitizer``: the one
/// sanitiser the engine reads messages with, too.
///
/// Every line printed, every error, and every JSON line goes through here.
enum TerminalText {
    /// `text` with each escape sequence or control string replaced by one `?`, and
    /// every other unsafe character (but newline and tab) shown as `?`.
    static func sanitized(_ text: String) -> String {
        TerminalSanitizer.sanitized(text)
    }

    /// Escapes the characters that JSON leaves as they are but a terminal may act on.
    ///
    /// C1 controls, DEL, the separators and the bidirectional controls become `\uXXXX`
    /// escapes. Applied to encoded JSON, whose other controls are escaped already;
    /// a script decoding the line gets the same text back.
    static func escapingForJSON(_ json: String) -> String {
        var result = ""
        for scalar in json.unicodeScalars {
            if TerminalSanitizer.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
