import Foundation
import HealKit
import Testing
import TestSupport

@Suite("Forges through their CLIs")
struct ForgeTests {
    @Test func ghCreatesAnIssueWhenNoneMatchesAndEditsTheKnownOne() async throws {
        let cli = try FakeForgeCLITestDouble(existingIssues: #"[{"url":"https://forge.invalid/o/r/issues/5","title":"other"}]"#)
        defer { cli.remove() }
        let forge = GitHubForge(workingDirectory: cli.directory, executable: cli.executable)
        let url = try await forge.upsertIssue(title: "heal escalation: t", body: "body one", existingURL: nil)
        #expect(url == "https://forge.invalid/o/r/issues/1")
        #expect(cli.lastInput() == "body one")
        let again = try await forge.upsertIssue(title: "heal escalation: t", body: "body two", existingURL: url)
        #expect(again == url)
        #expect(cli.lastInput() == "body two")
        #expect(cli.calls() == [
            "[issue][list][--state][open][--search][\"heal escalation: t\" in:title][--json][url,title]",
            "[issue][create][--title][heal escalation: t][--body-file][-]",
            "[issue][edit][https://forge.invalid/o/r/issues/1][--title][heal escalation: t][--body-file][-]",
        ])
    }

    @Test func ghFindsAnOpenIssueByItsExactTitle() async throws {
        let cli = try FakeForgeCLITestDouble(existingIssues: #"[{"url":"https://forge.invalid/o/r/issues/5","title":"heal escalation: t"}]"#)
        defer { cli.remove() }
        let url = try await GitHubForge(workingDirectory: cli.directory, executable: cli.executable)
            .upsertIssue(title: "heal escalation: t", body: "b", existingURL: nil)
        #expect(url == "https://forge.invalid/o/r/issues/5")
        #expect(cli.calls().last?.hasPrefix("[issue][edit][https://forge.invalid/o/r/issues/5]") == true)
    }

    @Test func ghDraftPullRequestIsCreatedOnceThenEdited() async throws {
        let fresh = try FakeForgeCLITestDouble()
        defer { fresh.remove() }
        let url = try await GitHubForge(workingDirectory: fresh.directory, executable: fresh.executable)
            .upsertDraftPullRequest(title: "Fix t", body: "pr body", base: "main", head: "heal/t-abc1234")
        #expect(url == "https://forge.invalid/o/r/pull/9")
        #expect(fresh.calls().last == "[pr][create][--draft][--title][Fix t][--body-file][-][--base][main][--head][heal/t-abc1234]")
        #expect(fresh.lastInput() == "pr body")

        let existing = try FakeForgeCLITestDouble(existingPullRequests: #"[{"url":"https://forge.invalid/o/r/pull/3"}]"#)
        defer { existing.remove() }
        let edited = try await GitHubForge(workingDirectory: existing.directory, executable: existing.executable)
            .upsertDraftPullRequest(title: "Fix t", body: "new body", base: "main", head: "heal/t-abc1234")
        #expect(edited == "https://forge.invalid/o/r/pull/3")
        #expect(existing.calls() == [
            "[pr][list][--head][heal/t-abc1234][--state][open][--json][url]",
            "[pr][edit][https://forge.invalid/o/r/pull/3][--title][Fix t][--body-file][-]",
        ])
    }

    @Test func glabUpdatesAnExistingIssueAndMergeRequest() async throws {
        let cli = try FakeForgeCLITestDouble(
            existingIssues: #"[{"iid":4,"title":"heal escalation: t","web_url":"https://forge.invalid/g/p/-/issues/4"}]"#,
            existingPullRequests: #"[{"iid":8,"title":"Fix","web_url":"https://forge.invalid/g/p/-/merge_requests/8"}]"#)
        defer { cli.remove() }
        let forge = GitLabForge(workingDirectory: cli.directory, executable: cli.executable)
        #expect(try await forge.upsertIssue(title: "heal escalation: t", body: "b", existingURL: nil)
                == "https://forge.invalid/g/p/-/issues/4")
        #expect(try await forge.upsertDraftPullRequest(title: "Fix", body: "d", base: "main", head: "heal/x")
                == "https://forge.invalid/g/p/-/merge_requests/8")
        #expect(cli.calls().contains("[issue][update][4][--title][heal escalation: t][--description][b]"))
        #expect(cli.calls().contains("[mr][update][8][--title][Fix][--description][d]"))
    }

    @Test func aFailingClientIsAnInputErrorThatSaysWhatToDo() async throws {
        let cli = try FakeForgeCLITestDouble()
        defer { cli.remove() }
        try "#!/bin/sh\necho 'gh: To get started with GitHub CLI, please run:  gh auth login' >&2\nexit 4\n"
            .write(toFile: cli.executable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.executable)
        let forge = GitHubForge(workingDirectory: cli.directory, executable: cli.executable)
        let error = await #expect(throws: ForgeError.self) {
            try await forge.upsertIssue(title: "t", body: "b", existingURL: "https://forge.invalid/1")
        }
        #expect(error?.description.contains("exit 4") == true)
        #expect(error?.description.contains("gh auth login") == true)
    }

    @Test func publishSettingChoosesTheForge() throws {
        #expect(try ForgeKind.forge(publish: "local", workingDirectory: "/") == nil)
        #expect(try ForgeKind.forge(publish: "gh", workingDirectory: "/")?.name == "gh")
        #expect(try ForgeKind.forge(publish: "glab", workingDirectory: "/")?.name == "glab")
        #expect(throws: ForgeError.self) { try ForgeKind.forge(publish: "bitbucket", workingDirectory: "/") }
    }
}
