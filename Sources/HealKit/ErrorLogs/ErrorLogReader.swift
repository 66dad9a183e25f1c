import Foundation

/// Streams log files into an `ErrorWindow`, deciding per line what it is: a JSON object (a
/// structured logger's entry, or Docker's `{"log": …}` wrapper around a plain line), a
/// Kubernetes CRI line (`<time> stderr F <line>`), or plain text, whose lines are grouped into
/// records (`PlainTextRecords`). One line at a time is held, plus the record being built.
struct ErrorLogReader {
    /// Lines longer than this are skipped and counted as problems.
    static let maximumLineLength = 1 << 20

    let mapper: FramePathMapper

    func read(files: [String]) throws -> ErrorWindow {
        var window = ErrorWindow()
        for file in files { try read(file, into: &window) }
        return window
    }

    private func read(_ file: String, into window: inout ErrorWindow) throws {
        var lines = try LineReader(path: file, skippingLinesLongerThan: Self.maximumLineLength)
        defer { lines.close() }
        window.files.append(file)
        var state = FileState(file: file)
        var skipped = 0
        while let line = try lines.next() {
            for number in lines.skippedLines.dropFirst(skipped) {
                window.problems.append(ReportProblem(file: file, line: number,
                                                     message: "a line longer than \(Self.maximumLineLength >> 20) MB, skipped"))
            }
            skipped = lines.skippedLines.count
            state.line(line, number: lines.lineNumber, window: &window, mapper: mapper)
        }
        for number in lines.skippedLines.dropFirst(skipped) {
            window.problems.append(ReportProblem(file: file, line: number,
                                                 message: "a line longer than \(Self.maximumLineLength >> 20) MB, skipped"))
        }
        state.finish(window: &window, mapper: mapper)
    }

    /// What reading one file keeps between lines.
    private struct FileState {
        let file: String
        var records = PlainTextRecords()
        /// A CRI partial line (`P`) waiting for its end.
        var partial: [UInt8] = []

        init(file: String) { self.file = file }

        mutating func line(_ bytes: ArraySlice<UInt8>, number: Int, window: inout ErrorWindow, mapper: FramePathMapper) {
            if bytes.contains(0) {
                window.problems.append(ReportProblem(file: file, line: number, message: "binary data (a NUL byte), skipped"))
                return
            }
            if let (stream, isPartial) = Self.criPrefix(bytes) {
                partial.append(contentsOf: bytes[stream...])
                if isPartial { return }
                let whole = partial
                partial = []
                return content(whole[...], number: number, window: &window, mapper: mapper, unwrapped: true)
            }
            content(bytes, number: number, window: &window, mapper: mapper, unwrapped: false)
        }

        private mutating func content(_ bytes: ArraySlice<UInt8>, number: Int, window: inout ErrorWindow,
                                      mapper: FramePathMapper, unwrapped: Bool) {
            guard bytes.first == UInt8(ascii: "{") else {
                return plain(bytes, number: number, window: &window, mapper: mapper)
            }
            if case .noError(let timestamp) = JSONLogEntry.skim(bytes) {
                flush(window: &window, mapper: mapper)
                return window.saw(timestamp: timestamp)
            }
            let object: [String: Any]
            switch JSONElementScanner.object(Array(bytes)) {
            case .failure(let error):
                flush(window: &window, mapper: mapper)
                window.problems.append(ReportProblem(file: file, line: number, message: "\(error.reason), skipped"))
                return
            case .success(let parsed):
                object = parsed
            }
            if !unwrapped, object["stream"] is String, let inner = object["log"] as? String {
                // Docker's json-file driver: one line of the container's output per entry, so a
                // multi-line record spans entries.
                var text = Array(inner.utf8)[...]
                while text.last == 0x0A || text.last == 0x0D { text = text.dropLast() }
                return content(text, number: number, window: &window, mapper: mapper, unwrapped: true)
            }
            flush(window: &window, mapper: mapper)
            let (timestamp, event) = JSONLogEntry.read(object, file: file, line: number)
            window.saw(timestamp: timestamp)
            if let event { window.add(event, mapper: mapper) }
        }

        private mutating func plain(_ bytes: ArraySlice<UInt8>, number: Int, window: inout ErrorWindow, mapper: FramePathMapper) {
            if let finished = records.add(bytes, lineNumber: number) { record(finished, window: &window, mapper: mapper) }
        }

        mutating func finish(window: inout ErrorWindow, mapper: FramePathMapper) {
            flush(window: &window, mapper: mapper)
        }

        private mutating func flush(window: inout ErrorWindow, mapper: FramePathMapper) {
            if let last = records.finish() { record(last, window: &window, mapper: mapper) }
        }

        private func record(_ record: PlainTextRecords.Record, window: inout ErrorWindow, mapper: FramePathMapper) {
            window.saw(timestamp: record.timestamp)
            guard let first = record.lines.first else { return }
            let header = PlainLogLine(Array(first.utf8)[...])
            let trace = StackTraceParser.parse(lines: record.lines)
            guard trace != nil || header.isError else { return }
            let text = record.lines.joined(separator: "\n")
            window.add(ErrorEvent(timestamp: record.timestamp, trace: trace, typeHint: header.isError ? "error" : nil,
                                  message: header.message, text: BoundedText.clip(text) ?? "", file: file,
                                  line: record.firstLine), mapper: mapper)
        }

        /// `2024-05-01T12:00:00.123456789Z stderr F ` → where the content starts, and whether
        /// the line is partial (`P`).
        static func criPrefix(_ bytes: ArraySlice<UInt8>) -> (Int, Bool)? {
            guard bytes.count > 30, let (_, length) = LogTimestamp.prefix(bytes),
                  bytes.startIndex + length < bytes.endIndex, bytes[bytes.startIndex + length] == 0x20 else { return nil }
            var index = bytes.startIndex + length + 1
            for stream in ["stdout ", "stderr "] where bytes[index...].starts(with: stream.utf8) {
                index += stream.utf8.count
                guard index + 1 < bytes.endIndex, bytes[index + 1] == 0x20,
                      bytes[index] == UInt8(ascii: "F") || bytes[index] == UInt8(ascii: "P") else { return nil }
                return (index + 2, bytes[index] == UInt8(ascii: "P"))
            }
            return nil
        }
    }
}
