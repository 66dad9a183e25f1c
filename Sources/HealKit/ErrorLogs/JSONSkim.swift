/// Validates one JSON text byte by byte and finds the values of chosen top-level members,
/// without building any object: the fast path for the many log lines that are no error.
struct JSONSkim {
    /// Nesting deeper than this is treated as invalid (hostile input must not exhaust the stack).
    static let maximumDepth = 256

    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private let wanted: Set<ArraySlice<UInt8>>
    private(set) var members: [ArraySlice<UInt8>: ArraySlice<UInt8>] = [:]

    /// The values (raw JSON text) of the top-level members whose keys are in `keys`, when
    /// `bytes` is exactly one valid JSON object; nil for anything else.
    static func members(of bytes: ArraySlice<UInt8>, keys: Set<ArraySlice<UInt8>>) -> [ArraySlice<UInt8>: ArraySlice<UInt8>]? {
        var skim = JSONSkim(bytes: bytes, index: bytes.startIndex, wanted: keys)
        skim.whitespace()
        guard skim.peek == UInt8(ascii: "{"), skim.value(depth: 0, topLevel: true) else { return nil }
        skim.whitespace()
        return skim.index == bytes.endIndex ? skim.members : nil
    }

    private var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    private mutating func whitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { return false }
        let matches = text.withUTF8Buffer { expected in bytes[index..<index + count].elementsEqual(expected) }
        if matches { index += count }
        return matches
    }

    private mutating func value(depth: Int, topLevel: Bool = false) -> Bool {
        guard depth < Self.maximumDepth, let byte = peek else { return false }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth, topLevel: topLevel)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func object(depth: Int, topLevel: Bool) -> Bool {
        index += 1
        whitespace()
        if peek == UInt8(ascii: "}") { index += 1; return true }
        while true {
            whitespace()
            let keyStart = index
            guard peek == UInt8(ascii: "\""), string() else { return false }
            let key = bytes[(keyStart + 1)..<(index - 1)]
            whitespace()
            guard peek == UInt8(ascii: ":") else { return false }
            index += 1
            whitespace()
            let valueStart = index
            guard value(depth: depth + 1) else { return false }
            if topLevel, wanted.contains(key) { members[key] = bytes[valueStart..<index] }
            whitespace()
            guard let next = peek else { return false }
            index += 1
            if next == UInt8(ascii: "}") { return true }
            guard next == UInt8(ascii: ",") else { return false }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        index += 1
        whitespace()
        if peek == UInt8(ascii: "]") { index += 1; return true }
        while true {
            whitespace()
            guard value(depth: depth + 1) else { return false }
            whitespace()
            guard let next = peek else { return false }
            index += 1
            if next == UInt8(ascii: "]") { return true }
            guard next == UInt8(ascii: ",") else { return false }
        }
    }

    private mutating func string() -> Bool {
        index += 1
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return false }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    guard bytes.endIndex - index >= 4,
                          bytes[index..<index + 4].allSatisfy({ Self.isHex($0) }) else { return false }
                    index += 4
                } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                    return false
                }
            case 0..<0x20: return false
            default: continue
            }
        }
        return false
    }

    private mutating func number() -> Bool {
        let start = index
        guard numberGrammar() else { return false }
        // Foundation rejects numbers that overflow a Double; so must the skim, to agree on
        // which lines are unreadable.
        let token = bytes[start..<index]
        guard token.count > 15 || token.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return true }
        return Double(String(decoding: token, as: UTF8.self))?.isFinite == true
    }

    private mutating func numberGrammar() -> Bool {
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, Self.isDigit(first) else { return false }
        index += 1
        if first != UInt8(ascii: "0") { digits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let next = peek, Self.isDigit(next) else { return false }
            digits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let next = peek, Self.isDigit(next) else { return false }
            digits()
        }
        return true
    }

    private mutating func digits() {
        while let byte = peek, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
