import ArgumentParser
import BackTalk
import BackTalkAuthoring
import Foundation

/// `backtalk record FILE`: a conversation like `chat`, saved as a transcript as it goes.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk with BackTalk and save the conversation as a transcript.",
        discussion: """
            Reads one message per line, like chat, and saves each turn to FILE as soon as \
            it is made: an interruption leaves every complete turn saved. Replay it with \
            backtalk replay FILE.
            """
    )

    @Argument(help: "The transcript to write, such as Transcripts/heat.txt.")
    var file: String

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    @Flag(help: "Print each reply as one line of JSON.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("give the transcript a file name, such as Transcripts/new.txt") }
    }

    func run() throws {
        let engine = try engineOptions.engine()
        var recorder: TranscriptRecorder
        do throws(TranscriptRecorderError) {
            recorder = try TranscriptRecorder(path: file, force: force)
        } catch {
            throw CLIError.message(error.description)
        }
        var conversation = Conversation()
        let output = Output()
        let interactive = isatty(STDIN_FILENO) == 1 && !json
        if interactive {
            try output.line("Recording to \(file). Press Ctrl-D to stop.")
            try output.line()
        }
        while true {
            if interactive { try output.raw("> ") }
            guard let line = readLine(strippingNewline: true) else { break }
            let reply = engine.reply(to: line, in: &conversation)
            // Saved before it is shown: a reply on the screen is a reply in the file,
            // even if printing it fails.
            do throws(TranscriptRecorderError) {
                try recorder.record(message: line, reply: reply)
            } catch {
                throw CLIError.message(error.description)
            }
            if json {
                try output.json(reply)
            } else {
                try output.plain(reply, suggestionsIntro: engine.knowledgeBase.interfaceTexts.suggestionsIntro)
                try output.line()
            }
        }
    }
}
