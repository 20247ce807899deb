import CLibFuzzer
import Glibc

/// Runs libFuzzer on `target` with the program's arguments (`-max_total_time=60`,
/// corpus folders...), and exits with its status.
///
/// SwiftPM gives every executable a `main` of its own, so the targets start
/// libFuzzer themselves rather than relying on libFuzzer's `main`.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
