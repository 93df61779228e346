import Yams

/// Reads YAML into `MetaValue`s that remember their lines, for front matter and almanac.yml alike.
package enum YAMLReader {
    package struct Failure: Error {
        package var message: String
        /// 1-based line within the YAML text.
        package var line: Int
        package var column: Int
    }

    /// Parses a YAML mapping. Empty text is an empty mapping.
    package static func readMapping(_ text: String, lineOffset: Int = 0) -> Result<[MetaEntry], Failure> {
        let node: Node?
        do {
            // The encoding named: Yams' default reads the whole environment on every call (a
            // dictionary of every variable, 1.5 % of a 10,000-page build) and may be switched
            // by a variable of the writer's shell.
            node = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            return .failure(failure(from: error, lineOffset: lineOffset))
        } catch {
            return .failure(Failure(message: "\(error)", line: lineOffset + 1, column: 0))
        }
        guard let node else { return .success([]) }
        guard case .map(let entries) = convert(node, lineOffset: lineOffset) else {
            let line = (node.mark?.line ?? 1) + lineOffset
            return .failure(Failure(message: DiagnosticMessage.yamlMappingExpected.text, line: line, column: 1))
        }
        return .success(entries)
    }

    private static func failure(from error: YamlError, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Failure(message: problem, line: mark.line + lineOffset, column: mark.column)
        default:
            return Failure(message: "\(error)", line: lineOffset + 1, column: 0)
        }
    }

    private static func convert(_ node: Node, lineOffset: Int) -> MetaValue {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar)
        case .sequence(let seq):
            return .list(seq.map { convert($0, lineOffset: lineOffset) })
        case .mapping(let map):
            var entries: [MetaEntry] = []
            for (key, value) in map {
                let line = (key.mark?.line ?? 0) + lineOffset
                entries.append(MetaEntry(key: key.string ?? "", value: convert(value, lineOffset: lineOffset), line: line))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }

    /// Plain scalars get YAML 1.2 core types; quoted ones stay strings, as writers expect.
    private static func scalarValue(_ scalar: Node.Scalar) -> MetaValue {
        let s = scalar.string
        guard scalar.style == .plain else { return .string(s) }
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = Int(s) { return .int(i) }
        if s.contains("."), let d = Double(s), d.isFinite { return .double(d) }
        return .string(s)
    }
}
