/// Dates as a reader reads them («5 мая 2024», «May 5, 2024»), in the words of templates/i18n:
/// `date.months` lists the twelve month names, `date.format` places `{day}`, `{month}`, `{year}`.
struct DateText {
    let strings: UIStrings

    func long(_ date: IsoDate) -> String {
        let months = strings["date.months"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard months.count == 12 else { return date.text }
        let format = strings.values["date.format"] ?? "{day} {month} {year}"
        return format.replacingOccurrences(of: "{day}", with: String(date.day))
            .replacingOccurrences(of: "{month}", with: months[date.month - 1])
            .replacingOccurrences(of: "{year}", with: String(date.year))
    }
}
