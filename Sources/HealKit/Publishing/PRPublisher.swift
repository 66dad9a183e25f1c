import Foundation
import GitKit

/// Proposes verified fixes: renders the PR body from the `pr-body` template, stages it under
/// heal's directory, and with a forge pushes the fix branch (and only it) and opens or updates
/// the draft pull request.
public struct PRPublisher: FixPublishing {
    public let repositoryPath: String
    public let config: HealConfig
    /// Where pull requests are opened; nil stages the body locally only.
    public let forge: (any Forge)?

    public init(repositoryPath: String, config: HealConfig, forge: (any Forge)? = nil) {
        self.repositoryPath = repositoryPath
        self.config = config
        self.forge = forge
    }

    public func publish(_ fix: VerifiedFix) async throws -> FixPublication {
        // Overrides come from the deploy's committed tree, never from the checkout.
        let templates = TemplateLibrary(repositoryPath: repositoryPath, revision: fix.request.deploy.hex)
        let input = try PRBodyAssembly.input(for: fix, repositoryPath: repositoryPath)
        // The body quotes the agent, the tests' output and the diffs: no secret goes on.
        let body = SecretRedactor.redactTokens(try templates.renderPRBody(input))
        let prBody = try PRStaging.stage(body, branch: fix.branch, healDirectory: try HealDirectory(repositoryPath: repositoryPath))
        guard let forge else { return FixPublication(prBody: prBody) }
        let base = try await baseBranch(fix)
        try await BranchPublisher(repositoryPath: repositoryPath, baseBranch: base).push(fix.branch)
        let url = try await forge.upsertDraftPullRequest(title: input.title, body: body, base: base, head: fix.branch)
        return FixPublication(prBody: prBody, pullRequest: url)
    }

    private func baseBranch(_ fix: VerifiedFix) async throws -> String {
        if let configured = config.baseBranch { return configured }
        if let current = try await BranchPublisher.checkedOutBranch(repositoryPath: repositoryPath) { return current }
        throw FixRequestError(test: fix.request.verdict.test, problem: "the repository's HEAD is detached, so the PR's base branch is unknown",
                              fix: "set `base-branch:` in .heal.yml")
    }
}
