/// Placeholder until the search branch lands with the real settings.
public struct SearchSettings: Sendable {
    public var synonyms: [[String]]
    public var typeBoosts: [String: Double]
    public init(synonyms: [[String]] = [], typeBoosts: [String: Double] = [:]) {
        self.synonyms = synonyms
        self.typeBoosts = typeBoosts
    }
}
