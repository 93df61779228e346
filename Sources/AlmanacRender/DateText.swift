import AlmanacContent
import AlmanacCore
import AlmanacMarkdown
/// Dates as a reader reads them («5 мая 2024», «May 5, 2024»), in the words of templates/i18n:
/// `date.months` lists the twelve month names, `date.format` places `{day}`, `{month}`, `{year}`.
/// Plain Swift string work: Foundation's `replacingOccurrences` cost a build of 10,000 pages half a second.
package struct DateText {
    package let strings: UIStrings

    package func long(_ date: IsoDate) -> String {
        let months = strings["date.months"].split(separator: ",").map { $0.trimmingSpaces() }
        guard months.count == 12 else { return date.text }
        var rest = Substring(strings.values["date.format"] ?? "{day} {month} {year}")
        var out = ""
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("{day}") { out += String(date.day); rest = rest.dropFirst(5) }
            else if rest.hasPrefix("{month}") { out += months[date.month - 1]; rest = rest.dropFirst(7) }
            else if rest.hasPrefix("{year}") { out += String(date.year); rest = rest.dropFirst(6) }
            else { out += "{"; rest = rest.dropFirst() }
        }
        return out + rest
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    package func trimmingSpaces() -> String {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
