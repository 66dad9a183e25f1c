import CLibGit2
import Foundation

extension Repository {
    /// The diff from `before` to `after` (any rev-specs naming commits), computed from their
    /// trees — the working tree and index play no part.
    ///
    /// Renames are found as `git diff -M` finds them unless `options.detectRenames` is off;
    /// hunk ranges are those of `git diff -U<contextLines>`.
    public func diff(from before: String, to after: String, options: DiffOptions = DiffOptions()) throws(GitError) -> TreeDiff {
        let beforeCommit = try commit(before)
        let afterCommit = try commit(after)
        let files = try diffTrees(beforeCommit.treeID, afterCommit.treeID, options: options)
        return TreeDiff(before: beforeCommit.id, after: afterCommit.id, files: files)
    }

    /// The diff between two trees by id, in path order (a rename sits where its new path does).
    ///
    /// Renames are paired as `git diff -M` pairs them (see `RenameDetector`); with
    /// `options.detectCopies` libgit2's similarity search finds renames and copies instead.
    public func diffTrees(_ oldTree: ObjectID, _ newTree: ObjectID, options: DiffOptions = DiffOptions()) throws(GitError) -> [FileDiff] {
        if options.detectCopies { return try diffTreesFindingCopies(oldTree, newTree, options: options) }
        let changes = try treeChanges(oldTree, newTree, paths: options.paths)
        return try TreeDiffEngine(repository: self, options: options).run(changes)
    }

