import Foundation
import Yams

/// Reads the Test Anything Protocol (12, 13 and 14): `ok`/`not ok` lines, `# SKIP` and
/// `# TODO` directives, YAML diagnostics between `---` and `...`, and TAP 14 subtests
/// (4-space indented after `# Subtest: name`). Ids are descriptions, since test numbers shift
/// between runs; see `TestCase.id`.
enum TAPReader {
    private struct Pending {
        var prefix: String
        var name: String
        var outcome: TestOutcome
        var message: String?
        var line: Int
        var indent: Int
        var yaml: [String] = []
        var inYAML = false
    }

    static func read(path: String, into builder: inout ReportBuilder) throws {
        var lines = try LineReader(path: path)
        defer { lines.close() }
        var subtests: [String] = []
        var pending: Pending?
        var plans: [Int: Int] = [:]
        var counts: [Int: Int] = [:]
        var sawTAP = false
        while let bytes = try lines.next() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                builder.problem("a line that is not valid UTF-8 was skipped", at: SourcePosition(file: path, line: lines.lineNumber))
                continue
            }
            let indent = text.prefix { $0 == " " }.count
            let body = text.dropFirst(indent)
            if var current = pending, current.inYAML || (body.hasPrefix("---") && indent > current.indent) {
                if body.hasPrefix("...") && current.inYAML {
                    current.inYAML = false
                    finish(current, into: &builder, path: path)
                    pending = nil
                } else {
                    if current.inYAML { current.yaml.append(String(text.dropFirst(min(indent, current.indent + 2)))) }
                    current.inYAML = true
                    pending = current
                }
                continue
            }
            if let current = pending {
                finish(current, into: &builder, path: path)
                pending = nil
            }
            let level = indent / 4
            if body.hasPrefix("# Subtest") {
                let name = body.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                subtests = Array(subtests.prefix(level)) + [name]
                sawTAP = true
            } else if let test = parseTestLine(body) {
                sawTAP = true
                counts[level, default: 0] += 1
                let ancestors = subtests.prefix(level)
                pending = Pending(prefix: ancestors.map { $0 + " > " }.joined(),
                                  name: test.description ?? "#\(test.number ?? counts[level] ?? 0)",
                                  outcome: test.outcome, message: test.reason, line: lines.lineNumber, indent: indent)
                if level < subtests.count { subtests.removeSubrange(level...) }
            } else if body.hasPrefix("1..") {
                sawTAP = true
                plans[level] = Int(body.dropFirst(3).prefix { $0.isNumber })
            } else if body.hasPrefix("Bail out!") {
                builder.problem("the producer bailed out: \(body.dropFirst(9).trimmingCharacters(in: .whitespaces)); later tests did not run",
                                at: SourcePosition(file: path, line: lines.lineNumber))
            } else if body.hasPrefix("TAP version") {
                sawTAP = true
            }
        }
        if let current = pending { finish(current, into: &builder, path: path) }
        guard sawTAP else {
            throw ReportReadError(file: path, line: 1, problem: "no TAP test lines ('ok', 'not ok') or plan ('1..N')",
                                  hint: "This is not a TAP stream; check the file or --format.")
        }
        if let planned = plans[0], planned != counts[0, default: 0] {
            builder.problem("the plan announced \(planned) tests but \(counts[0, default: 0]) reported",
                            at: SourcePosition(file: path, line: lines.lineNumber))
        }
    }

    private struct TestLine {
        var outcome: TestOutcome
        var number: Int?
        var description: String?
        var reason: String?
    }

    /// Parses `(not )ok [N] [-] [description] [# SKIP|TODO [reason]]`.
    private static func parseTestLine(_ line: Substring) -> TestLine? {
        var rest: Substring
        let passed: Bool
        if line.hasPrefix("not ok") { passed = false; rest = line.dropFirst(6) } else if line.hasPrefix("ok") { passed = true; rest = line.dropFirst(2) } else { return nil }
        guard rest.isEmpty || rest.first == " " else { return nil }
        rest = rest.drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber }
        let number = Int(digits)
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        if rest.hasPrefix("- ") || rest == "-" { rest = rest.dropFirst(1).drop { $0 == " " } }
        var description = rest
        var directive: Substring?
        // The directive starts at the first '#' not escaped as '\#'.
        var index = rest.startIndex
        while index < rest.endIndex {
            if rest[index] == "#", index == rest.startIndex || rest[rest.index(before: index)] != "\\" {
                description = rest[..<index]
                directive = rest[rest.index(after: index)...].drop { $0 == " " }
                break
            }
            index = rest.index(after: index)
        }
        var outcome: TestOutcome = passed ? .passed : .failed
        var reason: String?
        if let directive {
            let word = directive.prefix { !$0.isWhitespace }.uppercased()
            let text = directive.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            if word.hasPrefix("SKIP") {
                outcome = .skipped
                reason = text.isEmpty ? nil : text
            } else if word.hasPrefix("TODO") {
                outcome = passed ? .xpassed : .xfailed
                reason = text.isEmpty ? nil : text
            }
        }
        let trimmed = description.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\#", with: "#")
        return TestLine(outcome: outcome, number: number, description: trimmed.isEmpty ? nil : trimmed, reason: reason)
    }

    private static func finish(_ test: Pending, into builder: inout ReportBuilder, path: String) {
        var message = test.message
        var duration: Double?
        var file: String?
        var line: Int?
        let yaml = test.yaml.joined(separator: "\n")
        if !yaml.isEmpty, let diagnostics = (try? Yams.load(yaml: yaml)) as? [String: Any] {
            message = message ?? (diagnostics["message"] as? String) ?? (diagnostics["error"] as? String)
            if let milliseconds = diagnostics["duration_ms"] as? Double { duration = milliseconds / 1000 }
            if let at = diagnostics["at"] as? [String: Any] {
                file = at["file"] as? String
                line = at["line"] as? Int
            }
        }
        builder.add(idPrefix: test.prefix, name: test.name, classname: nil, file: file, line: line, outcome: test.outcome,
                    duration: duration, message: message, output: yaml.isEmpty ? nil : yaml,
                    at: SourcePosition(file: path, line: test.line))
    }
}
