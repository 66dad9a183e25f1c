/// Go panics and goroutine dumps (`panic: …`, `goroutine 1 [running]:`, then pairs of a
/// function line and a tab-indented `/path/file.go:42 +0x1d` line, innermost first), and the
/// same pairs without a header as zap and `debug.Stack()` write them. Only the first goroutine
/// counts: it is the one that panicked.
enum GoTraceParser {
    static func recognizes(_ lines: [Substring]) -> Bool {
        lines.contains { $0.hasPrefix("goroutine ") || location($0) != nil }
    }

    static func parse(_ lines: [Substring]) -> StackTrace? {
        var type = "", message = ""
        var frames: [StackFrame] = []
        var pendingFunction: Substring?
        var goroutines = 0
        for line in lines {
            if line.hasPrefix("panic: ") || line.hasPrefix("fatal error: ") {
                if type.isEmpty {
                    type = line.hasPrefix("panic: ") ? "panic" : "fatal error"
                    message = String(line.drop { $0 != ":" }.dropFirst()).trimmingLeadingSpaces
                    if message.hasSuffix(" [recovered]") { message.removeLast(12) }
                }
                continue
            }
            if line.hasPrefix("goroutine ") {
                goroutines += 1
                if goroutines > 1 { break }
                continue
            }
            if let (file, number) = location(line) {
                if let function = pendingFunction {
                    frames.append(StackFrame(file: file, function: shortName(function), line: number))
                }
                pendingFunction = nil
                continue
            }
            if line.hasPrefix("created by ") {
                if goroutines > 0 || !frames.isEmpty { break }
                continue
            }
            pendingFunction = line.first.map { $0 == " " || $0 == "\t" } == false ? line : nil
        }
        guard !frames.isEmpty || !type.isEmpty else { return nil }
        return StackTrace(chain: [TracedException(type: type, message: message, frames: frames)])
    }

    /// `\t/build/app/server.go:42 +0x2f` → the file and the line.
    static func location(_ line: Substring) -> (String, Int)? {
        guard line.first == "\t" || line.hasPrefix("    ") else { return nil }
        var text = line.drop { $0 == " " || $0 == "\t" }
        if let space = text.firstIndex(of: " ") {
            guard text[space...].dropFirst().hasPrefix("+0x") else { return nil }
            text = text[..<space]
        }
        guard let colon = text.lastIndex(of: ":"), let number = Int(text[text.index(after: colon)...]) else { return nil }
        let file = text[..<colon]
        guard file.hasSuffix(".go") || file.hasSuffix(".s") else { return nil }
        return (String(file), number)
    }

    /// `github.com/acme/app/internal/db.(*Store).Get(0xc000010000, {0x5, 0x6})` →
    /// `db.(*Store).Get`: the arguments go, and the package path down to its last element
    /// (the file's directory says the rest).
    static func shortName(_ line: Substring) -> String {
        var name = line
        while name.last == " " || name.last == "\r" { name = name.dropLast() }
        if name.hasSuffix(")"), let open = argumentsStart(name) { name = name[..<open] }
        if name.hasSuffix("(...)") { name = name.dropLast(5) }
        let packageEnd = name.firstIndex(of: "(") ?? name.firstIndex(of: "[") ?? name.endIndex
        if let slash = name[..<packageEnd].lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        return String(name)
    }

    private static func argumentsStart(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 } else if text[index] == "(" {
                depth -= 1
                if depth == 0 {
                    // `(*Store)` is part of the name, not the arguments.
                    return index == text.startIndex || text[text.index(before: index)] == "." ? nil : index
                }
            }
        }
        return nil
    }
}
