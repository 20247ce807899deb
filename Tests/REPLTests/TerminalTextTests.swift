@testable import BackTalkCLI
import Testing

/// The one sanitizer every printed line goes through.
@Suite("Terminal-safe text")
struct TerminalTextTests {
    @Test("Escape sequences and control strings become one ?", arguments: [
        ("a\u{1B}[2Jb", "a?b"),                       // CSI
        ("a\u{1B}[38;5;196mb", "a?b"),                // CSI with parameters
        ("a\u{9B}31mb", "a?b"),                       // 8-bit CSI
        ("a\u{1B}]0;pwned\u{07}b", "a?b"),            // OSC ended by BEL
        ("a\u{1B}]8;;http://x\u{1B}\\b", "a?b"),      // OSC ended by ESC \ (a hyperlink)
        ("a\u{9D}0;pwned\u{9C}b", "a?b"),             // 8-bit OSC and ST
        ("a\u{1B}]0;never ended", "a?"),              // unterminated: the rest would be swallowed
        ("a\u{1B}]0;x\u{1B}[31mb", "a??b"),           // an ESC ends the string and starts its own sequence
        ("a\u{1B}Pq#0;1;2\u{1B}\\b", "a?b"),          // DCS (sixel)
        ("a\u{1B}_payload\u{1B}\\b", "a?b"),          // APC
        ("a\u{1B}^privacy\u{1B}\\b", "a?b"),          // PM
        ("a\u{1B}Xstart\u{1B}\\b", "a?b"),            // SOS
        ("a\u{90}q\u{9C}b", "a?b"),                   // 8-bit DCS
        ("a\u{1B}(Bb", "a?b"),                        // designate a character set
        ("a\u{1B}cb", "a?b"),                         // reset the terminal
        ("a\u{1B}", "a?"),
    ])
    func escapes(text: String, expected: String) {
        #expect(TerminalText.sanitized(text) == expected)
    }

    @Test func controlsAndBidiOverridesAreShownAsQuestionMarks() {
        #expect(TerminalText.sanitized("a\u{07}\u{08}\u{00}\u{7F}\u{85}\u{9A}b") == "a??????b")
        #expect(TerminalText.sanitized("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}") == "?????????")
        #expect(TerminalText.sanitized("x\u{2028}y\u{2029}z") == "x?y?z")
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "Heat or ice?\n\t- café, naïve, 背中, עברית, 😀 [1] {2} ~3~ \\ /"
        #expect(TerminalText.sanitized(text) == text)
    }

    @Test func jsonKeepsItsTextButEscapesWhatATerminalWouldActOn() {
        #expect(TerminalText.escapingForJSON(#"{"t":"a\#u{9B}31m\#u{202E}b é"}"#) == #"{"t":"a\u009B31m\u202Eb é"}"#)
    }
}
