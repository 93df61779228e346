import Foundation

/// Runs an executable as a test does: with the environment given (nothing inherited), to its
/// end, returning its exit status and the text of the streams asked for.
enum TestProcess {
    enum Streams {
        /// Standard error only; standard output goes to a pipe nobody reads.
        case standardError
        /// Standard output and standard error together, in the order written.
        case both
    }

    static func run(_ executable: URL?, _ arguments: [String], environment: [String: String],
                    reading streams: Streams) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = streams == .both ? pipe : Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
