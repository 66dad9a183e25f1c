import CLibGit2
import Foundation

extension Repository {
    /// The bytes of the file at `path` in `revision` (`git show <revision>:<path>`).
    ///
    /// - Throws: `.notFound` when the revision has no such path.
    public func blob(at revision: String, path: String) throws(GitError) -> Data {
        let commitID = try commit(revision).id
        var object: OpaquePointer?
        let spec = "\(commitID.hex):\(path)"
        let rc = git_revparse_single(&object, pointer, spec)
        if rc < 0 {
            var error = GitError.last("git_revparse_single", rc)
            if error.kind == .notFound {
                error.message = "'\(path)' does not exist in \(revision) (\(commitID.short()))"
            }
            throw error
        }
        defer { git_object_free(object) }
        var blob: OpaquePointer?
        let peel = git_object_peel(&blob, object, GIT_OBJECT_BLOB)
        if peel < 0 {
            var error = GitError.last("git_object_peel", peel)
            error.message = "'\(path)' in \(revision) is not a file: \(error.message)"
            throw error
        }
        defer { git_object_free(blob) }
        return Self.blobData(blob!)
    }

    /// The bytes of a blob by id.
    public func blob(_ id: ObjectID) throws(GitError) -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        try shallowAware("git_blob_lookup", git_blob_lookup(&blob, pointer, &oid), what: id.hex)
        defer { git_blob_free(blob) }
        return Self.blobData(blob!)
    }

    static func blobData(_ blob: OpaquePointer) -> Data {
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: raw, count: size)
    }
}
