import Yams

/// A YAML node of `.heal.yml` with its dotted key, so every complaint names the file, the
/// position and the key.
struct ConfigNode {
    let node: Node
    let key: String
    let file: String

    /// Whether the value is YAML null (`key:` with nothing after it, `~`, `null`), which
    /// heal reads as "use the default".
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return node.null != nil
    }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, column: node.mark?.column,
                    key: key.isEmpty ? nil : key, message: message)
    }

    /// What the value is, for "expected …, got …".
    var kindDescription: String {
        switch node {
        case .scalar(let scalar): "`\(scalar.string)`"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a string, got \(kindDescription)") }
        return scalar.string
    }

    func bool() throws -> Bool {
        guard let value = node.bool else { throw error("expected true or false, got \(kindDescription)") }
        return value
    }

    func int(atLeast minimum: Int) throws -> Int {
        guard let value = node.int, value >= minimum else {
            throw error("expected a whole number ≥ \(minimum), got \(kindDescription)")
        }
        return value
    }

    func double(in range: ClosedRange<Double>) throws -> Double {
        guard let value = node.float, value.isFinite, range.contains(value) else {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound), got \(kindDescription)")
        }
        return value
    }

    /// A positive number of seconds.
    func seconds() throws -> Duration {
        // The upper bound (about 30 years) keeps the conversion to milliseconds from overflowing.
        guard let value = node.float, value.isFinite, value > 0, value <= 1e9 else {
            throw error("expected a number of seconds above 0 and at most 1000000000, got \(kindDescription)")
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// A length of time: a number of seconds, or a number with a unit (`90s`, `60m`, `24h`, `7d`).
    func duration() throws -> Duration {
        guard case .scalar(let scalar) = node, let duration = DurationText.parse(scalar.string) else {
            throw error("expected a duration such as 60m, 24h, 7d or 3600 (seconds), got \(kindDescription)")
        }
        return duration
    }

    /// One of `allowed`.
    func choice(_ allowed: [String]) throws -> String {
        let value = try string()
        guard allowed.contains(value) else {
            throw error("expected one of \(allowed.joined(separator: ", ")), got `\(value)`")
        }
        return value
    }

    /// One of the cases of a string-backed enum.
    func choice<Choice: CaseIterable & RawRepresentable>(_ type: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        let value = try choice(Choice.allCases.map(\.rawValue))
        guard let match = Choice(rawValue: value) else { throw error("unexpected value `\(value)`") }
        return match
    }

    /// A list of strings; a single string is read as a list of one.
    func strings() throws -> [String] {
        switch node {
        case .scalar: return [try string()]
        case .sequence(let sequence):
            return try sequence.enumerated().map { index, item in
                try ConfigNode(node: item, key: "\(key)[\(index)]", file: file).string()
            }
        default: throw error("expected a list of strings, got \(kindDescription)")
        }
    }

    /// The mapping's entries, after checking every key is one of `known` (a misspelt key would
    /// otherwise be silently ignored and its default used).
    func entries(known: [String]) throws -> [String: ConfigNode] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping with keys \(known.joined(separator: ", ")), got \(kindDescription)")
        }
        var result: [String: ConfigNode] = [:]
        for (keyNode, value) in mapping {
            let name = try ConfigNode(node: keyNode, key: key, file: file).string()
            let child = ConfigNode(node: value, key: key.isEmpty ? name : "\(key).\(name)", file: file)
            guard known.contains(name) else {
                let keyed = ConfigNode(node: keyNode, key: child.key, file: file)
                var message = "unknown key"
                if let guess = Self.closest(to: name, in: known) { message += "; did you mean `\(guess)`?" }
                throw keyed.error(message + " Known keys here: \(known.joined(separator: ", ")).")
            }
            if !child.isNull { result[name] = child }
        }
        return result
    }

    private static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, for "did you mean".
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
