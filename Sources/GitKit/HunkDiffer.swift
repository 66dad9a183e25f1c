import CLibGit2
import Foundation

/// Runs libgit2's xdiff over two buffers the way `git diff` runs its own.
///
/// Two things make the hunks equal to git's: the indent heuristic (git's default), and, at zero
/// context lines, git's `trim_common_tail` (xdiff-interface.c), which cuts the common tail of
/// both files in 1 KiB blocks before diffing. That trim changes which of several equally short
/// edit scripts xdiff picks, so `git diff -U0` and `git diff -U3` can place a change
/// differently; libgit2 has no such step, so it is done here.
struct HunkDiffer {
    var contextLines: Int
    var includeLines: Bool

    /// The hunks from `old` to `new`, both treated as text.
    func hunks(_ old: UnsafeRawBufferPointer, _ new: UnsafeRawBufferPointer) throws(GitError) -> [Hunk] {
        try hunks(DiffContent(bytes: old, blob: nil), DiffContent(bytes: new, blob: nil))
    }

    /// The hunks from `old` to `new`, both treated as text.
    ///
    /// When both sides are blobs and no tail is cut, the blobs themselves are diffed: given
    /// buffers, libgit2 hashes both of them first (collision-detecting SHA-1, a tenth of a large
    /// diff's time), while a blob brings its id along. The bytes xdiff sees are the same either
    /// way, and the forced text mode overrides whatever diff driver libgit2 picks for blobs.
    func hunks(_ old: DiffContent, _ new: DiffContent) throws(GitError) -> [Hunk] {
        var oldCount = old.bytes.count
        var newCount = new.bytes.count
        if contextLines == 0 { Self.trimCommonTail(old.bytes, &oldCount, new.bytes, &newCount) }
        let tailCut = oldCount != old.bytes.count || newCount != new.bytes.count
        let oldBlob = tailCut ? nil : old.blob
        let newBlob = tailCut ? nil : new.blob
        var opts = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        opts.context_lines = UInt32(max(0, contextLines))
        opts.flags = GIT_DIFF_INDENT_HEURISTIC.rawValue | GIT_DIFF_FORCE_TEXT.rawValue
        if includeLines {
            var patch: OpaquePointer?
            if let oldBlob, let newBlob {
                try check("git_patch_from_blobs", git_patch_from_blobs(&patch, oldBlob, nil, newBlob, nil, &opts))
            } else {
                try check("git_patch_from_buffers", git_patch_from_buffers(
                    &patch, old.bytes.baseAddress, oldCount, nil, new.bytes.baseAddress, newCount, nil, &opts))
            }
            defer { git_patch_free(patch) }
            return try Repository.hunks(of: patch!, includeLines: true)
        }
        let collector = HunkCollector()
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        if let oldBlob, let newBlob {
            try check("git_diff_blobs", git_diff_blobs(oldBlob, nil, newBlob, nil, &opts, nil, nil, collectHunk, nil, payload))
        } else {
            try check("git_diff_buffers", git_diff_buffers(old.bytes.baseAddress, oldCount, nil, new.bytes.baseAddress, newCount, nil,
                                                           &opts, nil, nil, collectHunk, nil, payload))
        }
        return collector.hunks
    }

    /// git's `trim_common_tail`: drop whole 1 KiB blocks that both files end with, then give
    /// back the bytes up to and including the first newline of the dropped part, so both
    /// buffers still end on a complete line.
    static func trimCommonTail(_ old: UnsafeRawBufferPointer, _ oldCount: inout Int,
                               _ new: UnsafeRawBufferPointer, _ newCount: inout Int) {
        let block = 1024
        let smaller = min(old.count, new.count)
        guard smaller >= block, let oldBase = old.baseAddress, let newBase = new.baseAddress else { return }
        var trimmed = 0
        while block + trimmed <= smaller,
              memcmp(oldBase + old.count - trimmed - block, newBase + new.count - trimmed - block, block) == 0 {
            trimmed += block
        }
        guard trimmed > 0 else { return }
        var recovered = 0
        let tail = oldBase + old.count - trimmed
        while recovered < trimmed {
            let byte = tail.load(fromByteOffset: recovered, as: UInt8.self)
            recovered += 1
            if byte == 0x0A { break }
        }
        oldCount = old.count - (trimmed - recovered)
        newCount = new.count - (trimmed - recovered)
    }
}

/// libgit2's hunk callback: hands each hunk to the `HunkCollector` passed as the payload.
private func collectHunk(_: UnsafePointer<git_diff_delta>?, _ hunk: UnsafePointer<git_diff_hunk>?,
                         _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let hunk, let payload else { return 0 }
    Unmanaged<HunkCollector>.fromOpaque(payload).takeUnretainedValue().append(hunk.pointee)
    return 0
}

/// Receives hunk headers from libgit2's callback; a class so a pointer to it can be the payload.
private final class HunkCollector {
    var hunks: [Hunk] = []

    func append(_ raw: git_diff_hunk) {
        hunks.append(Hunk(oldStart: Int(raw.old_start), oldLines: Int(raw.old_lines),
                          newStart: Int(raw.new_start), newLines: Int(raw.new_lines),
                          header: Repository.headerText(raw)))
    }
}
