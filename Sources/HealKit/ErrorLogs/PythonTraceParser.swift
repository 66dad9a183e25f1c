/// Python tracebacks, chained ones included: `raise … from …` ("The above exception was the
/// direct cause…") and exceptions raised while handling another ("During handling…"). Frames
/// are printed outermost first; the first traceback printed is the innermost cause.
enum PythonTraceParser {
    static func recognizes(_ lines: [Substring]) -> Bool {
        lines.contains { $0.hasPrefix("Traceback (most recent call last)") || frame($0) != nil }
    }

    static func parse(_ lines: [Substring]) -> StackTrace? {
        var chain: [TracedException] = []
        var frames: [StackFrame] = []
        var inTraceback = false
        for line in lines {
            if line.hasPrefix("Traceback (most recent call last)") {
                inTraceback = true
                frames = []
                continue
            }
            guard inTraceback else { continue }
            if let frame = frame(line) {
                frames.append(frame)
            } else if let first = line.first, first != " ", first != "\t" {
                // The first unindented line after the frames: `Type: message`.
                let (type, message) = TraceHeader.split(line) ?? ("", String(line))
                chain.append(TracedException(type: type, message: message, frames: frames.reversed()))
                inTraceback = false
            }
        }
        if inTraceback, !frames.isEmpty {
            chain.append(TracedException(type: "", message: "", frames: frames.reversed()))
        }
        return chain.isEmpty ? nil : StackTrace(chain: chain)
    }

    /// `  File "/srv/app/handlers.py", line 12, in get_user`
    static func frame(_ line: Substring) -> StackFrame? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.count < line.count, trimmed.hasPrefix("File \"") else { return nil }
        let rest = trimmed.dropFirst(6)
        guard let quote = rest.range(of: "\", line ") else { return nil }
        let file = rest[..<quote.lowerBound]
        let afterLine = rest[quote.upperBound...]
        let digits = afterLine.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        var function = "<module>"
        let tail = afterLine.dropFirst(digits.count)
        if tail.hasPrefix(", in ") { function = String(tail.dropFirst(5)).trimmingTrailingSpaces }
        return StackFrame(file: String(file), function: function, line: number)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
