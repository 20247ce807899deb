import ArgumentParser
import BackTalk
import BackTalkAuthoring
import Foundation

/// `backtalk replay`: replay transcripts and report those whose replies changed.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay transcripts and compare every reply with the one expected.",
        discussion: """
            Each file is replayed in a fresh conversation. Prints PASS or FAIL per file and, \
            for a failure, the turn and a unified diff of its first divergence; the last \
            line is "N passed, N failed". Exits with status 1 if any file fails.
            """
    )

    @Argument(help: ArgumentHelp("Transcript files, or folders of *.txt transcripts.", valueName: "path"))
    var paths: [String] = ["Transcripts/"]

    @Flag(help: "Rewrite the expected replies of failing transcripts to what BackTalk says now, and name the files changed.")
    var update = false

    @Flag(help: "List the knowledge entries, triage questions and outcomes that no transcript reaches.")
    var coverage = false

    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        if update && coverage { throw ValidationError("choose one of --update and --coverage") }
    }

    func run() throws {
        let files = try TranscriptFiles.expand(paths)
        let engine = try engineOptions.engine()
        let output = Output()
        var passed = 0
        var failed = 0
        var unresolved = 0
        var reached = Set<CoverageTarget>()

        for file in files {
            let transcript: Transcript
            do throws(TranscriptParseError) {
                transcript = try Self.read(file)
            } catch {
                failed += 1
                unresolved += 1
                if !coverage { try output.line("FAIL \(file)") }
                try output.line(error.description)
                continue
            }
            if let line = transcript.unfinishedTurnLine, !coverage {
                // Said on its own line before PASS or FAIL, so that each file's verdict stays one line.
                try output.line("\(file):\(line): a turn cut off when its recording was interrupted is left out")
            }
            let result = engine.replay(transcript)
            reached.formUnion(result.reached)
            if coverage { continue }
            guard let divergence = result.divergence else {
                passed += 1
                try output.line("PASS \(file)")
                continue
            }
            failed += 1
            try output.line("FAIL \(file)")
            try output.line("turn \(divergence.turn):")
            try output.line(divergence.diff)
            if update, let problem = Self.rewrite(file, with: result.updated, engine: engine) {
                unresolved += 1
                try output.line("cannot update \(file): \(problem)")
            } else if update {
                try output.line("updated \(file)")
            } else {
                unresolved += 1
            }
        }

        if coverage {
            let unreached = engine.knowledgeBase.coverageTargets.filter { !reached.contains($0) }
            for target in unreached { try output.line(target.description) }
            if unreached.isEmpty { try output.line("Every entry, question and outcome is reached.") }
            if !unreached.isEmpty || unresolved > 0 { throw ExitCode.failure }
            return
        }
        try output.line("\(passed) passed, \(failed) failed")
        // With --update, a run whose every failure was rewritten has nothing left to fix.
        if unresolved > 0 { throw ExitCode.failure }
    }

    /// The transcript in `file`; an unreadable file is reported like a parse error, at line 1.
    private static func read(_ file: String) throws(TranscriptParseError) -> Transcript {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TranscriptParseError(file: file, line: 1, message: "cannot read this file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TranscriptParseError(file: file, line: 1, message: "not valid UTF-8 text")
        }
        return try Transcript(parsing: text, file: file)
    }

    /// Writes `updated` over `file`, keeping its permissions, after checking
    /// that the new text reads back and replays clean; returns what went wrong, if anything.
    private static func rewrite(_ file: String, with updated: Transcript, engine: Engine) -> String? {
        let text = updated.text
        guard let reread = try? Transcript(parsing: text, file: file), engine.replay(reread).passed else {
            return "the rewritten transcript would not replay clean"
        }
        let mode = ((try? FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]) as? Int).map { mode_t($0) }
        do throws(AtomicFileError) {
            try AtomicFile(path: file).write(text, mode: mode ?? 0o644)
        } catch {
            return error.message
        }
        return nil
    }
}
