import Foundation

extension HealDemo {
    /// Part 3: the support assistant's evals drop after a deploy. Confirmation with fresh
    /// samples, the culprit by probes of the noisy scores, the causal hunk, a fix verified by
    /// score, and the noisy cases left alone. Returns the fix branch.
    func partThree(_ repository: DemoRepository, coverage: Bool) async throws -> String {
        let config = DemoProject.healConfig(coverage: coverage, counterDirectory: counterDirectory)
        let base = try await repository.commit(DemoEvals.baseline(config: config), date: 21)
        try await repository.tag("deploy-4")
        let commits = try await repository.deploy(DemoEvals.deploy, firstDate: 22, tag: "deploy-5")
        say("""

            ── Part 3: eval scores that drop after a deploy ──
            deploy-4  \(base.prefix(7))  \(DemoEvals.baseline(config: config).message)
            The assistant answers at random, like a language model at a temperature: the same case
            scores differently on every run, so each step of triage is statistical.
            deploy-5 adds \(commits.count) commits:
            \(zip(commits, DemoEvals.deploy).map { "  \($0.prefix(7))  \($1.message)" }.joined(separator: "\n"))

            $ heal run --after deploy-5
            """)
        let report = try await HealRun(options: HealRunOptions(repositoryPath: directory, after: "deploy-5"),
                                       progress: { [say] in say("    heal: " + $0) }).run()
        say(DemoNarration.partThree(report))
        for id in DemoEvals.droppingCases {
            guard let item = report.triaged.first(where: { $0.verdict.test == id }), item.verdict.verdict == .introduced,
                  item.verdict.culprit?.id.hex == commits[0] else {
                throw DemoError(problem: "expected \(id) to be introduced by \(commits[0].prefix(7)); got \(report.triaged.map(\.verdict.reason))")
            }
        }
        guard let dispatch = report.dispatches.first(where: { DemoEvals.droppingCases.contains($0.test) }),
              dispatch.outcome == .staged, let branch = dispatch.branch, let prBody = dispatch.prBody else {
            throw DemoError(problem: "expected a staged fix for the price cases; got \(report.dispatches)")
        }
        let body = try String(contentsOfFile: prBody, encoding: .utf8)
        say("""
            The verified fix branch: \(branch)
            The staged PR body, \(prBody):

            \(DemoNarration.indent(body, by: "  │ "))
            """)
        return branch
    }
}
