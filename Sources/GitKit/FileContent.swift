import CLibGit2
import Foundation

/// What git needs to know about one side's content before diffing it.
struct ContentFacts: Sendable {
    /// Whether git shows "Binary files differ" rather than hunks.
    var isBinary: Bool
    /// Lines as a unified diff counts them: a last line without a newline counts too.
    var lineCount: Int
}

extension Repository {
    /// Calls `body` with the content `git diff` compares for a tree entry: the blob's bytes, or
    /// for a submodule the line git shows in its place. The bytes are valid only inside `body`.
    func withContent<T>(of side: TreeEntrySide, _ body: (UnsafeRawBufferPointer) throws(GitError) -> T) throws(GitError) -> T {
        try withContent(of: side) { (content: DiffContent) throws(GitError) in try body(content.bytes) }
    }

    /// Like `withContent(of:_:)`, also handing over the blob object the bytes belong to (none
    /// for a submodule), which libgit2 can diff without hashing the bytes again.
    func withContent<T>(of side: TreeEntrySide, _ body: (DiffContent) throws(GitError) -> T) throws(GitError) -> T {
        if side.isSubmodule {
            let text = Array("Subproject commit \(side.id.hex)\n".utf8)
            let result = text.withUnsafeBytes { bytes in
                Result { () throws(GitError) -> T in try body(DiffContent(bytes: bytes, blob: nil)) }
            }
            return try result.get()
        }
        var oid = side.id.oid
        var blob: OpaquePointer?
        try shallowAware("git_blob_lookup", git_blob_lookup(&blob, pointer, &oid), what: side.id.hex)
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        let bytes = UnsafeRawBufferPointer(start: size > 0 ? git_blob_rawcontent(blob) : nil, count: size)
        return try body(DiffContent(bytes: bytes, blob: blob))
    }

    /// The sizes of blobs by id, read from object headers without inflating the content.
    func blobSizes(_ ids: [ObjectID]) throws(GitError) -> [Int] {
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, pointer))
        defer { git_odb_free(odb) }
        var sizes: [Int] = []
        sizes.reserveCapacity(ids.count)
        for id in ids {
            var oid = id.oid
            var size = 0
            var type = GIT_OBJECT_ANY
            try shallowAware("git_odb_read_header", git_odb_read_header(&size, &type, odb, &oid), what: id.hex)
            sizes.append(size)
        }
        return sizes
    }

    /// Whether git treats the file at `path` as binary: the `diff` attribute decides when it is
    /// set or unset (`binary` unsets it); otherwise a NUL byte in the first 8,000 bytes does.
    func isBinary(_ content: UnsafeRawBufferPointer, path: GitPath) -> Bool {
        if let forced = diffAttribute(path) { return !forced }
        return ContentFacts.hasNUL(content)
    }

    /// Whether git treats a change from `old` (at `oldPath`) to `new` (at `newPath`) as binary.
    /// An attribute lookup costs a few microseconds (libgit2 stats the attribute files each
    /// time), so a file that kept its path is looked up once.
    func isBinary(_ old: UnsafeRawBufferPointer, path oldPath: GitPath, _ new: UnsafeRawBufferPointer, path newPath: GitPath) -> Bool {
        guard oldPath == newPath else { return isBinary(old, path: oldPath) || isBinary(new, path: newPath) }
        if let forced = diffAttribute(oldPath) { return !forced }
        return ContentFacts.hasNUL(old) || ContentFacts.hasNUL(new)
    }

    /// The `diff` attribute of `path`: true when set, false when unset, nil otherwise.
    private func diffAttribute(_ path: GitPath) -> Bool? {
        var value: UnsafePointer<CChar>?
        let rc = path.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            var cPath = Array(buffer)
            cPath.append(0)
            return cPath.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { git_attr_get(&value, pointer, UInt32(GIT_ATTR_CHECK_FILE_THEN_INDEX), $0.baseAddress, "diff") }
            }
        }
        guard rc == 0 else { return nil }
        switch git_attr_value(value) {
        case GIT_ATTR_VALUE_TRUE: return true
        case GIT_ATTR_VALUE_FALSE: return false
        default: return nil
        }
    }
}

extension ContentFacts {
    init(_ content: UnsafeRawBufferPointer, isBinary: Bool) {
        self.isBinary = isBinary
        lineCount = isBinary ? 0 : Self.lineCount(content)
    }

    /// git's `buffer_is_binary`: a NUL byte among the first 8,000 bytes.
    static func hasNUL(_ content: UnsafeRawBufferPointer) -> Bool {
        guard let base = content.baseAddress else { return false }
        return memchr(base, 0, min(content.count, 8000)) != nil
    }

    static func lineCount(_ content: UnsafeRawBufferPointer) -> Int {
        guard var cursor = content.baseAddress, !content.isEmpty else { return 0 }
        let end = cursor + content.count
        var lines = 0
        while cursor < end, let newline = memchr(cursor, 0x0A, end - cursor) {
            lines += 1
            cursor = UnsafeRawPointer(newline) + 1
        }
        return cursor < end ? lines + 1 : lines
    }

    /// The one hunk of an added (or, with `deleted`, a removed) file, as xdiff writes it.
    func wholeFileHunk(deleted: Bool) -> Hunk? {
        guard !isBinary, lineCount > 0 else { return nil }
        let range = lineCount == 1 ? "1" : "1,\(lineCount)"
        return deleted
            ? Hunk(oldStart: 1, oldLines: lineCount, newStart: 0, newLines: 0, header: "@@ -\(range) +0,0 @@")
            : Hunk(oldStart: 0, oldLines: 0, newStart: 1, newLines: lineCount, header: "@@ -0,0 +\(range) @@")
    }
}
