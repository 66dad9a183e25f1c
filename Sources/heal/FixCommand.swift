import ArgumentParser
import Foundation
import GitKit
import HealKit

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Dispatch a fix agent for one regression on its fix branch, under the scope guard, and stage a verified fix for review.",
        discussion: """
            Takes triage's verdict from --triage FILE (the output of `heal triage --json`), or triages \
            --before..--after itself. The agent works in a scratch copy of the deploy commit's files; a fix that \
            stays in scope and passes verification is committed on heal/<test>-<sha> and its PR body staged \
            under <git-common-dir>/heal/pr/ (and, with publish: gh|glab, pushed and opened as a draft PR). \
            heal never merges and never touches your checkout or base branch. \
            Exit 0: staged or opened; 1: the attempt failed or was refused; 2: bad input.
            """)

    @Option(help: "The failing test's id, as triage printed it.") var test: String
    @Option(help: "A `heal triage --json` file with the test's verdict.") var triage: String?
    @Option(help: "The pre-deploy revision (the baseline).") var before: String?
    @Option(help: "The deploy revision (the fix base).") var after: String?
    @Option(help: "The configuration file (default: .heal.yml at the repository root).") var config: String?
    @Option(help: "revert | claude | codex | aider | command (default: fix.agent).") var agent: String?
    @Flag(help: "Print JSON: {dispatches: [{test, agent, attempt, branch, outcome, prBody}]}.") var json = false

    func run() async throws {
        try await runReportingErrors {
            guard triage != nil || (before != nil && after != nil) else {
                throw ValidationError("pass --triage FILE, or --before REV and --after REV to triage first")
            }
            let repository = try Repository(discovering: FileManager.default.currentDirectoryPath)
            guard let root = repository.workingDirectory else {
                throw ValidationError("heal fix needs a working tree, not a bare repository")
            }
            let healConfig = try HealConfig.load(configPath: config, repositoryRoot: root)
            let fixAgent = try agent.map { try AgentFactory.make(named: $0, config: healConfig) }
                ?? AgentFactory.make(healConfig.fix.agent, config: healConfig)
            let forge = try ForgeKind.forge(publish: healConfig.publish.rawValue, workingDirectory: root)
            let store = try await StoreFactory.open(setting: healConfig.store.yamlValue, commonDirectory: repository.commonDirectory)
            let dispatch: FixDispatch
            do {
                let request = try await fixRequest(repository: repository, root: root, config: healConfig, store: store)
                dispatch = try await FixEngine(repositoryPath: root, config: healConfig, agent: fixAgent, store: store,
                                               forge: forge).dispatch(request)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            if json {
                try printJSON(FixJSON(dispatches: [dispatch]))
            } else {
                print(Self.text(dispatch))
            }
            return dispatch.outcome == .staged || dispatch.outcome == .opened ? .success : .regressions
        }
    }

    /// The verdict from the triage file, or from triaging before..after now.
    private func fixRequest(repository: Repository, root: String, config: HealConfig,
                            store: any HealStore) async throws -> FixRequest {
        if let triage {
            let file = try TriageFile.load(path: triage, test: test, repository: repository)
            let deploy = try after.map { try repository.commit($0).id } ?? file.after ?? file.verdict.causalHead
            guard let deploy else {
                throw ValidationError("the triage file names no deploy commit; pass --after REV")
            }
            let baseline = try before.map { try repository.commit($0).id } ?? file.before
            return FixRequest(verdict: file.verdict, deploy: deploy, baseline: baseline)
        }
        let report = try await TriageSession.run(
            TriageRequest(repositoryPath: root, before: before!, after: after!, config: config,
                          baselinePaths: [], currentPaths: [], coveragePath: nil),
            store: store)
        guard let verdict = report.triaged.map(\.verdict).first(where: { $0.test == test }) else {
            let found = report.triaged.map(\.verdict.test).prefix(10).joined(separator: ", ")
            throw ValidationError("triage of \(before!)..\(after!) found no regression `\(test)` (found: \(found.isEmpty ? "none" : found))")
        }
        return FixRequest(verdict: verdict, deploy: report.after.id, baseline: report.before.id)
    }

    static func text(_ dispatch: FixDispatch) -> String {
        var lines = ["\(dispatch.outcome.rawValue): \(dispatch.test) (agent \(dispatch.agent), attempt \(dispatch.attempt))"]
        if let branch = dispatch.branch { lines.append("  branch: \(branch)") }
        if let body = dispatch.prBody { lines.append("  PR body: \(body)") }
        if let url = dispatch.pullRequest { lines.append("  pull request: \(url)") }
        if let reason = dispatch.reason { lines.append("  reason: \(reason)") }
        for violation in dispatch.violations { lines.append("  - \(violation)") }
        if let run = dispatch.runDirectory { lines.append("  logs: \(run)") }
        return lines.joined(separator: "\n")
    }
}

/// `heal fix --json`: the `dispatches` part of `heal run --json`.
private struct FixJSON: Encodable {
    var dispatches: [FixDispatch]
}
