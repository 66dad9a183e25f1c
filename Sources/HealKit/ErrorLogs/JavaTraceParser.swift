/// JVM stack traces (Java, Kotlin, Scala): a `Type: message` header, `at pkg.Class.method(File.java:12)`
/// frames innermost first, `Caused by:` sections down to the innermost cause, `... 12 more` and
/// logback's `... 12 common frames omitted`. Suppressed exceptions are skipped.
enum JavaTraceParser {
    static func recognizes(_ lines: [Substring]) -> Bool {
        lines.contains { frame($0) != nil }
    }

    static func parse(_ lines: [Substring]) -> StackTrace? {
        var printed: [TracedException] = []
        var suppressedIndent: Int?
        var previous: Substring?
        for line in lines {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let body = line.dropFirst(indent)
            if let depth = suppressedIndent {
                if indent > depth || (indent == depth && body.hasPrefix("at ")) { continue }
                suppressedIndent = nil
            }
            if body.hasPrefix("Suppressed: ") {
                suppressedIndent = indent
                continue
            }
            if body.hasPrefix("Caused by: ") {
                let (type, message) = TraceHeader.split(body) ?? ("", String(body.dropFirst(11)))
                printed.append(TracedException(type: type, message: message, frames: []))
            } else if let frame = frame(line) {
                if printed.isEmpty {
                    // The header is the line before the first frame.
                    let (type, message) = previous.flatMap(TraceHeader.split) ?? ("", "")
                    printed.append(TracedException(type: type, message: message, frames: []))
                }
                printed[printed.count - 1].frames.append(frame)
            }
            previous = line
        }
        return printed.isEmpty ? nil : StackTrace(chain: printed.reversed())
    }

    /// `at java.base/com.acme.Service$Inner.name(Service.java:42) ~[app.jar:1.0]`
    static func frame(_ line: Substring) -> StackFrame? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard body.count < line.count, body.hasPrefix("at "),
              let open = body.firstIndex(of: "("), let close = body[open...].firstIndex(of: ")") else { return nil }
        var qualified = body[body.index(body.startIndex, offsetBy: 3)..<open]
        guard !qualified.contains(" "), !qualified.isEmpty else { return nil }
        // Module and class-loader prefixes: `java.base/…`, `app//…`.
        if let slash = qualified.lastIndex(of: "/") { qualified = qualified[qualified.index(after: slash)...] }
        guard let dot = qualified.lastIndex(of: ".") else { return nil }
        let className = qualified[..<dot]
        let method = qualified[qualified.index(after: dot)...]
        let location = body[body.index(after: open)..<close]
        let packageParts = className.split(separator: ".").dropLast()
        let simpleClass = className.split(separator: ".").last.map(String.init) ?? String(className)
        var file = String(location), number: Int?
        if let colon = location.lastIndex(of: ":"), let value = Int(location[location.index(after: colon)...]) {
            file = String(location[..<colon])
            number = value
        }
        guard file.contains(".") else {
            // `Native Method`, `Unknown Source`: the class still names the file.
            return StackFrame(file: (packageParts + [Substring(simpleClass.split(separator: "$").first ?? "")]).joined(separator: "/"),
                              function: "\(simpleClass).\(method)", line: nil)
        }
        return StackFrame(file: (packageParts.map(String.init) + [file]).joined(separator: "/"),
                          function: "\(simpleClass).\(method)", line: number)
    }
}
