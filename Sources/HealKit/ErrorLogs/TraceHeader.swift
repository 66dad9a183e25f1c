/// The `Type: message` line that heads (Java, JavaScript, Go) or ends (Python) a trace.
enum TraceHeader {
    /// The type and the message, or nil when the line does not start with a type name
    /// (letters, digits, `_`, `$`, `.`, and `/` or `:` inside names like `java.base/…`).
    static func split(_ line: Substring) -> (type: String, message: String)? {
        var text = line.drop { $0 == " " || $0 == "\t" }
        for prefix in ["Caused by: ", "Uncaught ", "Suppressed: "] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        if text.hasPrefix("Exception in thread \""), let close = text.dropFirst(21).firstIndex(of: "\"") {
            text = text[text.index(after: close)...].drop { $0 == " " }
        }
        let type = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "." }
        guard let first = type.first, first.isLetter || first == "_" || first == "$", type.last != "." else { return nil }
        let rest = text.dropFirst(type.count)
        if rest.isEmpty || rest.allSatisfy({ $0 == " " || $0 == "\r" }) { return (String(type), "") }
        guard rest.hasPrefix(":") else { return nil }
        return (String(type), String(rest.dropFirst()).trimmingLeadingSpaces.trimmingTrailingSpaces)
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}
