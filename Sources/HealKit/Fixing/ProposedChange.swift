import GitKit

/// What a fix agent changed, against the fix base: the value the scope guard judges. Built
/// from the diff of the deploy's tree to the candidate tree heal built from the agent's files
/// (`ProposedChange(diff:)`), or written by hand in tests.
public struct ProposedChange: Sendable, Equatable {
    /// One line the agent added or removed.
    public struct Line: Sendable, Equatable {
        /// The line's number: in the new file for an added line, in the old file for a removed one.
        public var number: Int
        /// The text, without its line ending.
        public var text: String

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
        }
    }

    /// One changed file.
    public struct File: Sendable, Equatable {
        public var status: FileStatus
        /// The path before the change (repository-relative, `/`-separated); nil for an added file.
        public var oldPath: String?
        /// The path after the change; nil for a deleted file.
        public var newPath: String?
        /// The mode before and after (`.absent` on the side where the file does not exist).
        public var oldMode: FileMode
        public var newMode: FileMode
        /// Whether git sees either side as binary.
        public var isBinary: Bool
        public var addedLines: [Line]
        public var removedLines: [Line]

        public init(status: FileStatus, oldPath: String?, newPath: String?,
                    oldMode: FileMode = .regular, newMode: FileMode = .regular, isBinary: Bool = false,
                    addedLines: [Line] = [], removedLines: [Line] = []) {
            self.status = status
            self.oldPath = oldPath
            self.newPath = newPath
            self.oldMode = oldMode
            self.newMode = newMode
            self.isBinary = isBinary
            self.addedLines = addedLines
            self.removedLines = removedLines
        }

        /// The path to name in reports: the new path, or the old one for a deleted file.
        public var path: String { newPath ?? oldPath ?? "" }

        /// Every path the change touches: both sides of a rename, only the new side of a copy
        /// (its source is left as it was).
        public var paths: [String] {
            if status == .copied { return newPath.map { [$0] } ?? [] }
            var paths: [String] = []
            if let oldPath { paths.append(oldPath) }
            if let newPath, newPath != oldPath { paths.append(newPath) }
            return paths
        }

        /// Added plus removed lines.
        public var changedLineCount: Int { addedLines.count + removedLines.count }

        /// Whether either side is a symbolic link in git (mode 120000).
        public var isSymlinkInGit: Bool { oldMode == .symlink || newMode == .symlink }

        /// Whether either side is a submodule (a gitlink, mode 160000).
        public var isSubmodule: Bool { oldMode == .submodule || newMode == .submodule }

        /// Whether the new side is executable.
        public var isExecutable: Bool { newMode == .executable }
    }

    public var files: [File]

    public init(files: [File]) {
        self.files = files
    }

    /// Added plus removed lines over every file.
    public var changedLineCount: Int { files.reduce(0) { $0 + $1.changedLineCount } }

    /// Whether the agent changed nothing.
    public var isEmpty: Bool { files.isEmpty }
}
