/// The one place that decides what text may reach a terminal.
///
/// Text from a person or a file can hold escape sequences and control
/// characters that move the cursor, change colours, set the window title, ring
/// the bell, reorder what is shown, or start a string the terminal swallows
/// later output into. The engine drops them before reading a message (so that
/// nothing downstream sees or repeats them), and a client prints only
/// ``sanitized(_:replacement:)`` text; both find sequences the same way.
///
/// Recognised, whether 7-bit (`ESC x`) or 8-bit (C1):
/// - CSI sequences: `ESC [` or `0x9B`, parameter and intermediate bytes, a final byte;
/// - control strings: OSC (`ESC ]`, `0x9D`), DCS, SOS, PM and APC, up to BEL, `ESC \`
///   or ST (`0x9C`), before any other ESC, or to the end of the text when unterminated;
/// - other escape sequences: `ESC` with intermediate bytes and a final byte (`ESC ( B`),
///   or one character (`ESC c`, `ESC 7`);
/// - a lone ESC (at the end, or before a control or non-ASCII character), alone.
///
/// Unsafe single characters (``isUnsafe(_:)``): C0 controls but newline and tab,
/// DEL, C1 controls, the line and paragraph separators, and the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
public enum TerminalSanitizer {
    /// `text` with each escape sequence or control string replaced by one `replacement`,
    /// and every unsafe character (``isUnsafe(_:)``) by `replacement` too.
    ///
    /// ```swift
    /// TerminalSanitizer.sanitized("a\u{1B}]0;title\u{07}b\u{08}") // "a?b?"
    /// ```
    public static func sanitized(_ text: String, replacement: Unicode.Scalar = "?") -> String {
        var result = String.UnicodeScalarView()
        forEachPiece(of: text) { piece in
            switch piece {
            case .sequence: result.append(replacement)
            case .scalar(let scalar): result.append(isUnsafe(scalar) ? replacement : scalar)
            }
        }
        return String(result)
    }

    /// Whether a terminal may act on this one character rather than show it: C0
    /// controls but `\n` and `\t`, DEL, C1 controls, the line and paragraph
    /// separators, and the bidirectional controls, which could make text read backwards.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings, overrides, isolates
        default: false
        }
    }

    /// A piece of text as a terminal reads it.
    enum Piece {
        /// A whole escape sequence or control string.
        case sequence
        /// One character outside any sequence (which may still be unsafe on its own).
        case scalar(Unicode.Scalar)
    }

    /// Calls `visit` with each piece of `text`, in order.
    static func forEachPiece(of text: String, _ visit: (Piece) -> Void) {
        let scalars = Array(text.unicodeScalars)
        let values = scalars.map(\.value)
        var index = 0
        while index < values.count {
            if let end = endOfSequence(in: values, at: index) {
                visit(.sequence)
                index = end
            } else {
                visit(.scalar(scalars[index]))
                index += 1
            }
        }
    }

    /// Where the sequence that starts at `index` ends, if one does.
    ///
    /// Only an ESC or a C1 introducer (CSI, DCS, SOS, OSC, PM, APC) starts one; for any
    /// other character this is nil. `values` are Unicode scalar values, or the bytes of ASCII text.
    static func endOfSequence<Values: RandomAccessCollection>(in values: Values, at index: Int) -> Int?
    where Values.Element: UnsignedInteger, Values.Index == Int {
        switch UInt32(truncatingIfNeeded: values[index]) {
        case 0x1B: endOfEscape(values, from: index + 1)
        case 0x9B: endOfControlSequence(values, from: index + 1)  // CSI
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: endOfControlString(values, from: index + 1)  // DCS, SOS, OSC, PM, APC
        default: nil
        }
    }

    /// Where the escape sequence whose `ESC` came just before `start` ends.
    private static func endOfEscape<Values: RandomAccessCollection>(_ values: Values, from start: Int) -> Int
    where Values.Element: UnsignedInteger, Values.Index == Int {
        guard start < values.endIndex else { return start }
        switch UInt32(truncatingIfNeeded: values[start]) {
        case 0x5B:  // [ : CSI
            return endOfControlSequence(values, from: start + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _ : OSC, DCS, SOS, PM, APC
            return endOfControlString(values, from: start + 1)
        case 0x20...0x2F:  // intermediate bytes, then a final byte: ESC ( B and the like
            var index = start
            while index < values.endIndex, (0x20...0x2F).contains(values[index]) { index += 1 }
            if index < values.endIndex, (0x30...0x7E).contains(values[index]) { index += 1 }
            return index
        case 0x30...0x7E:  // a two-character sequence: ESC 7, ESC c, ESC =
            return start + 1
        default:  // ESC before a control or non-ASCII character: only the ESC goes
            return start
        }
    }

    /// Where a CSI sequence whose introducer came just before `start` ends:
    /// parameter and intermediate bytes, then a final byte.
    private static func endOfControlSequence<Values: RandomAccessCollection>(_ values: Values, from start: Int) -> Int
    where Values.Element: UnsignedInteger, Values.Index == Int {
        var index = start
        while index < values.endIndex, (0x20...0x3F).contains(values[index]) { index += 1 }
        if index < values.endIndex, (0x40...0x7E).contains(values[index]) { index += 1 }
        return index
    }

    /// Where a control string whose introducer came just before `start` ends:
    /// after BEL, `ESC \` or ST, before any other ESC, or at the end of the text,
    /// for a terminal would swallow what follows an unterminated one.
    private static func endOfControlString<Values: RandomAccessCollection>(_ values: Values, from start: Int) -> Int
    where Values.Element: UnsignedInteger, Values.Index == Int {
        var index = start
        while index < values.endIndex {
            switch UInt32(truncatingIfNeeded: values[index]) {
            case 0x07, 0x9C:
                return index + 1
            case 0x1B:  // ESC \ is ST; any other ESC ends the string and starts a sequence of its own
                return index + 1 < values.endIndex && values[index + 1] == 0x5C ? index + 2 : index
            default:
                index += 1
            }
        }
        return index
    }
}
