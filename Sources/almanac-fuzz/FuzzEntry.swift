import AlmanacFuzzing
import Foundation

/// libFuzzer's callback: a problem in the output is a crash, which libFuzzer saves and reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func almanacFuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    if let problem = PageFuzzer.shared.problems(data).first { fatalError(problem) }
    return 0
}
