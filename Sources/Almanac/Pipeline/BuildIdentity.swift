import Foundation

/// Which Almanac made a cache: the running binary (its size and modification time, which a new
/// build of it changes) and the cache format. Hashing the binary's 40 MB would cost more than an
/// unchanged rebuild is allowed to take.
enum BuildIdentity {
    /// Bumped whenever a cached value's layout or meaning changes.
    static let formatVersion = 5

    static let current: ContentHash = {
        var hasher = ContentHasher()
        hasher.add("almanac-cache")
        hasher.add(formatVersion)
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        hasher.add(executable)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            hasher.add((attributes[.size] as? Int) ?? 0)
            hasher.add(Int(((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1000))
        }
        return hasher.finish()
    }()
}
