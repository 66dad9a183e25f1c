import Foundation

/// Moves a heal worktree's detached HEAD back to the fix base, keeping its files: the one
/// step libgit2's API in GitKit lacks (`git reset --soft`), so agents that commit end up with
/// the same single fix commit as agents that only edit.
enum WorktreeHead {
    static func rewind(worktree: String, to base: String) async throws {
        let outcome = try await ProcessRunner.run(ProcessSpec(
            "git", arguments: ["-C", worktree, "reset", "-q", "--soft", base],
            environment: ["GIT_TERMINAL_PROMPT": "0"], timeout: .seconds(60)))
        guard outcome.succeeded else {
            throw FixStepError(step: "rewind the worktree to the fix base", detail: outcome.stderr)
        }
    }
}

/// A step of keeping a fix that failed in heal itself (not the agent's fault).
public struct FixStepError: Error, CustomStringConvertible {
    public var step: String
    public var detail: String
    public var description: String { "cannot \(step): \(detail.trimmingCharacters(in: .whitespacesAndNewlines))" }
}
