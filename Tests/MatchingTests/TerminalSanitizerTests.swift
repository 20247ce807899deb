import BackTalk
import Testing

@testable import BackTalkCore

/// The one sanitiser for terminal-unsafe text: what the CLI prints and what the engine reads.
@Suite("The terminal sanitiser")
struct TerminalSanitizerTests {
    @Test(
        "Escape sequences and control strings become one replacement",
        arguments: [
            ("a\u{1B}[2Jb", "a?b"),  // CSI
            ("a\u{1B}[38;5;196mb", "a?b"),  // CSI with parameters
            ("a\u{1B}[?25lb", "a?b"),  // CSI with a private parameter
            ("a\u{9B}31mb", "a?b"),  // 8-bit CSI
            ("a\u{1B}]0;pwned\u{07}b", "a?b"),  // OSC ended by BEL
            ("a\u{1B}]8;;http://x\u{1B}\\b", "a?b"),  // OSC ended by ESC \ (ST, 7-bit: a hyperlink)
            ("a\u{9D}0;pwned\u{9C}b", "a?b"),  // 8-bit OSC and ST
            ("a\u{1B}]0;x\u{9C}b", "a?b"),  // 7-bit OSC, 8-bit ST
            ("a\u{1B}Pq#0;1;2\u{1B}\\b", "a?b"),  // DCS (sixel)
            ("a\u{1B}_payload\u{1B}\\b", "a?b"),  // APC
            ("a\u{1B}^privacy\u{1B}\\b", "a?b"),  // PM
            ("a\u{1B}Xstart\u{1B}\\b", "a?b"),  // SOS
            ("a\u{90}q\u{9C}b", "a?b"),  // 8-bit DCS
            ("a\u{1B}(Bb", "a?b"),  // designate a character set
            ("a\u{1B}cb", "a?b"),  // reset the terminal
            ("a\u{1B}7b", "a?b"),  // save the cursor
        ])
    func sequences(text: String, expected: String) {
        #expect(TerminalSanitizer.sanitized(text) == expected)
    }

    @Test(
        "A lone ESC goes alone",
        arguments: [
            ("a\u{1B}", "a?"),  // at the end
            ("a\u{1B}\u{1B}", "a??"),  // twice
            ("a\u{1B}\nb", "a?\nb"),  // before a control, which is kept or shown on its own
            ("a\u{1B}éb", "a?éb"),  // before a non-ASCII character
        ])
    func loneEscape(text: String, expected: String) {
        #expect(TerminalSanitizer.sanitized(text) == expected)
    }

    @Test(
        "Invalid and unterminated sequences never leak",
        arguments: [
            ("a\u{1B}]0;never ended", "a?"),  // unterminated OSC: the rest would be swallowed
            ("a\u{9D}never ended", "a?"),  // unterminated 8-bit OSC
            ("a\u{1B}]0;x\u{1B}[31mb", "a??b"),  // an ESC ends the string and starts its own sequence
            ("a\u{1B}[", "a?"),  // CSI cut short
            ("a\u{1B}[31", "a?"),  // CSI without its final byte
            ("a\u{1B}[31\u{07}b", "a??b"),  // CSI broken by a control: the control is shown too
            ("a\u{1B}[31ém", "a?ém"),  // CSI broken by a non-ASCII character, which stays
            ("a\u{1B}(", "a?"),  // intermediate byte, no final byte
        ])
    func invalid(text: String, expected: String) {
        #expect(TerminalSanitizer.sanitized(text) == expected)
        #expect(!TerminalSanitizer.sanitized(text).unicodeScalars.contains { TerminalSanitizer.isUnsafe($0) })
    }

    @Test func controlsAndBidiOverridesAreReplaced() {
        #expect(TerminalSanitizer.sanitized("a\u{07}\u{08}\u{00}\u{7F}\u{85}\u{9A}b") == "a??????b")  // C0, DEL, C1
        #expect(TerminalSanitizer.sanitized("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}") == "?????????")
        #expect(TerminalSanitizer.sanitized("x\u{2028}y\u{2029}z") == "x?y?z")
        #expect(TerminalSanitizer.sanitized("a\u{1B}[2Jb\u{08}", replacement: " ") == "a b ")
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "Heat or ice?\n\t- café, naïve, 背中, עברית, 😀 [1] {2} ~3~ \\ /"
        #expect(TerminalSanitizer.sanitized(text) == text)
    }

    /// The engine reads a message as the sanitiser sees it: a sequence is a gap between words,
    /// never words of its own, on the ASCII path and the Unicode path alike.
    @Test(
        "The tokenizer drops what the sanitiser finds",
        arguments: [
            "\u{1B}[31mred\u{1B}[0m back ache",
            "\u{1B}]0;title\u{07}spasm",
            "\u{1B}]8;;http://x\u{1B}\\back\u{1B}]8;;\u{1B}\\ spasm",
            "back\u{1B}(Bspasm",
            "back\u{1B}7spasm",
            "back\u{1B}]0;never ended spasm",
            "back\u{1B}[31",
        ])
    func tokenizerAgrees(text: String) {
        let tokenizer = englishTokenizer
        let words = tokenizer.tokenize(text).map(\.word)
        #expect(words == tokenizer.tokenize(TerminalSanitizer.sanitized(text, replacement: " ")).map(\.word))
        // The same text with one non-ASCII character takes the Unicode path, and reads the same.
        #expect(tokenizer.tokenize("café " + text).map(\.word) == ["cafe"] + words)
    }
}
