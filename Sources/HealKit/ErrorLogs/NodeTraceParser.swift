/// V8 stack traces (Node.js, Deno, Chrome): a `Type: message` header, then
/// `at fn (file:line:col)` or `at file:line:col` frames, innermost first.
enum NodeTraceParser {
    static func recognizes(_ lines: [Substring]) -> Bool {
        lines.contains { frame($0) != nil }
    }

    static func parse(_ lines: [Substring]) -> StackTrace? {
        var frames: [StackFrame] = []
        var header: (type: String, message: String)?
        var previous: Substring?
        for line in lines {
            if let frame = frame(line) {
                if frames.isEmpty { header = previous.flatMap(TraceHeader.split) }
                frames.append(frame)
            } else if !frames.isEmpty, !isFrameLike(line) {
                break
            }
            previous = line
        }
        guard !frames.isEmpty else { return nil }
        return StackTrace(chain: [TracedException(type: header?.type ?? "", message: header?.message ?? "", frames: frames)])
    }

    private static func isFrameLike(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("at ")
    }

    /// `    at Object.getUser [as get] (/srv/app/src/users.js:12:20)`, `    at /srv/app/x.js:1:2`,
    /// `    at async handler (file:///srv/app/x.mjs:3:9)`.
    static func frame(_ line: Substring) -> StackFrame? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard body.count < line.count, body.hasPrefix("at ") else { return nil }
        var text = body.dropFirst(3)
        while let last = text.last, last == " " || last == "\r" { text = text.dropLast() }
        var function = "<anonymous>"
        var location = text
        if text.last == ")", let open = openingParenthesis(of: text) {
            location = text[text.index(after: open)..<text.index(before: text.endIndex)]
            var name = text[..<open]
            while name.last == " " { name = name.dropLast() }
            if let alias = name.range(of: " [as ") { name = name[..<alias.lowerBound] }
            if name.hasPrefix("async ") { name = name.dropFirst(6) }
            if !name.isEmpty { function = String(name) }
        }
        // `file:line:col`, read from the end: paths may hold colons (`file:///`, `C:\`).
        guard let column = location.lastIndex(of: ":"), Int(location[location.index(after: column)...]) != nil else { return nil }
        let rest = location[..<column]
        guard let colon = rest.lastIndex(of: ":"), let number = Int(rest[rest.index(after: colon)...]) else { return nil }
        var file = String(rest[..<colon])
        if file.hasPrefix("file://") { file.removeFirst(7) }
        guard !file.isEmpty, !file.contains(" (") else { return nil }
        return StackFrame(file: file, function: function, line: number)
    }

    /// The `(` that opens the final parenthesised location.
    private static func openingParenthesis(of text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}
