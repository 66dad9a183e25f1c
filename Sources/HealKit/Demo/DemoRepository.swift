import Foundation

/// The demo's git repository, driven with the `git` command line like a developer would: a
/// fixed identity and dates, no hooks, no signing, whatever the machine's git config says.
struct DemoRepository: Sendable {
    let path: String

    /// Creates the repository (branch `main`) in `path`, which must exist and be empty.
    static func create(at path: String) async throws -> DemoRepository {
        let repository = DemoRepository(path: path)
        try await repository.git(["init", "-q", "-b", "main", "--template=", path])
        return repository
    }

    /// Writes the change's files and commits them; returns the new commit's id.
    @discardableResult
    func commit(_ change: DemoProject.Change, date: Int) async throws -> String {
        for (relative, content) in change.files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        try await git(["add", "-A"])
        // Fixed dates keep the demo's commit ids the same on every machine.
        let stamp = "2026-01-01T\(String(format: "%02d", date)):00:00Z"
        try await git(["commit", "-q", "-m", change.message],
                      environment: ["GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp])
        return try await git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits `changes` in order, an hour apart from `firstDate`, and tags the last one `tag`;
    /// returns the commits' ids.
    func deploy(_ changes: [DemoProject.Change], firstDate: Int, tag name: String) async throws -> [String] {
        var commits: [String] = []
        for (index, change) in changes.enumerated() {
            commits.append(try await commit(change, date: firstDate + index))
        }
        try await tag(name)
        return commits
    }

    func tag(_ name: String) async throws {
        try await git(["tag", name])
    }

    @discardableResult
    func git(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        var variables: [String: String?] = [
            "GIT_AUTHOR_NAME": "Dana Developer", "GIT_AUTHOR_EMAIL": "dana@shop.example",
            "GIT_COMMITTER_NAME": "Dana Developer", "GIT_COMMITTER_EMAIL": "dana@shop.example",
            "GIT_CONFIG_NOSYSTEM": "1", "HEAL_SKIP": "1",
        ]
        for (key, value) in environment { variables[key] = value }
        let spec = ProcessSpec("git", arguments: ["-C", path, "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false",
                                                  "-c", "tag.gpgsign=false"] + arguments,
                               environment: variables, timeout: .seconds(60))
        let outcome = try await ProcessRunner.run(spec)
        guard outcome.succeeded else {
            throw DemoError(problem: "`git \(arguments.joined(separator: " "))` failed in \(path): \(outcome.stderr)")
        }
        return outcome.stdout
    }
}

/// The demo could not do what it shows (a missing prerequisite, or the loop not behaving as
/// the demo expects).
public struct DemoError: Error, CustomStringConvertible {
    public var problem: String
    public var description: String { "heal demo: \(problem)" }
}
