/// Text made safe to print: nothing a user or a file supplied can move the
/// cursor, change colours, set the window title, ring the bell, reorder what
/// is shown, or start a sequence the terminal would swallow later output into.
///
/// The one place in the tool that decides what may reach a terminal: every
/// line printed, every error, and every JSON line goes through here.
enum TerminalText {
    /// `text` with each escape sequence or control string replaced by one `?`, and
    /// every other control character (but newline and tab) shown as `?`.
    ///
    /// Removed, whether 7-bit (`ESC x`) or 8-bit (C1): CSI sequences (`ESC [` ...
    /// final byte), the strings OSC, DCS, SOS, PM and APC (up to BEL or ST, or to
    /// the end of the text when unterminated), and the other escape sequences.
    /// Shown as `?`: C0 controls but `\n` and `\t`, DEL, C1 controls, the line and
    /// paragraph separators, and the bidirectional embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069), which could make text read backwards.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            switch value {
            case 0x0A, 0x09:
                result.append(scalars[index])
                index += 1
            case 0x1B:
                index = endOfEscape(scalars, from: index + 1)
                result.append("?")
            case 0x9B: // CSI
                index = endOfControlSequence(scalars, from: index + 1)
                result.append("?")
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // DCS, SOS, OSC, PM, APC
                index = endOfControlString(scalars, from: index + 1)
                result.append("?")
            default:
                result.append(isUnsafe(value) ? "?" : scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Characters that JSON leaves as they are but a terminal may act on: C1
    /// controls, DEL, the separators and the bidirectional controls, as `\uXXXX`
    /// escapes. Applied to encoded JSON, whose other controls are escaped already;
    /// a script decoding the line gets the same text back.
    static func escapingForJSON(_ json: String) -> String {
        var result = ""
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the terminal may act on this one character rather than show it.
    private static func isUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true // bidirectional embeddings, overrides, isolates
        default: false
        }
    }

    /// Where the escape sequence whose `ESC` came just before `start` ends.
    private static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return start }
        switch scalars[start].value {
        case 0x5B: // [ : CSI
            return endOfControlSequence(scalars, from: start + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ] P X ^ _ : OSC, DCS, SOS, PM, APC
            return endOfControlString(scalars, from: start + 1)
        case 0x20...0x2F: // intermediate bytes, then a final byte: ESC ( B and the like
            var index = start
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
            return index
        case 0x30...0x7E: // a two-character sequence: ESC 7, ESC c, ESC =
            return start + 1
        default: // ESC before a control or non-ASCII character: only the ESC goes
            return start
        }
    }

    /// Where a CSI sequence whose introducer came just before `start` ends:
    /// parameter and intermediate bytes, then a final byte.
    private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
        if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
        return index
    }

    /// Where a control string (OSC, DCS, SOS, PM, APC) whose introducer came just
    /// before `start` ends: after BEL, `ESC \` or ST, before any other ESC, or at the
    /// end of the text, for a terminal would swallow what follows an unterminated one.
    private static func endOfControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            switch scalars[index].value {
            case 0x07, 0x9C:
                return index + 1
            case 0x1B: // ESC \ is ST; any other ESC ends the string and starts a sequence of its own
                return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index
            default:
                index += 1
            }
        }
        return index
    }
}
