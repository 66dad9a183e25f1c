/// GitLab through the `glab` CLI (its own login; the project from the remote).
public struct GitLabForge: Forge {
    public let name = "glab"
    let cli: ForgeCLI

    public init(workingDirectory: String, executable: String = "glab") {
        cli = ForgeCLI(executable: executable, workingDirectory: workingDirectory,
                       loginHint: "check `glab auth status` (log in with `glab auth login`) and that the repository has a GitLab remote")
    }

    private struct Item: Decodable {
        var iid: Int
        var title: String?
        var webURL: String

        enum CodingKeys: String, CodingKey {
            case iid, title
            case webURL = "web_url"
        }
    }

    public func upsertIssue(title: String, body: String, existingURL: String?) async throws -> String {
        let list = ["issue", "list", "--search", title, "--output", "json"]
        let open = try cli.decode([Item].self, from: try await cli.run(list), of: list)
        let match = open.first(where: { $0.webURL == existingURL }) ?? open.first(where: { $0.title == title })
        if let match {
            try await cli.run(["issue", "update", String(match.iid), "--title", title, "--description", body])
            return match.webURL
        }
        let arguments = ["issue", "create", "--title", title, "--description", body, "--yes"]
        return try cli.url(in: try await cli.run(arguments), of: arguments)
    }

    public func upsertDraftPullRequest(title: String, body: String, base: String, head: String) async throws -> String {
        let list = ["mr", "list", "--source-branch", head, "--output", "json"]
        if let existing = try cli.decode([Item].self, from: try await cli.run(list), of: list).first {
            try await cli.run(["mr", "update", String(existing.iid), "--title", title, "--description", body])
            return existing.webURL
        }
        let arguments = ["mr", "create", "--draft", "--title", title, "--description", body,
                         "--target-branch", base, "--source-branch", head, "--yes"]
        return try cli.url(in: try await cli.run(arguments), of: arguments)
    }
}
