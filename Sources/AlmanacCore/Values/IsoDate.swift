import Foundation

/// A calendar date written as YYYY-MM-DD, comparable for review deadlines.
public struct IsoDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int

    public init?(_ s: String) {
        let parts = s.prefix(10).split(separator: "-")
        guard s.count == 10 || s.count > 10 && (s.dropFirst(10).first == "T" || s.dropFirst(10).first == " "),
              parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(m), (1...31).contains(d) else { return nil }
        year = y; month = m; day = d
    }

    public static func < (a: IsoDate, b: IsoDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    // Not String(format:): Foundation's formatter showed in the profile of a 10,000-page build.
    public var text: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The calendar day where the build runs: a review deadline passes at local midnight.
    public static func today(_ now: Date = Date()) -> IsoDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now)
        return IsoDate(String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1))!
    }
}
