import Foundation
import Testing

/// `backtalk` at a terminal, driven through a pseudo-terminal as a person would use it.
@Suite("The chat at a terminal")
struct REPLTests {
    static let question = "what causes back spasms"
    /// The start of the answer to ``question``: never part of what is typed.
    static let answer = "Most back spasms come from"
    /// Select Graphic Rendition (bold, colour): what NO_COLOR forbids.
    static var colourCode: Regex<Substring> { #/\x{1B}\[[0-9;]*m/# }

    /// A session without colour, so that expectations read plainly.
    func plainSession(_ arguments: [String] = [], environment: [String: String] = [:], home: URL? = nil) throws -> TerminalSession {
        try TerminalSession(arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 }, home: home)
    }

    /// Types the usual question and waits for its answer and the next prompt.
    func askTheQuestion(_ session: TerminalSession, sourceLocation: SourceLocation = #_sourceLocation) {
        session.type(Self.question + "\r")
        #expect(session.waitFor(Self.answer), sourceLocation: sourceLocation)
        #expect(session.waitForPrompt(), sourceLocation: sourceLocation)
    }

    @Test func startsWithABannerThatSaysWhatItIsAndIsNot() throws {
        let session = try plainSession()
        #expect(session.waitFor("general information, not a diagnosis"))
        #expect(session.waitFor("In an emergency, call 999, 911 or 112"))
        #expect(session.waitFor("/help"))
        #expect(session.waitForPrompt())
    }

