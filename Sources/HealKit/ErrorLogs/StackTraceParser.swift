/// Recognises a stack trace in a block of text (a JSON field, or a plain-text record with its
/// log line first) and parses it in the language it is written in.
enum StackTraceParser {
    /// The parsed trace, or nil when the text holds none. Text of untrusted size: only the
    /// first `maximumLines` lines are looked at.
    static func parse(_ text: String) -> StackTrace? {
        parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false).prefix(maximumLines).map {
            $0.last == "\r" ? $0.dropLast() : $0
        })
    }

    static let maximumLines = 4_000

    static func parse(lines: [Substring]) -> StackTrace? {
        if PythonTraceParser.recognizes(lines) { return PythonTraceParser.parse(lines) }
        if GoTraceParser.recognizes(lines) { return GoTraceParser.parse(lines) }
        if JavaTraceParser.recognizes(lines) { return JavaTraceParser.parse(lines) }
        if NodeTraceParser.recognizes(lines) { return NodeTraceParser.parse(lines) }
        if RubyTraceParser.recognizes(lines) { return RubyTraceParser.parse(lines) }
        return nil
    }
}
