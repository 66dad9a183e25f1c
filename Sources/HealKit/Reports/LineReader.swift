import Foundation

/// Reads a file line by line in fixed-size chunks, so line formats (TAP, JSON Lines, go test
/// -json) never hold more than one line in memory.
struct LineReader {
    /// A single line longer than this is an error, not a reason to buffer gigabytes.
    static let maximumLineLength = 64 << 20

    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        self.path = path
        self.handle = handle
    }

    /// The next line without its line ending, or nil at the end of the file.
    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                var line = buffer[start..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                lineNumber += 1
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            if buffer.count - start > Self.maximumLineLength {
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
