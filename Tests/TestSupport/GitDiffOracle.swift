import Foundation

/// Hunk ranges as `git diff` prints them, parsed from its output: the oracle GitKit's diff is
/// checked against.
public enum GitDiffOracle {
    /// One hunk header's ranges.
    public struct Range: Hashable, Sendable, CustomStringConvertible {
        public var oldStart, oldLines, newStart, newLines: Int
        public init(_ oldStart: Int, _ oldLines: Int, _ newStart: Int, _ newLines: Int) {
            self.oldStart = oldStart
            self.oldLines = oldLines
            self.newStart = newStart
            self.newLines = newLines
        }
        public var description: String { "-\(oldStart),\(oldLines) +\(newStart),\(newLines)" }
    }

    /// Runs `git diff <arguments>` in `repository` (with `--no-color --no-ext-diff`) and returns
    /// the hunk ranges per path (the new path, or the old one for a deletion).
    public static func hunks(in repository: String, _ arguments: [String]) throws -> [String: [Range]] {
        let output = try Shell.check(["git", "-C", repository, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff"] + arguments)
        return parse(output)
    }

    /// Parses unified diff output into hunk ranges per path.
    public static func parse(_ output: String) -> [String: [Range]] {
        var result: [String: [Range]] = [:]
        var oldPath: String?
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("diff --git ") {
                current = nil
                oldPath = nil
            } else if line.hasPrefix("--- ") {
                oldPath = path(line.dropFirst(4))
            } else if line.hasPrefix("+++ ") {
                current = path(line.dropFirst(4)) ?? oldPath
            } else if line.hasPrefix("@@ "), let current, let range = range(String(line)) {
                result[current, default: []].append(range)
            }
        }
        return result
    }

    private static func path(_ text: Substring) -> String? {
        var text = String(text)
        // git appends a tab after a path that contains a space.
        if text.hasSuffix("\t") { text.removeLast() }
        if text == "/dev/null" { return nil }
        return String(text.dropFirst(2))
    }

    private static func range(_ header: String) -> Range? {
        let parts = header.split(separator: " ")
        guard parts.count >= 3 else { return nil }
        func pair(_ text: Substring) -> (Int, Int)? {
            let numbers = text.dropFirst().split(separator: ",")
            guard let start = Int(numbers[0]) else { return nil }
            let count = numbers.count > 1 ? Int(numbers[1]) ?? 1 : 1
            return (start, count)
        }
        guard let old = pair(parts[1]), let new = pair(parts[2]) else { return nil }
        return Range(old.0, old.1, new.0, new.1)
    }
}
