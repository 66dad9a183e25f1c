import GitKit

/// The diff as coverage should judge it.
///
/// `CausalHunks` counts a deleted run as covered when a covered line borders it. For a hunk
/// that also adds lines that is too wide: the line above a function body's first statement is
/// its `def`, which runs at import time and so counts for every test — every test would
/// "execute" every edit of a first statement, defeating both DeFlaker's rule and the causal
/// selection. A hunk with added lines is judged by them alone; pure deletions keep the border
/// rule. Hunk positions are unchanged, so `HunkRef`s into the result index the original diff.
enum CoverageDiff {
    static func judging(_ files: [FileDiff]) -> [FileDiff] {
        files.map { file in
            var file = file
            for index in file.hunks.indices where file.hunks[index].lines.contains(where: { $0.origin == .added }) {
                file.hunks[index].lines.removeAll { $0.origin == .deleted }
            }
            return file
        }
    }
}