    @Test func answersATypedQuestion() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type(Self.question + "\r")
        #expect(session.waitFor(Self.answer))
        #expect(session.waitFor("You could also ask:"))
    }

    @Test func anEmergencyIsImpossibleToMissEvenWithoutColour() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("I can't control my bladder\r")
        #expect(session.waitFor("*** EMERGENCY: call 999, 911 or 112 now. ***"))
        #expect(session.waitFor("cauda equina"))
    }

    @Test func followUpQuestionsAreAnsweredAtThePrompt() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("is this serious?\r")
        #expect(session.waitFor("genitals"))
        #expect(session.waitForPrompt())
        session.type("nope\r")
        #expect(session.waitFor("tingly"))
    }

    @Test func upRecallsThePreviousLine() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{1B}[A")
        #expect(session.waitFor(Self.question))
        session.type("\r")
        #expect(session.waitFor(Self.answer), "the recalled line is asked again")
    }

    @Test func tabCompletesSlashCommands() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("/he\t")
        #expect(session.waitFor("/help"))
        session.type("\r")
        #expect(session.waitFor("show how your last message was understood and answered"))
    }

    @Test func tabCompletesTopicTitles() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("heat or\t")
        #expect(session.waitFor("Heat or ice for a back spasm"))
        session.type("\r")
        #expect(session.waitFor("heat is usually the better choice"))
    }

    @Test func ctrlCAbandonsTheLineAndKeepsTheSession() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("something half typed\u{03}")
        #expect(session.waitFor("^C"))
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(!session.output.contains("I can only help with"), "the abandoned line was not answered")
    }

    @Test("SIGTERM or SIGHUP while a reply is being made ends the session", arguments: [SIGTERM, SIGHUP])
    func aSignalDuringAReplyIsActedOn(signal: Int32) throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        // Many questions at once, and nothing read: the replies fill the terminal's
        // buffer and the program blocks writing one, away from its prompt.
        session.type(String(repeating: Self.question + "\r", count: 40))
        Thread.sleep(forTimeInterval: 1)
        session.send(signal: signal)
        #expect(session.waitForExit(timeout: 30) == 128 + signal, "the signal is not dropped at the next prompt")
        #expect(session.output.components(separatedBy: Self.answer).count < 41, "the session stopped early")
        let history = try String(contentsOf: session.historyFile, encoding: .utf8)
        #expect(history == Self.question + "\n", "history is saved")
    }

    @Test("SIGTERM or SIGHUP at the prompt ends the session", arguments: [SIGTERM, SIGHUP])
    func aSignalAtThePromptIsActedOn(signal: Int32) throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("half typed")
        #expect(session.waitFor("half typed"))
        session.send(signal: signal)
        #expect(session.waitForExit() == 128 + signal)
        #expect(try String(contentsOf: session.historyFile, encoding: .utf8) == Self.question + "\n")
    }

    @Test func ctrlDSaysGoodbyeAndExitsZero() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("\u{04}")
        #expect(session.waitFor("Take care. Goodbye."))
        #expect(session.waitForExit() == 0)
    }

    @Test func quitSaysGoodbyeAndExitsZero() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("/quit\r")
        #expect(session.waitFor("Take care. Goodbye."))
        #expect(session.waitForExit() == 0)
    }

    @Test func anUnknownCommandGetsAHint() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        session.type("/frobnicate now\r")
        #expect(session.waitFor("Unknown command /frobnicate. Type /help for the commands."))
        session.type(Self.question + "\r")
        #expect(session.waitFor(Self.answer), "the session goes on")
    }

    @Test func whyExplainsTheLastMessageWithoutEchoingEscapes() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        // Ctrl-V makes readline insert the next key, here ESC, as it is.
        session.type("\u{16}\u{1B}[31msymtoms of back spams\r")
        #expect(session.waitForPrompt())
        session.type("/why\r")
        #expect(session.waitFor("corrected:   symtoms -> symptoms"))
        #expect(session.waitFor("decision:    symptoms"))
        let explanation = try #require(session.output.components(separatedBy: "/why").last)
        #expect(!explanation.contains("\u{1B}"), "the person's text is sanitized")
    }

    @Test func historyIsPrivateAndRecalledInTheNextSession() throws {
        let first = try plainSession()
        #expect(first.waitForPrompt())
        first.type(Self.question + "\r")
        #expect(first.waitFor(Self.answer))
        #expect(first.waitForPrompt())
        first.type("\u{04}")
        #expect(first.waitForExit() == 0)

        let attributes = try FileManager.default.attributesOfItem(atPath: first.historyFile.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: first.historyFile.deletingLastPathComponent().path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        #expect(try String(contentsOf: first.historyFile, encoding: .utf8).contains(Self.question))

        let home = FileManager.default.temporaryDirectory.appending(path: "backtalk-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appending(path: "state"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: first.historyFile.deletingLastPathComponent(), to: home.appending(path: "state/backtalk"))
        let second = try plainSession(home: home)
        #expect(second.waitForPrompt())
        second.type("\u{1B}[A\r")
        #expect(second.waitFor(Self.answer), "Up recalls a line from the last session")
    }

    /// A home whose state folder holds a `backtalk` entry made by `prepare`, and another file of the user's.
    func preparedHome(_ prepare: (_ folder: URL, _ victim: URL) throws -> Void) throws -> (home: URL, victim: URL) {
        let home = FileManager.default.temporaryDirectory.appending(path: "backtalk-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appending(path: "state"), withIntermediateDirectories: true)
        let victim = home.appending(path: "notes.txt")
        try "private notes\n".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: victim.path)
        try prepare(home.appending(path: "state/backtalk"), victim)
        return (home, victim)
    }

    func permissions(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    @Test func aHistoryFolderOthersCanWriteIsRefusedOnceAndTheChatGoesOn() throws {
        let (home, _) = try preparedHome { folder, _ in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        }
        let session = try plainSession(home: home)
        #expect(session.waitFor("history is off: "))
        #expect(session.waitFor("can be written by other users"))
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(session.output.components(separatedBy: "history is off").count == 2, "said once")
        #expect(!FileManager.default.fileExists(atPath: session.historyFile.path), "nothing written there")
    }

    @Test func aHistoryFolderThatIsALinkIsRefusedAndItsTargetLeftAlone() throws {
        let (home, _) = try preparedHome { folder, _ in
            let target = folder.deletingLastPathComponent().deletingLastPathComponent().appending(path: "shared")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: target)
        }
        let target = home.appending(path: "shared")
        let session = try plainSession(home: home)
        #expect(session.waitFor("is a symbolic link"))
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(try permissions(target) == 0o755, "not chmodded through the link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func aHistorySwappedForALinkMidSessionGetsNoMessages() throws {
        let (home, victim) = try preparedHome { _, _ in }
        let session = try plainSession(home: home)
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        try FileManager.default.removeItem(at: session.historyFile)
        try FileManager.default.createSymbolicLink(at: session.historyFile, withDestinationURL: victim)
        session.type("my private worry\r")
        #expect(session.waitFor("is a symbolic link"))
        #expect(session.waitForPrompt())
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "private notes\n", "neither appended to nor cut")
        #expect(try permissions(victim) == 0o644, "not chmodded")
    }

    @Test(
        "History can be turned off",
        arguments: [
            (["--no-history"], [:]), ([], ["BACKTALK_NO_HISTORY": "1"]),
        ] as [([String], [String: String])])
    func historyTurnedOff(arguments: [String], environment: [String: String]) throws {
        let session = try plainSession(arguments, environment: environment)
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: session.historyFile.path))
    }

    @Test(
        "NO_COLOR or --no-color means no colour codes",
        arguments: [
            ([], ["NO_COLOR": "1"]), (["--no-color"], [:]),
        ] as [([String], [String: String])])
    func noColour(arguments: [String], environment: [String: String]) throws {
        let session = try TerminalSession(arguments, environment: environment)
        #expect(session.waitForPrompt())
        session.type(Self.question + "\r")
        #expect(session.waitForPrompt())
        session.type("/help\r")
        #expect(session.waitForPrompt())
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(session.output.contains(Self.answer))
        #expect(session.output.firstMatch(of: Self.colourCode) == nil)
    }

    @Test func colourAtATerminalByDefault() throws {
        let session = try TerminalSession()
        #expect(session.waitFor("> "))
        session.type("\u{04}")
        #expect(session.waitForExit() == 0)
        #expect(session.output.firstMatch(of: Self.colourCode) != nil)
    }

    @Test func controlCharactersAndLongLinesNeitherCrashNorHang() throws {
        let session = try plainSession()
        #expect(session.waitForPrompt())
        for line in [
            "", "   ", "\u{07}\u{08}\u{16}\u{00}back\u{16}\u{7F} spasm \u{16}\u{9B}31m",
            String(repeating: "my back hurts ", count: 300),
        ] {
            session.type(line + "\r")
            #expect(session.waitForPrompt(timeout: 30))
        }
        session.type(bytes: [0x62, 0x61, 0x63, 0x6B, 0xFF, 0xFE, 0xC3, 0x0D])  // "back", then invalid UTF-8
        #expect(session.waitForPrompt())
        askTheQuestion(session)
        session.type("\u{04}")
        #expect(session.waitForExit(timeout: 30) == 0)
    }
}
