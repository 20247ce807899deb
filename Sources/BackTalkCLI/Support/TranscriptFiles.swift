import Foundation

/// The transcript files that `replay` arguments name: files as given, and the
/// `*.txt` files directly inside folders, sorted by name.
enum TranscriptFiles {
    /// The extension of transcript files, so that a folder can hold a README beside them.
    static let pathExtension = "txt"

    /// Every file the paths name, or an error for a path that is missing or
    /// a folder with no transcripts: an empty run must never pass silently.
    static func expand(_ paths: [String]) throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.message("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw CLIError.message("cannot read the folder \(path)")
            }
            let transcripts = names.filter { $0.hasSuffix("." + pathExtension) && !$0.hasPrefix(".") }.sorted()
            guard !transcripts.isEmpty else {
                throw CLIError.message("no transcripts (*.\(pathExtension)) in \(path)")
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            files += transcripts.map { folder + $0 }
        }
        return files
    }
}
