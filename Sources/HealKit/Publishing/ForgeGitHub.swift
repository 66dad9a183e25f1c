/// GitHub through the `gh` CLI (its own login; the repository from the remote).
public struct GitHubForge: Forge {
    public let name = "gh"
    let cli: ForgeCLI

    public init(workingDirectory: String, executable: String = "gh") {
        cli = ForgeCLI(executable: executable, workingDirectory: workingDirectory,
                       loginHint: "check `gh auth status` (log in with `gh auth login`) and that the repository has a GitHub remote")
    }

    private struct Item: Decodable {
        var url: String
        var title: String?
    }

    public func upsertIssue(title: String, body: String, existingURL: String?) async throws -> String {
        var target = existingURL
        if target == nil {
            let arguments = ["issue", "list", "--state", "open", "--search", "\"\(title)\" in:title", "--json", "url,title"]
            let found = try cli.decode([Item].self, from: try await cli.run(arguments), of: arguments)
            target = found.first(where: { $0.title == title })?.url
        }
        if let target {
            try await cli.run(["issue", "edit", target, "--title", title, "--body-file", "-"], input: body)
            return target
        }
        let arguments = ["issue", "create", "--title", title, "--body-file", "-"]
        return try cli.url(in: try await cli.run(arguments, input: body), of: arguments)
    }

    public func upsertDraftPullRequest(title: String, body: String, base: String, head: String) async throws -> String {
        let list = ["pr", "list", "--head", head, "--state", "open", "--json", "url"]
        if let existing = try cli.decode([Item].self, from: try await cli.run(list), of: list).first {
            try await cli.run(["pr", "edit", existing.url, "--title", title, "--body-file", "-"], input: body)
            return existing.url
        }
        let arguments = ["pr", "create", "--draft", "--title", title, "--body-file", "-", "--base", base, "--head", head]
        return try cli.url(in: try await cli.run(arguments, input: body), of: arguments)
    }
}
