import CLibGit2
import Foundation

/// The outcome of a three-way file merge.
public struct FileMergeResult: Sendable, Equatable {
    /// The merged bytes; with conflicts, they hold git's conflict markers.
    public var content: Data
    /// Whether some change could not be merged cleanly.
    public var hasConflicts: Bool
}

extension Repository {
    /// Three-way merges one file's contents (`git merge-file`): the changes from `ancestor` to
    /// `theirs` applied on top of `ours`.
    public static func mergeFile(ancestor: Data, ours: Data, theirs: Data, path: String) throws(GitError) -> FileMergeResult {
        let token = LibGit2Token()
        defer { withExtendedLifetime(token) {} }
        var options = git_merge_file_options()
        try check("git_merge_file_options_init",
                  git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)))
        var result = git_merge_file_result()
        let rc = ancestor.withUnsafeBytes { a in
            ours.withUnsafeBytes { o in
                theirs.withUnsafeBytes { t in
                    path.withCString { cPath in
                        var ancestorInput = input(a, cPath)
                        var oursInput = input(o, cPath)
                        var theirsInput = input(t, cPath)
                        return git_merge_file(&result, &ancestorInput, &oursInput, &theirsInput, &options)
                    }
                }
            }
        }
        try check("git_merge_file", rc)
        defer { git_merge_file_result_free(&result) }
        let content = result.ptr.map { Data(bytes: $0, count: result.len) } ?? Data()
        return FileMergeResult(content: content, hasConflicts: result.automergeable == 0)
    }

    private static func input(_ bytes: UnsafeRawBufferPointer, _ path: UnsafePointer<CChar>) -> git_merge_file_input {
        var input = git_merge_file_input()
        git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
        input.ptr = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        input.size = bytes.count
        input.path = path
        input.mode = 0o100644
        return input
    }
}
