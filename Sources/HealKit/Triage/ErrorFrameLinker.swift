import GitKit

/// Links an error's stack frames to the deploy's changed lines: the evidence that the deploy
/// caused a production error, found without running anything.
///
/// A frame lies in changed code when its line (in the deployed code, which is what the trace
/// numbers) is one of a zero-context hunk's new lines, or borders a pure deletion (the line
/// before and the line after what was deleted: a removed guard raises on the next line).
enum ErrorFrameLinker {
    /// A frame inside the repository: where it maps, and the frame as logged.
    struct Frame: Sendable, Hashable {
        var path: String
        var line: Int
        var function: String
    }

    /// A frame in changed code, and the hunk it lies in.
    struct Link: Sendable, Hashable {
        var frame: Frame
        var hunk: HunkRef
    }

    /// The frames of `stack` (innermost first) that lie in a hunk of `files` (a zero-context
    /// diff before → after), innermost first.
    static func links(_ stack: [Frame], in files: [FileDiff]) -> [Link] {
        var byPath: [String: Int] = [:]
        for (index, file) in files.enumerated() where file.status != .deleted { byPath[file.path.string] = index }
        return stack.compactMap { frame in
            guard let fileIndex = byPath[frame.path],
                  let hunkIndex = files[fileIndex].hunks.firstIndex(where: { touches($0, line: frame.line) }) else { return nil }
            return Link(frame: frame, hunk: HunkRef(fileIndex: fileIndex, hunkIndex: hunkIndex))
        }
    }

    /// Whether new-side `line` is one of `hunk`'s new lines or borders its deletion.
    static func touches(_ hunk: Hunk, line: Int) -> Bool {
        if hunk.newLines > 0 { return line >= hunk.newStart && line < hunk.newStart + hunk.newLines }
        // `@@ -5,2 +4,0 @@`: old lines 5-6 went away after new line 4.
        return line == hunk.newStart || line == hunk.newStart + 1
    }
}
