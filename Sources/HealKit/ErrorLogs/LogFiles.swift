import Foundation

/// Expands the `errors.baseline` / `errors.current` entries into log files: a file, a
/// directory (every non-hidden file under it), or a glob (`logs/after/*.jsonl`,
/// `logs/**/app-*.log`; see `Glob`). Relative entries are relative to `directory`.
enum LogFiles {
    static func expand(_ patterns: [String], relativeTo directory: String, option: String) throws -> [String] {
        guard !patterns.isEmpty else {
            throw LogFilesError(pattern: "", option: option, problem: "no log files given")
        }
        var files: [String] = []
        for pattern in patterns {
            let absolute = pattern.hasPrefix("/") ? pattern : (directory as NSString).appendingPathComponent(pattern)
            let found = try expand(absolute)
            guard !found.isEmpty else {
                throw LogFilesError(pattern: pattern, option: option, problem: "matches no file")
            }
            files += found.filter { !files.contains($0) }
        }
        return files
    }

    private static func expand(_ pattern: String) throws -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true)
        guard let wild = components.firstIndex(where: { $0.contains { "*?[".contains($0) } }) else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) else { return [] }
            return isDirectory.boolValue ? filesUnder(pattern, matching: nil) : [pattern]
        }
        let base = "/" + components[..<wild].joined(separator: "/")
        return filesUnder(base, matching: Glob(components[wild...].joined(separator: "/")))
    }

    private static func filesUnder(_ directory: String, matching glob: Glob?) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var files: [String] = []
        let prefix = root.standardizedFileURL.path
        // Without `**` a glob reaches a fixed depth: don't walk below it.
        let depth = glob.flatMap { $0.pattern.contains("**") ? nil : $0.pattern.split(separator: "/").count }
        for case let url as URL in enumerator {
            if let depth, enumerator.level >= depth { enumerator.skipDescendants() }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = String(path.dropFirst(prefix.count)).drop { $0 == "/" }
            if glob?.matches(String(relative)) ?? true { files.append(path) }
        }
        return files.sorted()
    }
}

/// A log file entry that names nothing readable.
public struct LogFilesError: UserInputError, Equatable {
    public var pattern: String
    /// Where the entry came from (`--errors-current`, `errors.baseline`).
    public var option: String
    public var problem: String

    public var description: String {
        "\(option): \(pattern.isEmpty ? "" : "`\(pattern)` ")\(problem). Pass log files, directories or globs "
            + "(relative to the repository root in .heal.yml), e.g. `logs/after/*.jsonl`."
    }
}
