import BackTalk
import BackTalkAuthoring
import Testing

@Suite("The transcript format")
struct TranscriptFormatTests {
    /// A file in the canonical layout that uses every kind of line.
    static let everyKindOfLine = """
        # A comment before the first turn.
        #
        > what causes back spasms
        First line of the reply.

        \\> a reply line that starts with >
        \\# one that starts with #
        \\~ one that starts with ~
        \\\\ one that starts with a backslash
        ~contains part of a line
        ~re [A-Z][a-z]+ \\d+
        ~ intent: causes
        ~ triage: see_doctor
        ~ expects-answer: yes
        ~ pending: fever
        ~ suggestion: Preventing back spasms
        ~ suggestion: Who is more likely to get back spasms

        # A second turn, with an empty message.
        >
        Please type a question.
        ~ suggestion: none

        # A comment after the last turn.

        """

    @Test func parsingAndRenderingGiveBackTheSameText() throws {
        let transcript = try Transcript(parsing: Self.everyKindOfLine, file: "t.txt")
        #expect(transcript.text == Self.everyKindOfLine)
        #expect(try Transcript(parsing: transcript.text, file: "t.txt").text == transcript.text)
    }

    @Test func everyKindOfLineIsReadAsWhatItIs() throws {
        let transcript = try Transcript(parsing: Self.everyKindOfLine, file: "t.txt")
        #expect(transcript.turns.count == 2)
        let first = try #require(transcript.turns.first)
        #expect(first.comments == ["A comment before the first turn.", ""])
        #expect(first.message == "what causes back spasms")
        #expect(first.line == 3)
        #expect(
            first.reply == [
                .exact("First line of the reply."), .exact(""),
                .exact("> a reply line that starts with >"), .exact("# one that starts with #"),
                .exact("~ one that starts with ~"), .exact("\\ one that starts with a backslash"),
                .contains("part of a line"), .pattern("[A-Z][a-z]+ \\d+"),
            ])
        #expect(
            first.checks == [
                .intent("causes"), .triage(.seeDoctor), .expectsAnswer(true), .pendingQuestion("fever"),
                .suggestions(["Preventing back spasms", "Who is more likely to get back spasms"]),
            ])
        #expect(transcript.turns[1].message == "")
        #expect(transcript.turns[1].checks == [.suggestions([])])
        #expect(transcript.closingComments == ["A comment after the last turn."])
    }

    @Test func aRecordedTurnHoldsTheTextAndTheStandardChecks() {
        var transcript = Transcript()
        transcript.record(
            message: "hi",
            reply: Reply(
                text: "Hello!\n\nAsk me.\n", intent: "greeting", confidence: 0.9,
                suggestions: ["A", "B"], sources: ["NHS"]))
        #expect(
            transcript.text == """
                > hi
                Hello!

                Ask me.
                ~ intent: greeting
                ~ triage: none
                ~ expects-answer: no
                ~ suggestion: A
                ~ suggestion: B

                """)
        var question = Transcript()
        question.record(
            message: "it hurts",
            reply: Reply(
                text: "Do you have a fever?", intent: "triage", confidence: 1,
                triage: .urgent, expectsAnswer: true, pendingQuestion: "fever"))
        #expect(question.turns[0].checks.contains(.pendingQuestion("fever")))
        #expect(question.turns[0].checks.contains(.triage(.urgent)))
    }

    @Test(
        "Messages show invisible characters as \\u{...} and read back unchanged",
        arguments: [
            "plain question", "tab\there", "\u{1B}[2Jclear screen", "\u{FFFD}\u{FFFD}", "trailing spaces  ", "   ",
            "C:\\path\\u{41}", "back\\\\slash", "",
        ])
    func messagesRoundTrip(_ message: String) throws {
        let transcript = Transcript(turns: [.init(message: message, reply: [.exact("ok")])])
        let text = transcript.text
        let messageLine = try #require(text.split(separator: "\n").first)
        #expect(!messageLine.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{FFFD}" })
        #expect(!messageLine.hasSuffix(" "))
        #expect(try Transcript(parsing: text, file: "t.txt").turns[0].message == message)
    }

    @Test func aHandWrittenBackslashIsKeptAsItIs() throws {
        let transcript = try Transcript(parsing: "> C:\\temp\\new\nok\n", file: "t.txt")
        #expect(transcript.turns[0].message == "C:\\temp\\new")
    }

    @Test(
        "A malformed file names the file and line of the problem",
        arguments: [
            ("hello\n> hi\nok\n", 1, "before the first turn"),
            ("", 1, "no turns"),
            ("# only a comment\n", 1, "no turns"),
            ("> hi\nok\n~ intent: greeting\nmore text\n", 4, "after the checks"),
            ("> hi\nok\n# comment\nmore text\n", 4, "after a comment"),
            ("> hi\nok\n~ colour: blue\n", 3, "unknown check `colour`"),
            ("> hi\nok\n~ intent greeting\n", 3, "`~ key: value`"),
            ("> hi\nok\n~ intent: a\n~ intent: b\n", 4, "checked twice"),
            ("> hi\nok\n~ triage: soon\n", 3, "unknown triage level `soon`"),
            ("> hi\nok\n~ expects-answer: maybe\n", 3, "`yes` or `no`"),
            ("> hi\nok\n~ suggestion: none\n~ suggestion: A\n", 3, "only suggestion line"),
            ("> hi\n~re (unclosed\n", 2, "`~re (unclosed`: missing `)`"),
            ("> hi\nok\n~re (?=x)y\n", 3, "`~re (?=x)y`: lookahead"),
            ("> hi\n~re (a)\\1\n", 2, "`\\1` is not supported"),
            ("> hi\n~re a{2000}\n", 2, "a count above 1000"),
            ("> hi\n~contains \n", 2, "needs the text"),
            ("> hi\n~maybe this\n", 2, "unknown `~` line"),
            ("> hi\n~ intent: greeting\n~ suggestion: A\n~ triage: none\n~ suggestion: B\n", 5, "checked twice"),
            ("> bad \\u{ZZ} escape\nok\n", 1, "escape"),
            ("~ intent: greeting\n", 1, "must follow a reply"),
        ])
    func malformedFilesAreReportedByLine(text: String, line: Int, message: String) {
        #expect {
            try Transcript(parsing: text, file: "Transcripts/bad.txt")
        } throws: { error in
            guard let error = error as? TranscriptParseError else { return false }
            return error.file == "Transcripts/bad.txt" && error.line == line && error.message.contains(message)
                && error.description.hasPrefix("Transcripts/bad.txt:\(line): ")
        }
    }

    @Test func blankLinesAndCRLFLineEndsBetweenTurnsAreNotPartOfTheReply() throws {
        let transcript = try Transcript(parsing: "> hi\r\nHello!\r\n\r\n\r\n> bye\r\nBye!\r\n", file: "t.txt")
        #expect(transcript.turns.map(\.reply) == [[.exact("Hello!")], [.exact("Bye!")]])
    }
}

