import GitKit

/// Reads one window's error logs, mapping frames onto the files of one revision of the
/// repository (the deploy's: the code that ran and logged them).
public struct ErrorLogLoader: Sendable {
    let mapper: FramePathMapper

    /// - Parameters:
    ///   - repositoryFiles: the repository's file paths at the revision that ran (empty outside a
    ///     repository: then no frame maps and signatures name the frames' own paths).
    ///   - pathPrefixes: `errors.path-prefixes`.
    public init(repositoryFiles: [String], pathPrefixes: [String] = []) {
        mapper = FramePathMapper(repositoryFiles: repositoryFiles, pathPrefixes: pathPrefixes)
    }

    /// A loader for the files of `revision` in the repository at `repositoryPath`.
    public init(repositoryPath: String, revision: String, pathPrefixes: [String] = []) throws {
        let repository = try Repository(discovering: repositoryPath)
        let files = try repository.treeEntries(repository.commit(revision).treeID).filter { $0.mode != .submodule }.map(\.path.string)
        self.init(repositoryFiles: files, pathPrefixes: pathPrefixes)
    }

    /// Reads the files, directories and globs in `patterns` (relative ones relative to
    /// `directory`); `option` names where they came from in errors (`--errors-current`).
    ///
    /// Throws `LogFilesError` when an entry matches no file; lines that cannot be used are
    /// counted in the window's `problems`, never thrown.
    public func load(_ patterns: [String], relativeTo directory: String, option: String) throws -> ErrorWindow {
        try ErrorLogReader(mapper: mapper).read(files: LogFiles.expand(patterns, relativeTo: directory, option: option))
    }
}
