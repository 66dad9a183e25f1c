import GitKit

/// The ranges of one hunk, as in a unified diff header: the JSON shape of DESIGN.md.
public struct HunkRange: Codable, Sendable, Hashable {
    public var oldStart: Int
    public var oldLines: Int
    public var newStart: Int
    public var newLines: Int

    public init(oldStart: Int, oldLines: Int, newStart: Int, newLines: Int) {
        self.oldStart = oldStart
        self.oldLines = oldLines
        self.newStart = newStart
        self.newLines = newLines
    }

    public init(_ hunk: Hunk) {
        self.init(oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines)
    }
}

/// `heal diff --json`: `{"before", "after", "files": [{"path", "oldPath", "status", "binary", "hunks"}]}`.
public struct DiffJSON: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        /// The path before the change; null for an added file.
        public var oldPath: String?
        public var status: FileStatus
        public var binary: Bool
        public var hunks: [HunkRange]

        enum CodingKeys: String, CodingKey { case path, oldPath, status, binary, hunks }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            // The contract keeps the key: null rather than absent for an added file.
            try container.encode(oldPath, forKey: .oldPath)
            try container.encode(status, forKey: .status)
            try container.encode(binary, forKey: .binary)
            try container.encode(hunks, forKey: .hunks)
        }
    }

    public var before: String
    public var after: String
    public var files: [File]

    public init(_ diff: TreeDiff) {
        before = diff.before.hex
        after = diff.after.hex
        files = diff.files.map { file in
            File(path: file.path.string,
                 oldPath: file.status == .added ? nil : file.oldPath.string,
                 status: file.status, binary: file.isBinary,
                 hunks: file.hunks.map(HunkRange.init))
        }
    }
}
