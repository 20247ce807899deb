import BackTalk
import Testing

@testable import BackTalkCLI

/// Every printed line goes through the library's sanitiser; JSON is escaped for a terminal.
@Suite("Terminal-safe text")
struct TerminalTextTests {
    /// The CLI's sanitiser is the library's: the cases are tested there (TerminalSanitizerTests).
    @Test(
        "Printed text is sanitised by the library's sanitiser",
        arguments: [
            "a\u{1B}[2Jb", "a\u{1B}]0;pwned\u{07}b", "a\u{9D}0;x\u{9C}b", "a\u{1B}", "a\u{07}\u{85}\u{202E}b", "café\n\t",
        ])
    func sameAsTheLibrary(text: String) {
        #expect(TerminalText.sanitized(text) == TerminalSanitizer.sanitized(text))
    }

    @Test func jsonKeepsItsTextButEscapesWhatATerminalWouldActOn() {
        #expect(TerminalText.escapingForJSON(#"{"t":"a\#u{9B}31m\#u{202E}b é"}"#) == #"{"t":"a\u009B31m\u202Eb é"}"#)
    }
}