/// A recording interrupted in the middle of a turn: the turns before it stay, the unfinished one goes.
@Suite("Interrupted recordings")
struct InterruptedRecordingTests {
    let complete = "> hi\nHello!\n~ intent: greeting\n"

    @Test(
        "An unfinished turn, however much of it was written, is left out",
        arguments: [
            "\u{0}", "\u{0}> thanks", "\u{0}> thanks\nYou're welcome", "\u{0}> thanks\nYou're welcome\n~ intent: thanks\n",
        ])
    func unfinishedTurnsAreLeftOut(tail: String) throws {
        let transcript = try Transcript(parsing: complete + tail, file: "t.txt")
        #expect(transcript.turns.map(\.message) == ["hi"])
        #expect(transcript.unfinishedTurnLine == 4)
        #expect(transcript.text == complete)
    }

    @Test func aFinishedFileHasNoUnfinishedTurn() throws {
        let transcript = try Transcript(parsing: complete + "\n> thanks\nYou're welcome\n", file: "t.txt")
        #expect(transcript.turns.count == 2)
        #expect(transcript.unfinishedTurnLine == nil)
    }

    @Test func aReplyLineThatStartsWithNULIsEscapedSoItCannotLookUnfinished() throws {
        let transcript = Transcript(turns: [.init(message: "hi", reply: [.exact("\u{0}odd"), .exact("fine")])])
        #expect(transcript.text == "> hi\n\\\u{0}odd\nfine\n")
        let reread = try Transcript(parsing: transcript.text, file: "t.txt")
        #expect(reread.turns.map(\.reply) == [[.exact("\u{0}odd"), .exact("fine")]])
        #expect(reread.unfinishedTurnLine == nil)
    }
}
