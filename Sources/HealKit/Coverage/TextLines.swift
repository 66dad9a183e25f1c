import Foundation

/// Calls `body` with each line of `data` (without `\n` or `\r\n`) and its 1-based number.
func forEachLine(of data: Data, _ body: (Substring, Int) throws -> Void) rethrows {
    var number = 0
    var start = data.startIndex
    while start < data.endIndex {
        let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        number += 1
        var line = String(decoding: data[start..<end], as: UTF8.self)[...]
        if line.hasSuffix("\r") { line.removeLast() }
        try body(line, number)
        start = end < data.endIndex ? data.index(after: end) : end
    }
}

/// A hit count as coverage tools write it: an integer, occasionally in floating-point form.
func parseCount(_ text: Substring) -> Double? {
    if let integer = Int(text) { return Double(integer) }
    return Double(text)
}
