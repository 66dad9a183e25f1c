import Foundation
import HealKit
import Testing
import TestSupport

@Suite("Escalation tickets")
struct EscalationTicketTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func input(attempts: [EscalationTicket.Input.Attempt]? = nil) -> EscalationTicket.Input {
        EscalationTicket.Input(
            repository: "github.com/o/r", test: .init(id: "tests/test_cart.py::test_total", file: "tests/test_cart.py"),
            verdict: "introduced", reason: "3 consecutive fix attempts failed, so the circuit breaker opened",
            before: "1111111", after: "2222222", failureOutput: "assert 3 == 4\n",
            attempts: attempts ?? [
                .init(number: 1, agent: "revert", outcome: "verification-failed", reason: "test_total still fails",
                      branch: "heal/test-total-2222222", startedAt: Self.t0, finishedAt: Self.t0 + 60),
                .init(number: 2, agent: "claude", outcome: "scope-violation", reason: "edited tests/test_cart.py",
                      branch: nil, startedAt: Self.t0 + 100, finishedAt: nil),
            ],
            culprit: .init(id: "2222222", author: "Ada <ada@x.invalid>", subject: "Round totals"),
            causalDiff: "--- a/cart.py\n+++ b/cart.py\n@@ -1 +1 @@\n-x = a & b\n+x = a < b  # ```\n",
            lookAt: ["why rounding changed in cart.py", "whether the test's expectation is still right"])
    }

    @Test func theEmbeddedTemplateEqualsTemplatesEscalationMustache() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/escalation.mustache")
        #expect(EscalationTicket.defaultTemplate == (try String(contentsOf: file, encoding: .utf8)),
                "copy templates/escalation.mustache into EscalationTicket.defaultTemplate")
    }

    @Test func rendersTheRegressionEveryAttemptTheCulpritAndTheDiff() throws {
        let text = try EscalationTicket.render(input(), library: TemplateLibrary(repositoryPath: nil))
        #expect(text.hasPrefix("# heal escalation: `tests/test_cart.py::test_total`\n"))
        #expect(text.contains("needs a human: 3 consecutive fix attempts failed, so the circuit breaker opened."))
        #expect(text.contains("- Test: `tests/test_cart.py::test_total` in `tests/test_cart.py`"))
        #expect(text.contains("### Attempt 1: verification-failed"))
        #expect(text.contains("- Agent: `revert`, branch `heal/test-total-2222222`"))
        #expect(text.contains("plain text):\n\n```text\ntest_total still fails"))
        #expect(text.contains("### Attempt 2: scope-violation"))
        #expect(text.contains("- Started 2027-01-15T08:01:40Z\n"))
        #expect(text.contains("`2222222` by Ada <ada@x.invalid>: Round totals"))
        #expect(text.contains("````diff\n--- a/cart.py\n+++ b/cart.py\n@@ -1 +1 @@\n-x = a & b\n+x = a < b  # ```\n````\n"))
        #expect(text.contains("- whether the test's expectation is still right"))
        #expect(text.contains("run `heal breaker reset tests/test_cart.py::test_total`"))
        #expect(!text.contains("&amp;") && !text.contains("&lt;"))
    }

    /// An error's id comes from a log: pasted into a shell, the reset command resets exactly
    /// that breaker and runs nothing else.
    @Test func theResetCommandQuotesAnIdFromALog() throws {
        var hostile = input(attempts: [])
        hostile.test.id = "error: it's broken'; touch pwned; echo '$(id)"
        let text = try EscalationTicket.render(hostile, library: TemplateLibrary(repositoryPath: nil))
        let command = try #require(text.split(separator: "\n").first { $0.contains("heal breaker reset") })
        let start = try #require(command.range(of: "`heal breaker reset ")?.upperBound)
        let end = try #require(command[start...].firstIndex(of: "`"))
        let directory = try TempDir.make(prefix: "reset-quoting")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let echoed = try Shell.run(["sh", "-c", "printf '%s' " + command[start..<end]], in: directory)
        #expect(echoed.stdout == hostile.test.id)
        #expect(!FileManager.default.fileExists(atPath: directory + "/pwned"))
    }

    @Test("an attempt's reason quotes output of code the agent changed: it stays inside a fence it cannot close")
    func anAttemptsReasonIsFenced() throws {
        let hostile = "`x` failed: ```\n## Verified ✅\n<!-- hidden -->\n@maintainers merge this\n````"
        let attempt = EscalationTicket.Input.Attempt(number: 1, agent: "claude", outcome: "verification-failed", reason: hostile,
                                                     branch: nil, startedAt: Self.t0, finishedAt: nil)
        let text = try EscalationTicket.render(input(attempts: [attempt]), library: TemplateLibrary(repositoryPath: nil))
        #expect(text.contains("plain text):\n\n`````text\n" + hostile + "\n`````\n"))
        #expect(!text.contains("- Why it failed: `x`"))
    }

    @Test func anAmbiguousVerdictWithoutAttemptsSaysSo() throws {
        var ambiguous = input(attempts: [])
        ambiguous.verdict = "ambiguous"
        ambiguous.culprit = nil
        ambiguous.causalDiff = nil
        let text = try EscalationTicket.render(ambiguous, library: TemplateLibrary(repositoryPath: nil))
        #expect(text.contains("No fix was attempted."))
        #expect(text.contains("heal did not single out a culprit commit."))
        #expect(text.contains("heal did not narrow the regression to a causal diff."))
        #expect(text.contains("**ambiguous**"))
    }

    @Test func anEvalCauseShowsItsScoreTableAndATestCauseHasNone() throws {
        var eval = input(attempts: [])
        eval.scores = "| Case | Baseline `1111111` | Deploy `2222222` | Drop confirmed by |\n|---|---|---|---|\n"
            + "| `spell-receive` | 0.975 (n=40) | 0.000 (n=40) | fisher-exact p=1.2e-21, Holm-adjusted 1.2e-21 |"
        let text = try EscalationTicket.render(eval, library: TemplateLibrary(repositoryPath: nil))
        #expect(text.contains("\n## Eval scores\n\n| Case | Baseline `1111111` |"))
        #expect(text.contains("| `spell-receive` | 0.975 (n=40) | 0.000 (n=40) | fisher-exact p=1.2e-21"))
        let test = try EscalationTicket.render(input(), library: TemplateLibrary(repositoryPath: nil))
        #expect(!test.contains("## Eval scores"))
    }

    @Test func aRepositoryOverrideWins() throws {
        let repo = try TempRepo()
        try repo.write(".heal/templates/escalation.mustache", "Ticket for {{test.id}}: {{reason}}\n")
        try repo.commitAll("override")
        let text = try EscalationTicket.render(input(), library: TemplateLibrary(repositoryPath: repo.path))
        #expect(text == "Ticket for tests/test_cart.py::test_total: 3 consecutive fix attempts failed, so the circuit breaker opened\n")
    }

    @Test func publishingTwiceUpdatesOneTicketFileOneRecordAndOneIssue() async throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        let common = repo.path + "/.git"
        let store = try await StoreFactory.open(.sqlite(path: common + "/heal/heal.sqlite"))
        let cli = try FakeForgeCLITestDouble()
        defer { cli.remove() }
        let forge = GitHubForge(workingDirectory: repo.path, executable: cli.executable)
        let key = BreakerKey(repository: "github.com/o/r", test: "tests/test_cart.py::test_total")
        let library = TemplateLibrary(repositoryPath: repo.path)
        let first = try await EscalationTicket.publish(input(), key: key, commonDirectory: common, library: library,
                                                       store: store, forge: forge, at: Self.t0)
        var later = input()
        later.reason = "4 consecutive fix attempts failed"
        let second = try await EscalationTicket.publish(later, key: key, commonDirectory: common, library: library,
                                                        store: store, forge: forge, at: Self.t0 + 600)
        #expect(first.path == common + "/heal/tickets/" + key.fileName + ".md")
        #expect(second.path == first.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: common + "/heal/tickets") == [key.fileName + ".md"])
        #expect(try String(contentsOfFile: second.path, encoding: .utf8).contains("needs a human: 4 consecutive"))
        #expect(second.openedAt == Self.t0 && second.updatedAt == Self.t0 + 600)
        #expect(second.url == "https://forge.invalid/o/r/issues/1")
        let open = try await store.openTickets(repository: "github.com/o/r")
        #expect(open == [second])
        #expect(cli.calls().filter { $0.hasPrefix("[issue][create]") }.count == 1)
        #expect(cli.calls().last?.hasPrefix("[issue][edit][https://forge.invalid/o/r/issues/1]") == true)
        #expect(cli.lastInput().contains("needs a human: 4 consecutive"))
        await store.close()
    }

    @Test func aTicketCarriesNoSecretOfWhatTestsAndAgentsPrinted() async throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        let common = repo.path + "/.git"
        let store = try await StoreFactory.open(.sqlite(path: common + "/heal/heal.sqlite"))
        let token = "ghp_" + "Zk8q2LmN4pR7sT1vW3xY5bC9dF6gH0jK2aE4"
        var leaky = input()
        leaky.reason = "the agent said: my token is \(token)"
        leaky.failureOutput = "Authorization: Bearer \(token)\n"
        let key = BreakerKey(repository: "github.com/o/r", test: "tests/test_cart.py::test_total")
        let ticket = try await EscalationTicket.publish(leaky, key: key, commonDirectory: common,
                                                        library: TemplateLibrary(repositoryPath: nil), store: store, forge: nil)
        let text = try String(contentsOfFile: ticket.path, encoding: .utf8)
        #expect(!text.contains(token) && text.contains("[REDACTED]"))
        #expect(ticket.reason == "the agent said: my token is [REDACTED]")
        #expect(try await store.ticket(key)?.reason.contains(token) == false)
        await store.close()
    }
}
