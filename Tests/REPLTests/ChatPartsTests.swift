import BackTalk
import Testing

@testable import BackTalkCLI

/// The chat's parts that need no terminal: commands, layout, completion, history's place.
@Suite("The chat's parts")
struct ChatPartsTests {
    /// The bundled knowledge base's banners and headings.
    let texts: InterfaceTexts

    init() throws {
        texts = try KnowledgeBase.bundled().interfaceTexts
    }

    @Test func slashCommandsAreParsedAndMessagesLeftAlone() {
        #expect(SlashCommand(parsing: "/help") == .help)
        #expect(SlashCommand(parsing: "  /TOPICS ") == .topics)
        #expect(SlashCommand(parsing: "/record  my notes.txt ") == .record(path: "my notes.txt"))
        #expect(SlashCommand(parsing: "/record") == .record(path: nil))
        #expect(SlashCommand(parsing: "/exit") == .quit)
        #expect(SlashCommand(parsing: "/frob it") == .unknown("/frob"))
        #expect(SlashCommand(parsing: "what does /help do") == nil)
        #expect(SlashCommand(parsing: "") == nil)
    }

    @Test func theUnknownCommandHintCarriesNoEscapes() throws {
        let hint = ChatTexts.unknownCommand("/x\u{1B}[2J\u{07}", texts: try KnowledgeBase.bundled().interfaceTexts)
        #expect(!hint.contains("\u{1B}") && !hint.contains("\u{07}"))
        #expect(hint.hasSuffix("Type /help for the commands."))
    }

    @Test func wrappingKeepsLinesWithinTheWidthAndListItemsAligned() {
        let text = "A short line.\n- " + String(repeating: "word ", count: 30) + "\n\n" + String(repeating: "x", count: 95)
        let lines = TextWrapper.wrap(text, width: 40)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[0] == "A short line.")
        #expect(lines[1].hasPrefix("- word"))
        #expect(lines[2].hasPrefix("  word"), "a list item's next line starts under its text")
        #expect(lines.contains(""), "blank lines stay")
        #expect(lines.joined().filter { $0 == "x" }.count == 95, "a long word is cut, not lost")
    }

    @Test func anEmergencyReplyCannotBeMissed() {
        let reply = Reply(text: "Call 999 now.", intent: "red_flags", confidence: 1, triage: .emergency)
        let plain = ReplyRenderer(texts: texts, style: .plain, width: 80, showsSuggestions: true).lines(for: reply)
        #expect(plain.first?.contains("EMERGENCY") == true)
        #expect(plain.last?.contains("EMERGENCY") == true)
        let coloured = ReplyRenderer(texts: texts, style: TerminalStyle(isEnabled: true), width: 80, showsSuggestions: true).lines(
            for: reply)
        #expect(coloured.first?.hasPrefix("\u{1B}[1;97;41m EMERGENCY ") == true)
        #expect(coloured.contains("\u{1B}[1mCall 999 now.\u{1B}[0m"))
        #expect(plain.first == "*** EMERGENCY: call 999, 911 or 112 now. ***", "worded by replies.yaml")
        #expect(coloured.first == "\u{1B}[1;97;41m EMERGENCY \u{1B}[0m \u{1B}[1;31mCall 999, 911 or 112 now.\u{1B}[0m")
    }

    @Test func theBannersAndHeadingsComeFromTheKnowledgeBase() {
        var texts = texts
        texts.emergencyNumbers = "000"
        texts.urgentLabel = "DRINGEND"
        texts.suggestionsIntro = "Fragen Sie auch:"
        texts.banner = ["{name}!", "Notfall: {numbers}."]
        let urgent = Reply(text: "See a GP today.", intent: "red_flags", confidence: 1, triage: .urgent, suggestions: ["Heat or ice"])
        let lines = ReplyRenderer(texts: texts, style: .plain, width: nil, showsSuggestions: true).lines(for: urgent)
        #expect(lines.first == "DRINGEND: get medical advice today.")
        #expect(lines.contains("Fragen Sie auch:"))
        let emergency = Reply(text: "Now.", intent: "emergency", confidence: 1, triage: .emergency)
        #expect(
            ReplyRenderer(texts: texts, style: .plain, width: nil, showsSuggestions: true).lines(for: emergency).first
                == "*** EMERGENCY: call 000 now. ***")
        #expect(ChatTexts.banner(texts, style: .plain) == ["BackTalk!", "Notfall: 000."])
        #expect(
            ChatTexts.banner(texts, style: TerminalStyle(isEnabled: true))
                == ["\u{1B}[1mBackTalk\u{1B}[0m!", "\u{1B}[1;31mNotfall: 000.\u{1B}[0m"])
    }

    @Test func anOrdinaryReplyInAPipeIsJustItsText() {
        let reply = Reply(text: "Heat helps.\u{1B}[31m", intent: "heat_cold", confidence: 1, suggestions: ["Preventing back spasms"])
        let lines = ReplyRenderer(texts: texts, style: .plain, width: nil, showsSuggestions: false).lines(for: reply)
        #expect(lines == ["Heat helps.?"])
    }

    @Test func tabCompletesCommandsAndTitlesWhateverTheirCase() {
        TabCompletion.commands = SlashCommand.names
        TabCompletion.titles = ["Heat or ice for a back spasm", "How back spasms are treated", "What causes back spasms"]
        #expect(TabCompletion.matches(for: "/he") == ["/help"])
        #expect(TabCompletion.matches(for: "/RE") == ["/reset", "/record"])
        #expect(TabCompletion.matches(for: "h") == ["Heat or ice for a back spasm", "How back spasms are treated"])
        #expect(TabCompletion.matches(for: "WHAT c") == ["What causes back spasms"])
        #expect(TabCompletion.matches(for: "nothing like it").isEmpty)
    }

    @Test func historyLivesInTheXDGStateFolderAndCanBeTurnedOff() {
        #expect(HistoryStore.defaultPath(in: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/backtalk/history")
        #expect(HistoryStore.defaultPath(in: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/backtalk/history")
        #expect(HistoryStore.defaultPath(in: [:]) == nil)
        #expect(HistoryStore.isDisabled(in: ["BACKTALK_NO_HISTORY": "1"]))
        #expect(!HistoryStore.isDisabled(in: ["BACKTALK_NO_HISTORY": "0"]))
        #expect(!HistoryStore.isDisabled(in: [:]))
    }
}
