/// pytest's tracebacks as its reports carry them (a JUnit failure's text, a terminal's `E`
/// lines): one entry per frame, each located by a `path:line:` line — `path:line: in function`
/// for the frames in between, `path:line: ErrorType` for the innermost — and, in the long
/// format, the function's source above it, whose `def` names the function when the location
/// line does not. Not a format of logs, so `StackTraceParser` does not try it.
enum PytestTraceParser {
    /// The trace, innermost frame first, or nil when `text` has no pytest location line.
    static func parse(_ text: String) -> StackTrace? {
        var frames: [StackFrame] = []
        var type = ""
        var message = ""
        var lastDef: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(StackTraceParser.maximumLines) {
            if let match = line.wholeMatch(
                of: #/(?<path>[^\s:]+\.\w+):(?<line>\d+):(?: in (?<function>\S+)| (?<type>[A-Za-z_][\w.]*))?\s*/#) {
                frames.append(StackFrame(file: String(match.output.path),
                                         function: match.output.function.map(String.init) ?? lastDef ?? "<module>",
                                         line: Int(match.output.line)))
                if let found = match.output.type { type = String(found) }
                lastDef = nil
            } else if let match = line.wholeMatch(of: #/\s*(?:async\s+)?def\s+(?<name>\w+)\s*\(.*/#) {
                lastDef = String(match.output.name)
            } else if line.wholeMatch(of: #/(?:_ )+_\s*/#) != nil {
                lastDef = nil
            } else if line.hasPrefix("E "), message.isEmpty {
                message = String(line.dropFirst(2)).trimmingLeadingSpaces
            }
        }
        guard !frames.isEmpty else { return nil }
        if let header = TraceHeader.split(Substring(message)), header.type == type { message = header.message }
        return StackTrace(chain: [TracedException(type: type, message: message, frames: frames.reversed())])
    }
}
