import Foundation
import GitKit

/// Pushes a fix branch, and only a fix branch: anything not under `heal/`, and the base branch
/// whatever its name, is refused before git runs. The push names the one ref explicitly
/// (`refs/heads/X:refs/heads/X`), so no push configuration can widen it; and it runs no hook
/// (`core.hooksPath=/dev/null`, `--no-verify`), no fsmonitor, and no `ext::` transport, whatever
/// the repository's configuration says — the one git command heal runs.
public struct BranchPublisher: Sendable {
    /// The repository (any path inside it).
    public let repositoryPath: String
    /// The remote to push to.
    public let remote: String
    /// The branch fixes target, which is never pushed.
    public let baseBranch: String

    public init(repositoryPath: String, remote: String = "origin", baseBranch: String) {
        self.repositoryPath = repositoryPath
        self.remote = remote
        self.baseBranch = baseBranch
    }

    /// Options that keep `git push` from running anything the repository's configuration or
    /// hooks name.
    static let hardening = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=", "-c", "protocol.ext.allow=never",
                            "-c", "core.askPass=", "-c", "credential.interactive=never"]

    /// Why `branch` may not be pushed, or nil when it may.
    public static func refusal(branch: String, baseBranch: String) -> String? {
        if branch == baseBranch || branch == "refs/heads/" + baseBranch {
            return "`\(branch)` is the base branch; heal never pushes to it"
        }
        guard branch.hasPrefix(FixBranch.prefix), branch.count > FixBranch.prefix.count,
              !branch.contains(".."), !branch.contains(":"), !branch.hasPrefix("-") else {
            return "`\(branch)` is not a fix branch (`\(FixBranch.prefix)…`); heal pushes nothing else"
        }
        return nil
    }

    /// Pushes `branch` to the remote, replacing the remote's fix branch (a second dispatch for
    /// the same regression updates the same branch, and so the same pull request).
    public func push(_ branch: String) async throws {
        if let refusal = Self.refusal(branch: branch, baseBranch: baseBranch) {
            throw PublishRefusal(branch: branch, reason: refusal)
        }
        let ref = "refs/heads/" + branch
        let outcome = try await ProcessRunner.run(ProcessSpec(
            "git", arguments: ["-C", repositoryPath] + Self.hardening
                + ["push", "--porcelain", "--no-verify", "--force", remote, "\(ref):\(ref)"],
            environment: ["GIT_TERMINAL_PROMPT": "0", "HEAL_SKIP": "1"], timeout: .seconds(300)))
        guard outcome.succeeded else {
            throw PublishError(branch: branch, remote: remote,
                               detail: outcome.timedOut ? "timed out" : outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

/// A push heal refuses to make: the human gate.
public struct PublishRefusal: Error, CustomStringConvertible, Equatable {
    public var branch: String
    public var reason: String
    public var description: String { "refusing to push: \(reason)" }
}

/// A push that git could not make.
public struct PublishError: UserInputError, Equatable {
    public var branch: String
    public var remote: String
    public var detail: String
    public var description: String {
        "cannot push `\(branch)` to `\(remote)`: \(detail); check the remote and your credentials (the fix is still staged locally)"
    }
}

extension BranchPublisher {
    /// The branch checked out in the repository's main working tree, or nil when detached:
    /// the default base branch when `base-branch:` is not set.
    public static func checkedOutBranch(repositoryPath: String) async throws -> String? {
        guard case .symbolic(let ref) = try Repository(discovering: repositoryPath).headState(), ref.hasPrefix("refs/heads/") else {
            return nil
        }
        return String(ref.dropFirst("refs/heads/".count))
    }
}
