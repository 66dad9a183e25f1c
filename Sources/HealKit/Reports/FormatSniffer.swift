import Foundation

/// Decides a file's report format from its first bytes.
enum FormatSniffer {
    /// The format of the file at `path`; throws for empty files, binary data and content that
    /// is no report heal knows.
    static func format(of path: String) throws -> ReportFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        defer { try? handle.close() }
        let head = Array((try? handle.read(upToCount: 8192)) ?? Data())
        return try format(ofPrefix: head, path: path)
    }

    static func format(ofPrefix head: [UInt8], path: String) throws -> ReportFormat {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let leading = bytes.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.count
        bytes = bytes.dropFirst(leading)
        guard let first = bytes.first else {
            throw ReportReadError(file: path, line: 1, column: 1, problem: "the file is empty",
                                  hint: "The test run wrote no results; check that it ran to the end (a crashing test can leave an empty report).")
        }
        if let zero = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: zero, in: head)
            throw ReportReadError(file: path, line: line, column: column, problem: "binary data (a NUL byte), not a test report",
                                  hint: "Expected JUnit XML, pytest-json-report JSON, TAP, go test -json or eval scores.")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch first {
        case UInt8(ascii: "<"):
            return .junit
        case UInt8(ascii: "["):
            return .scores
        case UInt8(ascii: "{"):
            if text.contains("\"Action\"") || text.contains("\"ImportPath\"") { return .goJSON }
            if text.contains("\"nodeid\"") || text.contains("\"exitcode\"") || text.contains("\"created\"") { return .pytestJSON }
            if text.contains("\"score\"") || text.contains("\"scores\"") { return .scores }
        default:
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
            if ["TAP version", "1..", "ok", "not ok", "# Subtest", "Bail out!"].contains(where: firstLine.hasPrefix) {
                return .tap
            }
            // go test -json ... 2>&1 starts with the compiler's plain lines when a package fails.
            if text.contains("{\"Time\":") || text.contains("\"Action\":") || text.contains(" [build failed]") { return .goJSON }
            if let format = textRunnerFormat(text) { return format }
        }
        let (line, column) = position(of: bytes.startIndex, in: head)
        throw ReportReadError(file: path, line: line, column: column,
                              problem: "unrecognised content starting with \(String(text.prefix(40)).debugDescription)",
                              hint: "Expected JUnit XML, pytest-json-report JSON, TAP, go test -json, unittest -v or cargo test output, or eval scores; pass --format if it is one of them.")
    }

    /// The plain-text outputs heal reads: `cargo test` (a `running N tests` line or a compiler
    /// error) and `python -m unittest -v` (`name (dotted) ... status` lines, `Ran N tests`).
    private static func textRunnerFormat(_ text: String) -> ReportFormat? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.contains(where: { ($0.hasPrefix("running ") && $0.hasSuffix(" tests")) || $0 == "running 1 test"
            || $0.hasPrefix("error: could not compile `") }) {
            return .libtest
        }
        if lines.contains(where: { $0.hasPrefix("Ran ") && $0.contains(" test") })
            || lines.contains(where: { $0.contains(") ... ") && $0.contains(" (") }) {
            return .unittest
        }
        return nil
    }

    private static func position(of index: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<index]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (line, index - lineStart + 1)
    }
}

extension FormatSniffer {
    /// The first byte that is not a byte-order mark or whitespace.
    static func firstSignificantByte(of path: String) throws -> UInt8? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        defer { try? handle.close() }
        let head = Array((try? handle.read(upToCount: 4096)) ?? Data())
        return head.first { ![0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains($0) }
    }
}
