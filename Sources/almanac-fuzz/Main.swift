import Foundation

/// SwiftPM links an executable's entry point under its own name, so libFuzzer's `main` is never
/// used: under `-DFUZZING` this entry point hands control to libFuzzer's driver. Built plainly
/// (`swift build`), it replays the files given as arguments, so that a crash found by `make fuzz`
/// reruns under a debugger with `.build/debug/almanac-fuzz .fuzz/crashes/crash-…`.
@main
struct FuzzMain {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in almanacFuzzOneInput(bytes, count) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            _ = data.withUnsafeBytes { almanacFuzzOneInput($0.baseAddress, $0.count) }
            print("ok \(path)")
        }
        #endif
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt
#endif
