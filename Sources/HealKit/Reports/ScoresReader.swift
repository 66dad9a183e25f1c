import Foundation

/// Reads eval scores: a JSON array, or JSON Lines, of `{"id": …, "score": x}` or
/// `{"id": …, "scores": [x, …]}`. Entries with the same id pool their samples (several runs of
/// a non-deterministic eval).
enum ScoresReader {
    static func read(path: String, into builder: inout ReportBuilder) throws {
        if try FormatSniffer.firstSignificantByte(of: path) == UInt8(ascii: "[") {
            try JSONElementScanner(arrayKeys: []).scan(path: path) { event in
                guard case .element(_, let bytes, let line, let column) = event else { return }
                add(JSONElementScanner.object(bytes), into: &builder, at: SourcePosition(file: path, line: line, column: column))
            }
            return
        }
        var lines = try LineReader(path: path)
        defer { lines.close() }
        while let line = try lines.next() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            add(JSONElementScanner.object(Array(line)), into: &builder, at: SourcePosition(file: path, line: lines.lineNumber))
        }
    }

    private static func add(_ parsed: Result<[String: Any], EntryError>, into builder: inout ReportBuilder, at position: SourcePosition) {
        let entry: [String: Any]
        switch parsed {
        case .failure(let error):
            builder.problem("a score entry was skipped: \(error.reason)", at: position)
            return
        case .success(let object):
            entry = object
        }
        guard let id = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue, !id.isEmpty else {
            builder.problem("a score entry without an \"id\" was skipped", at: position)
            return
        }
        let raw: [Any] = (entry["scores"] as? [Any]) ?? (entry["score"].map { [$0] } ?? [])
        let scores = raw.compactMap { ($0 as? NSNumber)?.doubleValue }.filter(\.isFinite)
        guard !scores.isEmpty, scores.count == raw.count else {
            builder.problem("eval '\(id)' has no usable \"score\" or \"scores\" (expected finite numbers); skipped", at: position)
            return
        }
        builder.addScores(id: id, scores: scores)
    }
}
