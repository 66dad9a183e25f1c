import Foundation
import GitKit

/// Undoes zero-context hunks in a file's content: the pure core of the `revert` agent.
///
/// The hunks must come from a diff made with `contextLines: 0, includeLines: true`; `content`
/// is the hunks' new side. Each hunk's added lines are checked against the content before they
/// are replaced by its deleted lines, so a file that moved on since is refused, never mangled.
public enum HunkReverter {
    /// `content` with `hunks` reverted.
    ///
    /// - Throws: `HunkRevertError` when a hunk has no lines or its added lines are not where
    ///   the hunk says.
    public static func revert(_ content: Data, hunks: [Hunk], path: String) throws(HunkRevertError) -> Data {
        var lines = splitLines(content)
        for hunk in hunks.sorted(by: { $0.newStart > $1.newStart }) {
            try revert(hunk, in: &lines, path: path)
        }
        return Data(lines.joined())
    }

    private static func revert(_ hunk: Hunk, in lines: inout [[UInt8]], path: String) throws(HunkRevertError) {
        let added = hunk.lines.filter { $0.origin == .added }
        let deleted = hunk.lines.filter { $0.origin == .deleted }
        guard added.count == hunk.newLines, deleted.count == hunk.oldLines else {
            throw HunkRevertError(path: path, hunk: hunk.header,
                                  problem: "the hunk carries no lines; make the diff with includeLines and zero context")
        }
        // A pure insertion sits after line `newStart`; otherwise its lines start there.
        let start = hunk.newLines == 0 ? hunk.newStart : hunk.newStart - 1
        guard start >= 0, start + added.count <= lines.count else {
            throw HunkRevertError(path: path, hunk: hunk.header, problem: "the file is shorter than the hunk says")
        }
        for (offset, line) in added.enumerated() where text(of: lines[start + offset]) != trimCR(line.content) {
            throw HunkRevertError(path: path, hunk: hunk.header,
                                  problem: "line \(start + offset + 1) is no longer `\(line.content)`")
        }
        var replacement = deleted.map { line -> [UInt8] in
            Array(line.content.utf8) + (line.missingNewlineAtEnd ? [] : [0x0A])
        }
        let isAtEnd = start + added.count == lines.count
        if !isAtEnd, let last = replacement.last, last.last != 0x0A {
            // Only the file's last line may lack a newline.
            replacement[replacement.count - 1].append(0x0A)
        }
        if isAtEnd, !replacement.isEmpty, start > 0, lines[start - 1].last != 0x0A {
            lines[start - 1].append(0x0A)
        }
        lines.replaceSubrange(start..<(start + added.count), with: replacement)
    }

    /// The content's lines, each with its own line ending (the last may have none).
    static func splitLines(_ content: Data) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in content {
            current.append(byte)
            if byte == 0x0A {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A line's text without its ending, as a diff line's `content` holds it.
    private static func text(of line: [UInt8]) -> String {
        var bytes = line
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func trimCR(_ text: String) -> String {
        text.hasSuffix("\r") ? String(text.dropLast()) : text
    }
}

/// A hunk that cannot be reverted in the content at hand.
public struct HunkRevertError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// The hunk's header (`@@ -3,2 +3,1 @@`).
    public var hunk: String
    public var problem: String

    public var description: String { "\(path): cannot revert \(hunk.trimmingCharacters(in: .whitespacesAndNewlines)): \(problem)" }
}
