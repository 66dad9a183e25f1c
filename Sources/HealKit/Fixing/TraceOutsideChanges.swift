import GitKit

/// The verification of a fix for a production error that has no test to rerun (the built-in
/// revert): after the fix, no frame of the error's trace may lie in code the deploy changed.
///
/// The trace numbers lines of the deployed code. Each frame is carried through the fix: a
/// frame whose line the fix replaced is gone; any other moves with the lines the fix added or
/// removed above it, and is then checked against the changes that remain between the baseline
/// and the fixed code.
enum TraceOutsideChanges {
    /// The frames (deployed positions) that still lie in changed code with the fix.
    ///
    /// - Parameters:
    ///   - deployToFix: the fix's own diff (deploy → fixed tree) at zero context.
    ///   - baselineToFix: what differs between the baseline and the fixed tree, at zero context.
    static func stillLinked(_ frames: [ErrorFrameLinker.Frame], deployToFix: [FileDiff],
                            baselineToFix: [FileDiff]) -> [ErrorFrameLinker.Frame] {
        frames.filter { frame in
            var path = frame.path
            var line = frame.line
            if let fix = deployToFix.first(where: { $0.oldPath.string == frame.path && $0.status != .added }) {
                if fix.status == .deleted { return false }
                guard let moved = position(of: line, through: fix.hunks) else { return false }
                line = moved
                path = fix.newPath.string
            }
            let remaining = ErrorFrameLinker.links([ErrorFrameLinker.Frame(path: path, line: line, function: frame.function)],
                                                   in: baselineToFix)
            return !remaining.isEmpty
        }
    }

    /// Where old-side `line` is on the new side of `hunks` (zero context), or nil when a hunk
    /// replaced or removed it.
    static func position(of line: Int, through hunks: [Hunk]) -> Int? {
        var shift = 0
        for hunk in hunks {
            if hunk.oldLines > 0 {
                if line >= hunk.oldStart && line < hunk.oldStart + hunk.oldLines { return nil }
                if hunk.oldStart + hunk.oldLines <= line { shift += hunk.newLines - hunk.oldLines }
            } else if hunk.oldStart < line {
                // `@@ -4,0 +5,2 @@`: two lines added after old line 4.
                shift += hunk.newLines
            }
        }
        return line + shift
    }
}
