/// Where heal publishes for humans: issues for escalations, draft pull requests for fixes.
/// Both operations create or update, so publishing the same thing twice never duplicates it.
public protocol Forge: Sendable {
    /// `gh`, `glab`, …, for messages.
    var name: String { get }

    /// Updates the issue at `existingURL` (or an open issue with exactly this title) or creates
    /// one, and returns its URL.
    func upsertIssue(title: String, body: String, existingURL: String?) async throws -> String

    /// Updates the open pull request whose head is `head`, or creates a draft one from `head`
    /// into `base`, and returns its URL.
    func upsertDraftPullRequest(title: String, body: String, base: String, head: String) async throws -> String
}

/// Opens the forge named by the `publish:` setting.
public enum ForgeKind: String, Sendable, CaseIterable {
    case github = "gh"
    case gitlab = "glab"

    /// The forge for `publish:` (`gh` or `glab`), or nil for `local`.
    ///
    /// - Parameter workingDirectory: the repository root; the CLI finds the project from its remote.
    /// - Throws: `ForgeError` for any other value.
    public static func forge(publish: String, workingDirectory: String) throws(ForgeError) -> (any Forge)? {
        switch publish {
        case "local", "": return nil
        case ForgeKind.github.rawValue: return GitHubForge(workingDirectory: workingDirectory)
        case ForgeKind.gitlab.rawValue: return GitLabForge(workingDirectory: workingDirectory)
        default:
            throw ForgeError(command: "publish: \(publish)", problem: "unknown publish target",
                             fix: "set `publish:` to local, gh or glab")
        }
    }
}
