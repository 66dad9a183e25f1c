import GitKit

/// A hunk of a diff, by position: `files[fileIndex].hunks[hunkIndex]`.
public struct HunkRef: Hashable, Sendable, Comparable, Codable {
    public var fileIndex: Int
    public var hunkIndex: Int

    public init(fileIndex: Int, hunkIndex: Int) {
        self.fileIndex = fileIndex
        self.hunkIndex = hunkIndex
    }

    public static func < (lhs: HunkRef, rhs: HunkRef) -> Bool {
        (lhs.fileIndex, lhs.hunkIndex) < (rhs.fileIndex, rhs.hunkIndex)
    }

    /// Every hunk of `files`, in order.
    public static func all(in files: [FileDiff]) -> [HunkRef] {
        files.indices.flatMap { file in files[file].hunks.indices.map { HunkRef(fileIndex: file, hunkIndex: $0) } }
    }

    /// `files` cut down to the hunks in `refs`: files without a selected hunk are dropped, the
    /// rest keep only their selected hunks, in their original order.
    public static func restrict(_ files: [FileDiff], to refs: some Sequence<HunkRef>) -> [FileDiff] {
        let selected = Set(refs)
        return files.indices.compactMap { fileIndex in
            var file = files[fileIndex]
            file.hunks = file.hunks.indices
                .filter { selected.contains(HunkRef(fileIndex: fileIndex, hunkIndex: $0)) }
                .map { file.hunks[$0] }
            return file.hunks.isEmpty ? nil : file
        }
    }
}
