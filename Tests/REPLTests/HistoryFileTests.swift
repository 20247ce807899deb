import Foundation
import Glibc
import Testing

@testable import BackTalkCLI

/// The history file cannot be made to leak messages or to damage another file.
@Suite("History on disk", .serialized)
struct HistoryFileTests {
    /// A fresh folder standing for `$XDG_STATE_HOME`, removed when `body` ends.
    func withStateHome(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func mode(_ url: URL) throws -> Int {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { throw POSIXError(.ENOENT) }
        return Int(status.st_mode & 0o7777)
    }

    func refusal(_ body: () throws(HistoryError) -> Void) -> String? {
        do throws(HistoryError) {
            try body()
            return nil
        } catch {
            return error.description
        }
    }

    /// Another file of the user's, which a link in the history folder points at.
    func victim(in folder: URL) throws -> URL {
        let victim = folder.appending(path: "notes.txt")
        try "line 1\nline 2\n".write(to: victim, atomically: true, encoding: .utf8)
        chmod(victim.path, 0o644)
        return victim
    }

    @Test func aFolderOthersCanWriteIsRefusedAndLeftAlone() throws {
        try withStateHome { home in
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o777)
            let message = refusal { () throws(HistoryError) in _ = try HistoryFile(folder: folder.path) }
            #expect(message == "history is off: \(folder.path) can be written by other users (fix it with: chmod 700 \(folder.path))")
            #expect(try mode(folder) == 0o777, "not changed: someone else may already have put something in it")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a folder to another user"))
    func aFolderOfAnotherUserIsRefused() throws {
        try withStateHome { home in
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o700)
            chown(folder.path, 65534, 65534)
            let message = refusal { () throws(HistoryError) in _ = try HistoryFile(folder: folder.path) }
            #expect(message == "history is off: \(folder.path) belongs to another user")
        }
    }

    @Test func aFolderThatIsALinkIsRefusedAndNeverChmoddedThrough() throws {
        try withStateHome { home in
            let target = home.appending(path: "elsewhere")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            chmod(target.path, 0o755)
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: target)
            let message = refusal { () throws(HistoryError) in _ = try HistoryFile(folder: folder.path) }
            #expect(message == "history is off: \(folder.path) is a symbolic link; history is kept only in a real folder")
            #expect(try mode(target) == 0o755)
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
        }
    }

    @Test func aReadableFolderOfTheUsersOwnIsMadePrivate() throws {
        try withStateHome { home in
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o755)
            let file = try HistoryFile(folder: folder.path)
            try file.append("my back hurts")
            #expect(try mode(folder) == 0o700)
            #expect(try mode(folder.appending(path: "history")) == 0o600)
            #expect(try file.load(capacity: 10, longestLine: 100) == ["my back hurts"])
        }
    }

    @Test func aHistorySwappedForALinkMidSessionReceivesNothing() throws {
        try withStateHome { home in
            let victim = try victim(in: home)
            let folder = home.appending(path: "backtalk")
            let file = try HistoryFile(folder: folder.path)
            try file.append("first message")
            let history = folder.appending(path: "history")
            try FileManager.default.removeItem(at: history)
            try FileManager.default.createSymbolicLink(at: history, withDestinationURL: victim)

            let message = refusal { () throws(HistoryError) in try file.append("I think I have cancer") }
            #expect(message == "history is off: \(history.path) is a symbolic link")
            #expect(refusal { () throws(HistoryError) in try file.cap(to: 1) } != nil)
            #expect(try String(contentsOf: victim, encoding: .utf8) == "line 1\nline 2\n", "not appended to, not truncated")
            #expect(try mode(victim) == 0o644, "not chmodded")
        }
    }

    @Test func aHistoryThatIsALinkFromTheStartIsNeitherReadNorCut() throws {
        try withStateHome { home in
            let victim = try victim(in: home)
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: folder.appending(path: "history"), withDestinationURL: victim)
            let file = try HistoryFile(folder: folder.path)
            #expect(refusal { () throws(HistoryError) in _ = try file.load(capacity: 1, longestLine: 100) } != nil)
            #expect(refusal { () throws(HistoryError) in try file.cap(to: 1) } != nil)
            #expect(try String(contentsOf: victim, encoding: .utf8) == "line 1\nline 2\n")
            #expect(try mode(victim) == 0o644)
        }
    }

    @Test func aFIFOInPlaceOfTheHistoryCannotBlockTheChat() throws {
        try withStateHome { home in
            let folder = home.appending(path: "backtalk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            mkfifo(folder.appending(path: "history").path, 0o600)
            let file = try HistoryFile(folder: folder.path)
            #expect(refusal { () throws(HistoryError) in _ = try file.load(capacity: 1, longestLine: 100) } != nil)
            #expect(refusal { () throws(HistoryError) in try file.append("hi") } != nil)
        }
    }

    @Test func theCappedFileReplacesTheOldOneWholeAndPrivately() throws {
        try withStateHome { home in
            let folder = home.appending(path: "backtalk")
            let file = try HistoryFile(folder: folder.path)
            for number in 1...1_050 { try file.append("message \(number)") }
            let history = folder.appending(path: "history")
            let before = try FileManager.default.attributesOfItem(atPath: history.path)[.systemFileNumber] as? Int
            try file.cap(to: 1_000)
            let lines = try String(contentsOf: history, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1_000)
            #expect(lines.first == "message 51" && lines.last == "message 1050")
            #expect(try mode(history) == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history"], "no temporary file is left")
            let after = try FileManager.default.attributesOfItem(atPath: history.path)[.systemFileNumber] as? Int
            #expect(before != after, "a new file was renamed into place, not the old one cut")
        }
    }
}
