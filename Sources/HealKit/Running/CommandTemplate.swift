/// Substitutes `{placeholder}`s in a configured shell command with shell-quoted values, so a
/// test id with spaces, brackets or quotes reaches the runner as one word.
public enum CommandTemplate {
    /// Replaces each `{key}` of `values` in `template`; other braces (`${HOME}`, `{a,b}`) stay.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let value = values[String(rest[afterOpen..<close])], result.last != "$" {
                result += quote(value)
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// A POSIX shell word that stands for exactly `value`.
    public static func quote(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "@%+=:,./-_".unicodeScalars.contains($0)
        }
        return safe ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
