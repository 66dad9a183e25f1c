/// What the first line of a plain-text log record says: its timestamp, whether its level is an
/// error, and its message. Knows the common layouts: `2024-05-01 12:00:00,123 ERROR …`
/// (Python, logback, log4j), `[2024-05-01T12:00:00Z] …`, Ruby's `E, [2024-05-01T12:00:00 #1] ERROR -- : …`,
/// Go's `2024/05/01 12:00:00 …`, the common log format, logfmt (`time=… level=error msg=…`),
/// nginx/Apache `[error]`, and klog's `E0501 …`.
struct PlainLogLine {
    var timestamp: Double?
    var isError: Bool
    var message: String

    /// Words that mark an error-level line, upper case as loggers print levels.
    static let errorWords: Set<String> = ["ERROR", "CRITICAL", "FATAL", "SEVERE", "PANIC", "EMERG", "EMERGENCY",
                                          "ALERT", "CRIT", "ERR"]

    /// The timestamp at the start of a line, if the line starts one (the mark of a new record).
    static func leadingTimestamp(_ bytes: ArraySlice<UInt8>) -> Double? {
        var start = bytes.startIndex
        if bytes.first == UInt8(ascii: "[") {
            start += 1
        } else if bytes.count > 4, (0x41...0x5A).contains(bytes[start]), bytes[start + 1] == UInt8(ascii: ","),
                  bytes[start + 2] == 0x20, bytes[start + 3] == UInt8(ascii: "[") {
            start += 4
        } else if let value = logfmtTime(bytes) {
            return value
        }
        return LogTimestamp.prefix(bytes[start...])?.seconds
    }

    init(_ bytes: ArraySlice<UInt8>) {
        timestamp = Self.leadingTimestamp(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        if let fields = Self.logfmt(text) {
            isError = fields["level"].map { JSONLogEntry.errorLevels.contains($0.lowercased()) } ?? false
            message = fields["msg"] ?? fields["message"] ?? text
            if let detail = fields["error"] ?? fields["err"] { message += ": \(detail)" }
            return
        }
        (isError, message) = Self.level(in: text)
    }

    /// Finds an error-level word near the start of the line; the message is what follows it.
    private static func level(in text: String) -> (Bool, String) {
        let head = text.prefix(200)
        if let first = head.first, first == "E" || first == "F" {
            // Ruby's `E, [` and klog's `E0501`.
            let second = head.dropFirst().first
            if second == "," || (second?.isNumber == true && head.dropFirst().prefix(4).allSatisfy(\.isNumber)) {
                return (true, message(after: head.firstIndex(of: "]") ?? head.startIndex, in: text))
            }
        }
        for bracketed in ["[error]", "[crit]", "[alert]", "[emerg]"] {
            if let range = head.range(of: bracketed) { return (true, message(after: range.upperBound, in: text)) }
        }
        var index = head.startIndex
        while index < head.endIndex {
            guard head[index].isUppercase, index == head.startIndex || !head[head.index(before: index)].isLetter else {
                index = head.index(after: index)
                continue
            }
            let word = head[index...].prefix { $0.isUppercase }
            if errorWords.contains(String(word)) {
                return (true, message(after: head.index(index, offsetBy: word.count), in: text))
            }
            index = head.index(index, offsetBy: max(1, word.count))
        }
        return (false, text)
    }

    /// The text after the level: separators (`:`, `-`, `]`, `--`) and a logger name in
    /// brackets dropped.
    private static func message(after index: String.Index, in text: String) -> String {
        var rest = text[index...]
        rest = rest.drop { " :-]|\t".contains($0) }
        return String(rest)
    }

    private static func logfmtTime(_ bytes: ArraySlice<UInt8>) -> Double? {
        for key in ["time=", "ts=", "t="] where bytes.starts(with: key.utf8) {
            var value = bytes.dropFirst(key.utf8.count)
            if value.first == UInt8(ascii: "\"") { value = value.dropFirst() }
            return LogTimestamp.prefix(value)?.seconds
        }
        return nil
    }

    /// `key=value key="quoted value"` pairs, when the line is logfmt (it has a `level=` or
    /// `lvl=` pair).
    static func logfmt(_ text: String) -> [String: String]? {
        guard text.contains("level=") || text.contains("lvl=") else { return nil }
        var fields: [String: String] = [:]
        var rest = Substring(text)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let key = rest.prefix { $0 != "=" && $0 != " " }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst()
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character == "n" ? "\n" : character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { value.append(character) }
                }
            } else {
                value = String(rest.prefix { $0 != " " })
                rest = rest.dropFirst(value.count)
            }
            fields[String(key)] = value
        }
        if let level = fields["lvl"], fields["level"] == nil { fields["level"] = level }
        return fields["level"] == nil ? nil : fields
    }
}