    private func diffTreesFindingCopies(_ oldTree: ObjectID, _ newTree: ObjectID, options: DiffOptions) throws(GitError) -> [FileDiff] {
        let old = try lookupTree(oldTree)
        defer { git_tree_free(old) }
        let new = try lookupTree(newTree)
        defer { git_tree_free(new) }

        let diff = try withDiffOptions(options) { (opts) throws(GitError) -> OpaquePointer in
            var diff: OpaquePointer?
            try shallowAware("git_diff_tree_to_tree", git_diff_tree_to_tree(&diff, pointer, old, new, &opts), what: "a tree entry")
            return diff!
        }
        defer { git_diff_free(diff) }

        var find = git_diff_find_options()
        try check("git_diff_find_options_init", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue | GIT_DIFF_FIND_DONT_IGNORE_WHITESPACE.rawValue
        // git's default diff.renameLimit; libgit2's own default is lower.
        find.rename_limit = 1000
        try shallowAware("git_diff_find_similar", git_diff_find_similar(diff, &find), what: "a blob")
        return try collectFiles(diff, includeLines: options.includeLines)
    }

    func collectFiles(_ diff: OpaquePointer, includeLines: Bool) throws(GitError) -> [FileDiff] {
        var files: [FileDiff] = []
        let count = git_diff_num_deltas(diff)
        files.reserveCapacity(count)
        for index in 0..<count {
            if let file = try fileDiff(diff, index: index, includeLines: includeLines) {
                files.append(file)
            }
        }
        return files
    }

    func lookupTree(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.oid
        var tree: OpaquePointer?
        try shallowAware("git_tree_lookup", git_tree_lookup(&tree, pointer, &oid), what: id.hex)
        return tree!
    }

    private func withDiffOptions<T>(_ options: DiffOptions, _ body: (inout git_diff_options) throws(GitError) -> T) throws(GitError) -> T {
        var opts = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        opts.context_lines = UInt32(max(0, options.contextLines))
        opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_INDENT_HEURISTIC.rawValue
        let cStrings: [UnsafeMutablePointer<CChar>?] = options.paths.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var array = cStrings
        return try array.withUnsafeMutableBufferPointer { (buffer) throws(GitError) -> T in
            opts.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return try body(&opts)
        }
    }

    private func fileDiff(_ diff: OpaquePointer?, index: Int, includeLines: Bool) throws(GitError) -> FileDiff? {
        guard let deltaPointer = git_diff_get_delta(diff, index) else { return nil }
        guard let status = Self.status(deltaPointer.pointee.status) else { return nil }

        var patch: OpaquePointer?
        try shallowAware("git_patch_from_diff", git_patch_from_diff(&patch, diff, index), what: "a blob")
        defer { git_patch_free(patch) }
        // Binary detection happens while the patch is made, so read the flags afterwards.
        let delta = (patch.flatMap { git_patch_get_delta($0) } ?? git_diff_get_delta(diff, index))!.pointee
        let isBinary = delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0

        var hunks: [Hunk] = []
        if let patch, !isBinary {
            hunks = try Self.hunks(of: patch, includeLines: includeLines)
        }
        return FileDiff(
            status: status,
            oldPath: Self.path(delta.old_file.path), newPath: Self.path(delta.new_file.path),
            oldMode: FileMode(raw: UInt32(delta.old_file.mode)), newMode: FileMode(raw: UInt32(delta.new_file.mode)),
            oldID: Self.optionalID(delta.old_file.id), newID: Self.optionalID(delta.new_file.id),
            isBinary: isBinary, similarity: Int(delta.similarity), hunks: hunks)
    }

    static func hunks(of patch: OpaquePointer, includeLines: Bool) throws(GitError) -> [Hunk] {
        let count = git_patch_num_hunks(patch)
        var hunks: [Hunk] = []
        hunks.reserveCapacity(count)
        for h in 0..<count {
            var hunkPointer: UnsafePointer<git_diff_hunk>?
            var lineCount = 0
            try check("git_patch_get_hunk", git_patch_get_hunk(&hunkPointer, &lineCount, patch, h))
            let raw = hunkPointer!.pointee
            var hunk = Hunk(oldStart: Int(raw.old_start), oldLines: Int(raw.old_lines),
                            newStart: Int(raw.new_start), newLines: Int(raw.new_lines),
                            header: headerText(raw))
            if includeLines {
                hunk.lines = try lines(of: patch, hunk: h, count: lineCount)
            }
            hunks.append(hunk)
        }
        return hunks
    }

    private static func lines(of patch: OpaquePointer, hunk: Int, count: Int) throws(GitError) -> [DiffLine] {
        var lines: [DiffLine] = []
        lines.reserveCapacity(count)
        for l in 0..<count {
            var linePointer: UnsafePointer<git_diff_line>?
            try check("git_patch_get_line_in_hunk", git_patch_get_line_in_hunk(&linePointer, patch, hunk, l))
            let raw = linePointer!.pointee
            let origin: DiffLine.Origin
            switch UInt8(bitPattern: raw.origin) {
            case UInt8(ascii: "+"): origin = .added
            case UInt8(ascii: "-"): origin = .deleted
            case UInt8(ascii: " "): origin = .context
            default:
                // "\ No newline at end of file" markers belong to the line before.
                if !lines.isEmpty { lines[lines.count - 1].missingNewlineAtEnd = true }
                continue
            }
            var text = ""
            if let content = raw.content, raw.content_len > 0 {
                let buffer = UnsafeRawBufferPointer(start: content, count: Int(raw.content_len))
                text = String(decoding: buffer, as: UTF8.self)
                if text.hasSuffix("\n") { text.removeLast() }
                if text.hasSuffix("\r") { text.removeLast() }
            }
            lines.append(DiffLine(origin: origin,
                                  oldLine: raw.old_lineno > 0 ? Int(raw.old_lineno) : nil,
                                  newLine: raw.new_lineno > 0 ? Int(raw.new_lineno) : nil,
                                  content: text))
        }
        return lines
    }

    static func headerText(_ hunk: git_diff_hunk) -> String {
        var copy = hunk
        let length = Int(hunk.header_len)
        var text = withUnsafeBytes(of: &copy.header) { raw in
            String(decoding: raw.prefix(min(length, raw.count)), as: UTF8.self)
        }
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    static func status(_ status: git_delta_t) -> FileStatus? {
        switch status {
        // Untracked files only appear in working-tree diffs, where they are additions.
        case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: .added
        case GIT_DELTA_DELETED: .deleted
        case GIT_DELTA_MODIFIED: .modified
        case GIT_DELTA_RENAMED: .renamed
        case GIT_DELTA_COPIED: .copied
        case GIT_DELTA_TYPECHANGE: .typechange
        default: nil
        }
    }

    static func path(_ pointer: UnsafePointer<CChar>?) -> GitPath {
        guard let pointer else { return GitPath(bytes: []) }
        let length = strlen(pointer)
        return GitPath(bytes: pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        })
    }

    static func optionalID(_ oid: git_oid) -> ObjectID? {
        let id = ObjectID(oid)
        return id.isZero ? nil : id
    }
}
