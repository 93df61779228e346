import Foundation

/// A list a section repeats its body for (`{{#items}}…{{/items}}`).
package protocol TemplateSequence {
    var templateElements: [Any] { get }
}

extension Array: TemplateSequence {
    package var templateElements: [Any] { map { $0 } }
}

extension ReversedCollection: TemplateSequence {
    package var templateElements: [Any] { map { $0 } }
}

/// A string-keyed table answers its keys, as a context does.
extension Dictionary: TemplateObject where Key == String {
    package func child(named name: String) -> Any? { self[name] }
}

// The transforms a template may apply, `{{name(value)}}`, by kind of value a context holds —
// the template library's set for those kinds, so that a theme written for it renders the same.

extension StringProtocol {
    func templateTransform(_ name: String) -> Any? {
        switch name {
        case "empty": isEmpty
        case "capitalized": capitalized
        case "lowercased": lowercased()
        case "uppercased": uppercased()
        case "reversed": Substring(reversed())
        default: nil
        }
    }
}

extension String: TemplateTransformable {
    package func transform(_ name: String) -> Any? { templateTransform(name) }
}

extension Substring: TemplateTransformable {
    package func transform(_ name: String) -> Any? { templateTransform(name) }
}

/// `sorted`, for the lists whose items can be compared.
private protocol SortableTemplateSequence {
    var sortedAny: Any { get }
}

extension Array: SortableTemplateSequence where Element: Comparable {
    fileprivate var sortedAny: Any { sorted() }
}

extension ReversedCollection: SortableTemplateSequence where Element: Comparable {
    fileprivate var sortedAny: Any { sorted() }
}

extension BidirectionalCollection {
    fileprivate func listTransform(_ name: String) -> Any? {
        switch name {
        case "first": first.map { $0 as Any }
        case "last": last.map { $0 as Any }
        case "reversed": reversed()
        case "count": count
        case "empty": isEmpty
        case "sorted": (self as? any SortableTemplateSequence)?.sortedAny
        default: nil
        }
    }
}

extension Array: TemplateTransformable {
    package func transform(_ name: String) -> Any? { listTransform(name) }
}

extension ReversedCollection: TemplateTransformable {
    package func transform(_ name: String) -> Any? { listTransform(name) }
}

extension Dictionary: TemplateTransformable {
    package func transform(_ name: String) -> Any? {
        switch name {
        case "count": return count
        case "empty": return isEmpty
        case "enumerated": return map { (key: $0.key, value: $0.value) }
        case "sorted":
            guard let keys = self as? [String: Value] else { return nil }
            return keys.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
        default: return nil
        }
    }
}

extension FixedWidthInteger {
    func templateTransform(_ name: String) -> Any? {
        switch name {
        case "equalzero": self == 0
        case "plusone": self + 1
        case "minusone": self - 1
        case "even": self & 1 == 0
        case "odd": self & 1 == 1
        default: nil
        }
    }
}

extension Int: TemplateTransformable {
    package func transform(_ name: String) -> Any? { templateTransform(name) }
}
