/// Ruby backtraces: `path:12:in 'method': message (Type)` then `\tfrom path:5:in 'caller'`
/// (Ruby 3.4 quotes with `'…'`, older ones with `` `…' ``), or a Rails-style `Type (message):`
/// line followed by bare `path:12:in 'method'` lines. Innermost first.
enum RubyTraceParser {
    static func recognizes(_ lines: [Substring]) -> Bool {
        lines.contains { frame($0) != nil }
    }

    static func parse(_ lines: [Substring]) -> StackTrace? {
        var frames: [StackFrame] = []
        var type = "", message = ""
        var previous: Substring?
        for line in lines {
            guard let (frame, rest) = frame(line) else {
                if !frames.isEmpty, !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { break }
                previous = line
                continue
            }
            if frames.isEmpty {
                if let (parsedType, parsedMessage) = trailingType(rest) {
                    (type, message) = (parsedType, parsedMessage)
                } else if let previous, let (parsedType, parsedMessage) = railsHeader(previous) {
                    (type, message) = (parsedType, parsedMessage)
                }
            }
            frames.append(frame)
        }
        guard !frames.isEmpty else { return nil }
        return StackTrace(chain: [TracedException(type: type, message: message, frames: frames)])
    }

    /// `[\tfrom ]path:12:in 'method'[: rest]` → the frame and what follows it.
    static func frame(_ line: Substring) -> (StackFrame, Substring)? {
        var text = line.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("from ") { text = text.dropFirst(5) }
        guard let marker = text.range(of: ":in ") else { return nil }
        let location = text[..<marker.lowerBound]
        guard let colon = location.lastIndex(of: ":"), let number = Int(location[location.index(after: colon)...]),
              !location[..<colon].contains(" ") else { return nil }
        let quoted = text[marker.upperBound...]
        guard let open = quoted.first, open == "'" || open == "`",
              let close = quoted.dropFirst().firstIndex(of: "'") else { return nil }
        var function = String(quoted[quoted.index(after: quoted.startIndex)..<close])
        if function.hasPrefix("block ("), let end = function.range(of: ") in ") {
            function = "block in " + function[end.upperBound...]
        }
        let rest = quoted[quoted.index(after: close)...]
        return (StackFrame(file: String(location[..<colon]), function: function, line: number), rest)
    }

    /// `: undefined method 'name' for nil (NoMethodError)` → the type and the message.
    private static func trailingType(_ rest: Substring) -> (String, String)? {
        guard rest.hasPrefix(": ") else { return nil }
        var text = rest.dropFirst(2)
        while text.last == " " || text.last == "\r" { text = text.dropLast() }
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let type = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_" }) else { return nil }
        return (String(type), String(text[..<open]).trimmingTrailingSpaces)
    }

    /// `NoMethodError (undefined method 'name' for nil):`
    private static func railsHeader(_ line: Substring) -> (String, String)? {
        let text = line.drop { $0 == " " }
        let type = text.prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_" }
        guard let first = type.first, first.isUppercase else { return nil }
        let rest = text.dropFirst(type.count)
        guard rest.hasPrefix(" ("), let close = rest.lastIndex(of: ")") else { return nil }
        return (String(type), String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]))
    }
}
