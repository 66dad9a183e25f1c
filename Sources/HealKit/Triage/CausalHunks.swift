import GitKit

/// Picks the hunks of a diff that can have caused a test failure, before delta debugging.
///
/// The diff should be made with `includeLines: true` and `contextLines: 0`; coverage is on the
/// new side (the failing code), keyed by repository path.
public enum CausalHunks {
    /// The hunks the coverage executes: a hunk whose added lines include a covered line, or
    /// whose deleted lines border one (the new-side line just before or after the deletion).
    public static func covered(diff files: [FileDiff], coverage: CoveredLines) -> [HunkRef] {
        HunkRef.all(in: files).filter { ref in
            let file = files[ref.fileIndex]
            guard file.status != .deleted, let lines = coverage[file.newPath.string] else { return false }
            return touchedLines(file.hunks[ref.hunkIndex]).contains { lines.contains($0) }
        }
    }

    /// The candidates for the failure: the covered hunks when coverage is given and touches
    /// any; otherwise the hunks of files the failure output names; otherwise the whole diff.
    /// Only the coverage basis has high confidence.
    public static func select(diff files: [FileDiff], coverage: CoveredLines?, failureOutput: String?) -> CausalSelection {
        let all = HunkRef.all(in: files)
        let total = "\(all.count) changed hunk\(all.count == 1 ? "" : "s")"
        var lowReason = "no coverage for the test"
        if let coverage {
            let hits = covered(diff: files, coverage: coverage)
            if !hits.isEmpty {
                return CausalSelection(
                    hunks: hits, basis: .coverage, confidence: .high,
                    reason: "coverage: the failing test executes \(hits.count) of \(total) (\(fileList(hits, files)))")
            }
            lowReason = "the test's coverage executes none of the \(total)"
        }
        let paths = files.map(\.path.string)
        let named = Set(FailureOutputPaths.match(FailureOutputPaths.mentioned(in: failureOutput ?? ""), against: paths))
        let fromOutput = all.filter { named.contains(paths[$0.fileIndex]) }
        if !fromOutput.isEmpty {
            return CausalSelection(
                hunks: fromOutput, basis: .failureOutput, confidence: .low,
                reason: "low confidence: \(lowReason); \(fromOutput.count) of \(total) in files the failure output names (\(fileList(fromOutput, files)))")
        }
        return CausalSelection(
            hunks: all, basis: .wholeDiff, confidence: .low,
            reason: "low confidence: \(lowReason) and the failure output names no changed file; all \(total)")
    }

    /// The new-side lines whose coverage implicates `hunk`: its added lines, and both new-side
    /// neighbours of each run of deleted lines.
    static func touchedLines(_ hunk: Hunk) -> Set<Int> {
        guard !hunk.lines.isEmpty else {
            // Without lines (zero context assumed): the header's new range is the added lines,
            // and any deletion sits somewhere between the lines around it.
            var touched = Set(hunk.newStart..<hunk.newStart + hunk.newLines)
            if hunk.oldLines > 0 {
                touched.insert(hunk.newLines == 0 ? hunk.newStart : hunk.newStart - 1)
                touched.insert(hunk.newLines == 0 ? hunk.newStart + 1 : hunk.newStart + hunk.newLines)
            }
            touched.remove(0)
            return touched
        }
        var touched: Set<Int> = []
        // For a pure deletion the header's new start is the line before it; otherwise the first new line.
        var previousNewLine = hunk.newLines == 0 ? hunk.newStart : hunk.newStart - 1
        var inDeletion = false
        for line in hunk.lines {
            switch line.origin {
            case .deleted:
                if !inDeletion {
                    touched.insert(previousNewLine)
                    touched.insert(previousNewLine + 1)
                }
                inDeletion = true
            case .added, .context:
                if line.origin == .added, let number = line.newLine { touched.insert(number) }
                if let number = line.newLine { previousNewLine = number }
                inDeletion = false
            }
        }
        touched.remove(0)
        return touched
    }

    private static func fileList(_ refs: [HunkRef], _ files: [FileDiff]) -> String {
        var names: [String] = []
        for ref in refs where !names.contains(files[ref.fileIndex].path.string) {
            names.append(files[ref.fileIndex].path.string)
        }
        let shown = names.prefix(3).joined(separator: ", ")
        return names.count > 3 ? "\(shown) and \(names.count - 3) more" : shown
    }
}
