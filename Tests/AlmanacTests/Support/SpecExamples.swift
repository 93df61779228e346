import Foundation
import Testing

/// An example of a Markdown spec in `../shared/commonmark/` (the CommonMark spec, GitHub's
/// extensions): the Markdown and the HTML the reference implementation renders for it.
struct SpecExample: Decodable {
    let example: Int
    let section: String
    let markdown: String
    let html: String

    /// Every example in `../shared/<path>`.
    static func load(_ path: String) throws -> [SpecExample] {
        try JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: SharedMaterial.file(path)))
    }

    /// Runs a test only where `../shared/<path>` exists, and says which file is absent otherwise.
    static func available(_ path: String) -> ConditionTrait {
        .enabled(if: SharedMaterial.exists(path), Comment(rawValue: "../shared/\(path) is absent"))
    }
}
