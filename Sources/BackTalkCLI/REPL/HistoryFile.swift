import Glibc

/// The history file on disk, written so that it can never leak: messages may hold
/// health details.
///
/// - The folder must be a real folder (not a symbolic link), owned by the user and
///   writable by no one else; it is opened once, and every later step goes through
///   that open folder, so that renaming or replacing the path mid-session changes nothing.
/// - Every open refuses a symbolic link (`O_NOFOLLOW`) and anything but a regular
///   file of the user's own with one name; a FIFO cannot block it (`O_NONBLOCK`).
/// - The file is only ever appended to or replaced whole by `rename` (a temporary
///   file in the same folder, mode 0600, flushed first): never truncated in place,
///   so never through a link.
///
/// Readline's own `read_history`, `append_history` and `history_truncate_file`
/// follow symbolic links and truncate in place, so they are not used.
final class HistoryFile {
    /// The file's name in its folder.
    static let name = "history"

    /// The folder, as given.
    let folderPath: String
    /// The file, for messages.
    var path: String { folderPath + "/" + Self.name }
    /// The open folder; every file operation is relative to it.
    private let folder: Int32

    /// Opens (making it if missing, mode 0700) the history folder `folderPath`.
    ///
    /// - Throws: ``HistoryError`` if it is a symbolic link, not a folder, owned by
    ///   someone else or writable by others; nothing in it is touched then.
    init(folder folderPath: String) throws(HistoryError) {
        self.folderPath = folderPath
        try Self.makeParents(of: folderPath)
        if mkdir(folderPath, 0o700) != 0 && errno != EEXIST {
            throw HistoryError.failed("cannot create \(folderPath)", errno)
        }
        var status = stat()
        guard lstat(folderPath, &status) == 0 else { throw HistoryError.failed("cannot examine \(folderPath)", errno) }
        if status.st_mode & S_IFMT == S_IFLNK {
            throw HistoryError.refused("\(folderPath) is a symbolic link; history is kept only in a real folder")
        }
        // O_NOFOLLOW: if the path was swapped for a link since lstat, this fails.
        let descriptor = open(folderPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw HistoryError.failed("cannot open \(folderPath)", errno) }
        do throws(HistoryError) {
            guard fstat(descriptor, &status) == 0 else { throw HistoryError.failed("cannot examine \(folderPath)", errno) }
            guard status.st_uid == geteuid() else {
                throw HistoryError.refused("\(folderPath) belongs to another user")
            }
            guard status.st_mode & 0o022 == 0 else {
                throw HistoryError.refused("\(folderPath) can be written by other users (fix it with: chmod 700 \(folderPath))")
            }
            // Ours and closed to writers: make it unreadable by others too, through the open folder.
            if status.st_mode & 0o077 != 0 && fchmod(descriptor, 0o700) != 0 {
                throw HistoryError.failed("cannot protect \(folderPath)", errno)
            }
        } catch {
            close(descriptor)
            throw error
        }
        folder = descriptor
    }

    deinit {
        close(folder)
    }

    /// The last `capacity` lines of the file (none if there is no file yet), leaving
    /// out lines longer than `longestLine` bytes.
    func load(capacity: Int, longestLine: Int) throws(HistoryError) -> [String] {
        guard let bytes = try readAll() else { return [] }
        return Array(Self.lines(of: bytes).filter { $0.count <= longestLine }.suffix(capacity))
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Adds one line at the end of the file, creating it (mode 0600) if needed.
    func append(_ line: String) throws(HistoryError) {
        let descriptor = try openFile(O_WRONLY | O_APPEND | O_CREAT)
        defer { close(descriptor) }
        try Self.writeAll(Array((line + "\n").utf8), to: descriptor, path: path)
    }

    /// Cuts the file to its last `capacity` lines, if it is longer: the kept lines
    /// go to a new file that then replaces the old one, so that a crash leaves one
    /// or the other, whole.
    func cap(to capacity: Int) throws(HistoryError) {
        guard let bytes = try readAll() else { return }
        let lines = Self.lines(of: bytes)
        guard lines.count > capacity else { return }
        var kept: [UInt8] = []
        for line in lines.suffix(capacity) { kept += line + [0x0A] }

        let temporary = ".\(Self.name).\(getpid()).partial"
        _ = unlinkat(folder, temporary, 0)  // a leftover from a killed session of the same number
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryError.failed("cannot create a file in \(folderPath)", errno) }
        do throws(HistoryError) {
            guard fchmod(descriptor, 0o600) == 0 else { throw HistoryError.failed("cannot protect \(path)", errno) }
            try Self.writeAll(kept, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw HistoryError.failed("cannot flush \(path)", errno) }
            guard close(descriptor) == 0 else { throw HistoryError.failed("cannot close \(path)", errno) }
        } catch {
            close(descriptor)
            unlinkat(folder, temporary, 0)
            throw error
        }
        // rename replaces the name `history`, whatever it is now, and never writes through it.
        guard renameat(folder, temporary, folder, Self.name) == 0 else {
            let error = HistoryError.failed("cannot replace \(path)", errno)
            unlinkat(folder, temporary, 0)
            throw error
        }
        fsync(folder)
    }

    /// The file's bytes, or nil if there is no file yet.
    private func readAll() throws(HistoryError) -> [UInt8]? {
        let descriptor: Int32
        do throws(HistoryError) {
            descriptor = try openFile(O_RDONLY)
        } catch {
            if case .failed(_, let code) = error, code == ENOENT { return nil }
            throw error
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryError.failed("cannot read \(path)", errno)
            }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    /// Opens the history file in the folder with `flags`, refusing a link or anything
    /// but a regular file of the user's own with one name, and making its mode 0600.
    private func openFile(_ flags: Int32) throws(HistoryError) -> Int32 {
        let descriptor = openat(folder, Self.name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw HistoryError.refused("\(path) is a symbolic link") }
            throw HistoryError.failed("cannot open \(path)", errno)
        }
        var status = stat()
        do throws(HistoryError) {
            guard fstat(descriptor, &status) == 0 else { throw HistoryError.failed("cannot examine \(path)", errno) }
            guard status.st_mode & S_IFMT == S_IFREG else { throw HistoryError.refused("\(path) is not a regular file") }
            guard status.st_uid == geteuid() else { throw HistoryError.refused("\(path) belongs to another user") }
            guard status.st_nlink == 1 else { throw HistoryError.refused("\(path) has other names (hard links)") }
            if status.st_mode & 0o7777 != 0o600 && fchmod(descriptor, 0o600) != 0 {
                throw HistoryError.failed("cannot protect \(path)", errno)
            }
            // Back to blocking, now that it is known to be a regular file.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    /// The lines of `bytes`, without their newlines; a last line without one counts too.
    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(HistoryError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryError.failed("cannot write \(path)", errno)
            }
            written += count
        }
    }

    /// Creates each missing folder above `folder` with mode 0700; existing ones are left as they are.
    private static func makeParents(of folder: String) throws(HistoryError) {
        var current = ""
        for component in folder.split(separator: "/").dropLast() {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw HistoryError.failed("cannot create \(current)", errno)
            }
        }
    }
}

/// Why history is off: said once, on standard error, and the chat goes on without it.
enum HistoryError: Error, CustomStringConvertible {
    /// Something is there that history must not be written into.
    case refused(String)
    /// A system call failed, with its `errno`.
    case failed(String, Int32)

    var description: String {
        switch self {
        case .refused(let reason): "history is off: \(reason)"
        case .failed(let action, let code): "history is off: \(action): \(String(cString: strerror(code)))"
        }
    }
}
