/// Splits plain-text log lines into records: a line that starts with a timestamp starts a
/// record and owns every following line without one (a logger's multi-line entry: a message
/// and its traceback). Without timestamps, a record is a line plus the lines that continue a
/// stack trace (indented frames, `Caused by:`, Python's chaining notes, a trace's
/// `Type: message` line, Go's function lines).
struct PlainTextRecords {
    struct Record {
        var firstLine: Int
        var timestamp: Double?
        var lines: [Substring]
        var bytes: Int
    }

    /// Lines and bytes a record keeps; the rest of an endless record is read past.
    static let maximumLines = 2_000
    static let maximumBytes = 256 << 10

    private var current: Record?

    /// Feeds the next line; returns the record it completed, if it started a new one.
    mutating func add(_ bytes: ArraySlice<UInt8>, lineNumber: Int) -> Record? {
        let timestamp = PlainLogLine.leadingTimestamp(bytes)
        let line = Substring(String(decoding: bytes, as: UTF8.self))
        if timestamp == nil, var record = current, record.timestamp != nil || Self.continues(record, with: line) {
            if record.lines.count < Self.maximumLines, record.bytes + bytes.count <= Self.maximumBytes {
                record.lines.append(line)
                record.bytes += bytes.count
            }
            current = record
            return nil
        }
        let finished = current
        current = Record(firstLine: lineNumber, timestamp: timestamp, lines: [line], bytes: bytes.count)
        return finished
    }

    /// The last record, at the end of the file.
    mutating func finish() -> Record? {
        defer { current = nil }
        return current
    }

    private static let markers = ["Traceback (most recent call last)", "The above exception was", "During handling of the above",
                                  "Caused by: ", "goroutine ", "[signal ", "created by ", "panic: ", "fatal error: "]

    private static func continues(_ record: Record, with line: Substring) -> Bool {
        guard let first = line.first else { return true }
        if first == " " || first == "\t" { return true }
        if markers.contains(where: { line.hasPrefix($0) }) { return true }
        if TraceHeader.split(line) != nil, record.lines.count == 1 || record.lines.last?.first == " " { return true }
        // Go: `pkg.(*T).method(0x1, …)` between location lines.
        if record.lines.contains(where: { $0.hasPrefix("goroutine ") }),
           let open = line.firstIndex(of: "("), !line[..<open].contains(" "), line[..<open].contains(".") { return true }
        return false
    }
}
