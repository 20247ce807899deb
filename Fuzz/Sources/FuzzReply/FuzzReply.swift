import BackTalk
import FuzzHarness

/// Built once: the engine is immutable, and building it per input would be all the fuzzer measured.
private let engine: Engine? = try? Engine()

/// A reply to any message, in a fresh conversation and in any saved state
/// (see ``FuzzHarness/replyInput(_:)`` for how the bytes are read).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let engine else { fatalError("the built-in knowledge base does not load") }
    FuzzHarness.reply(to: Array(UnsafeBufferPointer(start: data, count: size)), engine: engine)
    return 0
}

@main
enum FuzzReply {
    static func main() {
        runFuzzer(fuzzReply)
    }
}
