/// How a file changed between two trees, as `git diff --name-status` names it.
public enum FileStatus: String, Sendable, Codable, CaseIterable {
    case added, deleted, modified, renamed, copied, typechange
}

/// A git tree entry mode.
public enum FileMode: Sendable, Equatable, Codable, CustomStringConvertible {
    case regular, executable, symlink, submodule, tree, absent
    case other(UInt32)

    init(raw: UInt32) {
        switch raw {
        case 0: self = .absent
        case 0o100644: self = .regular
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        case 0o040000: self = .tree
        default: self = .other(raw)
        }
    }

    /// The octal mode git prints (`100644`), or `000000` for a side where the file is absent.
    public var octal: String {
        switch self {
        case .absent: "000000"
        case .regular: "100644"
        case .executable: "100755"
        case .symlink: "120000"
        case .submodule: "160000"
        case .tree: "040000"
        case .other(let raw): String(raw, radix: 8)
        }
    }

    public var description: String { octal }

    /// The mode as git stores it.
    var raw: UInt32 {
        switch self {
        case .absent: 0
        case .regular: 0o100644
        case .executable: 0o100755
        case .symlink: 0o120000
        case .submodule: 0o160000
        case .tree: 0o040000
        case .other(let raw): raw
        }
    }
}

/// A path as git stores it: bytes, which need not be valid UTF-8.
public struct GitPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The exact bytes of the path.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The path as text: the UTF-8 string when the bytes are valid UTF-8; otherwise each byte
    /// that is not part of valid UTF-8 is written as a `\ooo` octal escape, as git quotes it.
    public var string: String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.utf8SequenceLength(bytes, at: index)
            if length > 0, let scalarText = String(validating: bytes[index..<index + length], as: UTF8.self) {
                text += scalarText
                index += length
            } else {
                text += "\\" + String(bytes[index], radix: 8)
                index += 1
            }
        }
        return text
    }

    /// Whether the path is valid UTF-8 (so `string` is exact).
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    public var description: String { string }

    public static func < (lhs: GitPath, rhs: GitPath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return index + length <= bytes.count ? length : 0
    }
}

/// One line of a hunk.
public struct DiffLine: Sendable, Equatable {
    public enum Origin: Sendable, Equatable { case context, added, deleted }
    public var origin: Origin
    /// The line's number in the old file (nil for an added line).
    public var oldLine: Int?
    /// The line's number in the new file (nil for a deleted line).
    public var newLine: Int?
    /// The text, without its line ending.
    public var content: String
    /// Whether the file has no newline at the end after this line.
    public var missingNewlineAtEnd: Bool

    public init(origin: Origin, oldLine: Int?, newLine: Int?, content: String, missingNewlineAtEnd: Bool = false) {
        self.origin = origin
        self.oldLine = oldLine
        self.newLine = newLine
        self.content = content
        self.missingNewlineAtEnd = missingNewlineAtEnd
    }
}

/// A hunk: the ranges of a unified diff header and, when asked for, its lines.
public struct Hunk: Sendable, Equatable {
    public var oldStart: Int
    public var oldLines: Int
    public var newStart: Int
    public var newLines: Int
    /// The `@@ -a,b +c,d @@ context` line, without its line ending.
    public var header: String
    /// The hunk's lines; empty unless the diff was made with `includeLines`.
    public var lines: [DiffLine]

    public init(oldStart: Int, oldLines: Int, newStart: Int, newLines: Int, header: String, lines: [DiffLine] = []) {
        self.oldStart = oldStart
        self.oldLines = oldLines
        self.newStart = newStart
        self.newLines = newLines
        self.header = header
        self.lines = lines
    }
}

/// One changed file between two trees.
public struct FileDiff: Sendable, Equatable {
    public var status: FileStatus
    public var oldPath: GitPath
    public var newPath: GitPath
    public var oldMode: FileMode
    public var newMode: FileMode
    public var oldID: ObjectID?
    public var newID: ObjectID?
    /// Whether git treats either side as binary (then there are no hunks).
    public var isBinary: Bool
    /// Rename or copy similarity, 0–100 (0 when not a rename or copy).
    public var similarity: Int
    public var hunks: [Hunk]

    /// The path to show: the new path, or the old one for a deleted file.
    public var path: GitPath { status == .deleted ? oldPath : newPath }

    public init(status: FileStatus, oldPath: GitPath, newPath: GitPath, oldMode: FileMode, newMode: FileMode,
                oldID: ObjectID?, newID: ObjectID?, isBinary: Bool, similarity: Int, hunks: [Hunk]) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldMode = oldMode
        self.newMode = newMode
        self.oldID = oldID
        self.newID = newID
        self.isBinary = isBinary
        self.similarity = similarity
        self.hunks = hunks
    }
}

/// What to compute in a tree-to-tree diff.
public struct DiffOptions: Sendable, Equatable {
    /// Lines of context around each change (`git diff -U<n>`).
    public var contextLines: Int = 3
    /// Pair deleted and added files into renames (`git diff -M`). On by default.
    public var detectRenames: Bool = true
    /// Also find copies from modified files (`git diff -C`).
    public var detectCopies: Bool = false
    /// Restrict the diff to these pathspecs (as `git diff -- <paths>`); empty means all.
    public var paths: [String] = []
    /// Fill each hunk's `lines`.
    public var includeLines: Bool = false

    public init(contextLines: Int = 3, detectRenames: Bool = true, detectCopies: Bool = false,
                paths: [String] = [], includeLines: Bool = false) {
        self.contextLines = contextLines
        self.detectRenames = detectRenames
        self.detectCopies = detectCopies
        self.paths = paths
        self.includeLines = includeLines
    }
}

/// The difference between two commits.
public struct TreeDiff: Sendable, Equatable {
    public var before: ObjectID
    public var after: ObjectID
    public var files: [FileDiff]

    public init(before: ObjectID, after: ObjectID, files: [FileDiff]) {
        self.before = before
        self.after = after
        self.files = files
    }
}
