import Foundation
import Testing
@testable import Almanac

/// Whole files read into arrays without zeroing them first: every byte must be the file's.
@Suite struct FileBytesTests {
    @Test(arguments: [0, 1, 4095, 65_537, 300_001]) func aFileReadsBackByteForByte(_ size: Int) throws {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
        let file = Fixtures.temporaryDirectory().appendingPathComponent("f.bin")
        try Data(bytes).write(to: file)
        let read = try #require(FileBytes.read(file.path))
        #expect(read.bytes == bytes)
        #expect(Int(read.info.st_size) == size)
    }

    @Test func whatIsNotARegularFileIsNotRead() {
        let folder = Fixtures.temporaryDirectory()
        #expect(FileBytes.read(folder.path) == nil)
        #expect(FileBytes.read(folder.appendingPathComponent("missing").path) == nil)
    }
}
