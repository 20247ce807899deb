import FuzzHarness

/// The built-in knowledge base with a few of its files replaced by fuzzed ones
/// (see ``FuzzHarness/knowledgeBaseFiles(_:)``), loaded, asked a question and linted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKnowledgeBase(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.loadKnowledgeBase(from: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@main
enum FuzzKnowledgeBase {
    static func main() {
        runFuzzer(fuzzKnowledgeBase)
    }
}
