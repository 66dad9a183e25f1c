/// One side's content as the content diff reads it: the bytes, and the blob object they are
/// borrowed from when there is one. Valid only inside the `withContent` call that made it.
struct DiffContent {
    var bytes: UnsafeRawBufferPointer
    /// The `git_blob`, or nil for content heal made up (a submodule's line).
    var blob: OpaquePointer?
}
