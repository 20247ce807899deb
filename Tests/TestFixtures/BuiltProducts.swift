import Foundation

/// Executables built beside the test bundle, for tests that run them as a person would.
public enum BuiltProducts {
    /// The `backtalk` executable in the same build folder as the tests.
    public static let backtalk: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appending(path: "backtalk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: ".build/debug/backtalk")
    }()
}
