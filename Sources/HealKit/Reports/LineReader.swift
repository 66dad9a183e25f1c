import Foundation

/// Reads a file line by line in fixed-size chunks, so line formats (TAP, JSON Lines, go test
/// -json) never hold more than one line in memory.
struct LineReader {
    /// A single line longer than this is an error, not a reason to buffer gigabytes.
    static let maximumLineLength = 64 << 20

    private let path: String
    private let handle: FileHandle
    private let limit: Int
    private let skipsOverlong: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Inside a line longer than the limit, whose bytes are being thrown away.
    private var discarding = false
    private(set) var lineNumber = 0
    /// Lines longer than the limit that were skipped (only with `skippingLinesLongerThan`), by number.
    private(set) var skippedLines: [Int] = []

    /// - Parameter limit: with a value, lines longer than this many bytes are skipped (their
    ///   numbers kept in `skippedLines`) instead of failing the read: for untrusted input such
    ///   as logs, where one bad line must not cost the rest.
    init(path: String, skippingLinesLongerThan limit: Int? = nil) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        self.path = path
        self.handle = handle
        self.limit = limit ?? Self.maximumLineLength
        skipsOverlong = limit != nil
    }

    /// The next line without its line ending, or nil at the end of the file.
    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if discarding || (skipsOverlong && newline - start > limit) {
                    discarding = false
                    skippedLines.append(lineNumber)
                    start = newline + 1
                    continue
                }
                var line = buffer[start..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                start = newline + 1
                return line
            }
            if atEnd {
                if discarding {
                    discarding = false
                    lineNumber += 1
                    skippedLines.append(lineNumber)
                    start = buffer.count
                }
                guard start < buffer.count else { return nil }
                lineNumber += 1
                if skipsOverlong && buffer.count - start > limit {
                    skippedLines.append(lineNumber)
                    start = buffer.count
                    return nil
                }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            if buffer.count - start > limit, skipsOverlong {
                discarding = true
                start = buffer.count
            } else if buffer.count - start > limit {
                throw ReportReadError(file: path, line: lineNumber + 1,
                                      problem: "a line longer than \(Self.maximumLineLength >> 20) MB",
                                      hint: "This does not look like a line-based report (TAP, JSON Lines, go test -json); check the file and --format.")
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    func close() { try? handle.close() }
}
