import Foundation

/// Writes a whole file so that a reader, a crash or a kill only ever sees the
/// old contents or the new ones, never part of either.
///
/// The text goes to a hidden temporary file beside the target (`.NAME.partial`,
/// mode 0600), is flushed to disk, and then renamed over the target, which is
/// atomic within one folder. A kill during the write can leave the temporary
/// file behind; the next write to the same target removes it.
struct AtomicFile {
    /// The file written.
    let path: String

    /// The folder holding the file, where the temporary file goes too.
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The temporary file beside the target.
    var temporaryPath: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return directory + "/." + name + ".partial"
    }

    /// Replaces the file's contents with `text`, with permissions `mode`
    /// (by default readable and writable by its owner only).
    func write(_ text: String, mode: mode_t = 0o600) throws(AtomicFileError) {
        close(try create(text, mode: mode, replacing: true))
    }

    /// Puts a new file with `text` in place, as ``write(_:mode:)`` does, and returns it
    /// open for writing, so that more can be added to the same file later.
    ///
    /// With `replacing` false an existing file is never replaced, even one that
    /// appeared after it was checked for: the new file is linked in under the name,
    /// which fails if the name is taken.
    func create(_ text: String, mode: mode_t = 0o600, replacing: Bool) throws(AtomicFileError) -> Int32 {
        let temporary = temporaryPath
        let descriptor = try createTemporary()
        do throws(AtomicFileError) {
            // The mode given to open() is reduced by the umask; make sure it is exactly `mode`.
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set the mode of \(temporary)") }
            try writeAll(Array(text.utf8), to: descriptor)
            guard fsync(descriptor) == 0 else { throw failure("cannot flush \(temporary) to disk") }
            if replacing {
                guard rename(temporary, path) == 0 else { throw failure("cannot replace \(path)") }
            } else {
                guard link(temporary, path) == 0 else {
                    throw errno == EEXIST
                        ? AtomicFileError(message: "\(path) appeared meanwhile; it is left as it was")
                        : failure("cannot create \(path)")
                }
                unlink(temporary)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        syncDirectory()
        return descriptor
    }

    /// Checks now, before anything is said, that the folder exists and takes new files.
    func checkWritable() throws(AtomicFileError) {
        close(try createTemporary())
        unlink(temporaryPath)
    }

    /// Opens a new, empty temporary file; `O_EXCL` and `O_NOFOLLOW` refuse a file or link planted there.
    private func createTemporary() throws(AtomicFileError) -> Int32 {
        let temporary = temporaryPath
        // A leftover from a killed write goes first.
        if unlink(temporary) != 0 && errno != ENOENT { throw failure("cannot remove the old \(temporary)") }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        return descriptor
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(AtomicFileError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write \(temporaryPath)")
            }
            written += count
        }
    }

    /// Makes the rename itself durable, so that a power cut cannot undo it.
    private func syncDirectory() {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private func failure(_ action: String) -> AtomicFileError {
        AtomicFileError(message: "\(action): \(String(cString: strerror(errno)))")
    }
}

/// Why a file could not be written; the target is unchanged.
struct AtomicFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
