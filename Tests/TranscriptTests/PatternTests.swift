import BackTalk
import Testing

@testable import BackTalkAuthoring

/// `~re` patterns: Swift `Regex` syntax, matched without backtracking.
@Suite("Transcript patterns")
struct PatternTests {
    @Test(
        "Matches as Swift Regex does, for the syntax it supports",
        arguments: [
            "Hello.*", "[A-Z][a-z]+ \\d{2,3}", "(foo|bar)+baz", "a?b*c+", "^x$", ".*\\bword\\b.*", "[^0-9]+",
            "(?:ab)*", "colou?r", "\\$\\d+\\.\\d{2}", "[\\w.-]+@[\\w.-]+", "(?<letter>a|b){2}", "a{2,}", "a{0,2}b",
            "x*?y", "[a\\-z]+", "\\s*\\S+\\s*", "(a|)+", "", ".", "\\W+", "[\\d\\s]+", "a.c", "\\(\\)",
        ])
    func agreesWithRegex(pattern: String) throws {
        let compiled = try TranscriptPattern(pattern)
        let regex = try Regex(pattern)
        for text in [
            "", "x", "Hello, world", "Abc 12", "Abc 1234", "foobarbaz", "baz", "abcc", "bc", "a word here",
            "wordy", "abc", "abab", "aba", "color", "colour", "$12.50", "me@example.org", "ab", "ba", "aaa",
            "aab", "b", "xxxy", "]a]", "a-z", "  tab\t", "a.c", "abc", "()", "!?", "1 2 3", "é", "e\u{301}", "日本",
        ] {
            #expect(compiled.matches(text) == ((try? regex.wholeMatch(in: text)) != nil), "\(pattern) on \(text.debugDescription)")
        }
    }

    // Each of these takes Swift Regex minutes or more on such a line; here they end at once.
    @Test(
        "Catastrophic patterns are linear", .timeLimit(.minutes(1)),
        arguments: [
            ("(.*?)*X$", "", false), ("(.*?)*X$", "X", true), ("(a+)+$", "b", false), ("(a|aa)*b", "", false),
            ("(a|aa)*b", "b", true), ("(.*)*(.*)*(.*)*Z", "", false), ("(a*)*b", "", false), ("((a+)+)+c", "c", true),
        ])
    func catastrophicPatternsEnd(pattern: String, ending: String, expected: Bool) throws {
        let compiled = try TranscriptPattern(pattern)
        #expect(compiled.matches(String(repeating: "a", count: 20_000) + ending) == expected)
    }

    @Test(
        "Unsupported or too large patterns are refused with a reason",
        arguments: [
            ("(?=a)", "lookahead"), ("(?<!a)b", "lookbehind"), ("(?>a)", "atomic"), ("(?i)a", "options"), ("a*+", "possessive"),
            ("(a)\\1", "`\\1` is not supported"), ("\\p{L}", "`\\p` is not supported"), ("a**", "follows another"),
            ("*a", "nothing to repeat"), ("(a", "missing `)`"), ("a)", "unbalanced"), ("[a", "missing `]`"), ("[]a]", "empty class"),
            ("a{3,2}", "wrong way round"), ("a{5000}", "above 1000"), ("(a{1000}){1000}", "too large"),
            (String(repeating: "(", count: 200) + String(repeating: ")", count: 200), "nested"),
        ])
    func refused(pattern: String, reason: String) {
        #expect {
            try TranscriptPattern(pattern)
        } throws: { error in
            (error as? TranscriptPattern.SyntaxError)?.message.contains(reason) == true
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aCatastrophicPatternInATranscriptFailsItsTurnInsteadOfHanging() throws {
        let engine = try Engine()
        let text = """
            # A pattern that backtracks forever in Swift Regex.
            > thanks
            ~re (.*?)*X$
            ~ intent: thanks

            """
        let transcript = try Transcript(parsing: text, file: "slow.txt")
        let divergence = try #require(engine.replay(transcript).divergence)
        #expect(divergence.turn == 1)
        #expect(divergence.diff.contains("\n-~re (.*?)*X$\n"), "the pattern is what failed")
        #expect(divergence.diff.contains("@@ -2,"), "at its line in the file")
    }
}
