/// Checks on a repository-relative path as written, before anything looks at the disk.
enum RepositoryPath {
    /// Why `path` would leave the repository or reach into git's own files, or nil if it stays
    /// inside. Backslashes count as separators too, since they are on Windows checkouts.
    static func escapeProblem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") || path.hasPrefix("\\") || isDriveLetterPath(path) {
            return "is an absolute path; fixes may write only inside the repository"
        }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") {
            return "contains `..` and leaves the repository; fixes may write only inside it"
        }
        if components.contains(where: { $0.lowercased() == ".git" }) {
            return "reaches into a `.git` directory; fixes may not change git's own files"
        }
        return nil
    }

    /// `C:…`, an absolute (or drive-relative) Windows path.
    private static func isDriveLetterPath(_ path: String) -> Bool {
        let characters = Array(path.prefix(2))
        return characters.count == 2 && characters[0].isLetter && characters[0].isASCII && characters[1] == ":"
    }
}
