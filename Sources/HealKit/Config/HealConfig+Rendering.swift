import Foundation

extension HealConfig {
    /// The configuration as a commented `.heal.yml` that `load` reads back to an equal value.
    /// `headline` (one or more lines) goes into the opening comment, e.g. what `heal init`
    /// detected; `coverageExample` (and `coverageTestExample`) is shown, commented out, when no
    /// coverage command is set.
    public func renderYAML(headline: String? = nil, coverageExample: String? = nil, coverageTestExample: String? = nil) -> String {
        var lines = [
            "# heal configuration. Every key is optional; a missing key takes the default shown here.",
            "# Commands run with /bin/sh -c in a scratch copy of the commit's files, never in your checkout.",
        ]
        if let headline { lines += headline.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" } }
        lines.append("")
        lines += suiteLines
        lines += Evals.render(evals) + [""]
        lines += [
            "coverage:",
            "  # Optional, but it makes triage sharp: which lines each test runs. Writes to {coverage}.",
            optional("command", coverage.command,
                     example: coverageExample.map(quote) ?? "<your coverage command writing to {coverage}>"),
            "  # \(CoverageFormat.allCases.map(\.rawValue).joined(separator: " | "))",
            "  format: \(coverage.format.rawValue)",
            "  # Whether the report says which test ran each line.",
            "  per-test: \(coverage.perTest)",
            "  # Coverage of ONE test (the placeholders of suite.test, and {coverage}): what the failing",
            "  # test itself runs. Used instead of command when set.",
            optional("test", coverage.test, example: coverageTestExample.map(quote) ?? "<coverage of {id} alone, writing to {coverage}>"),
            "",
            "triage:",
            "  # Fresh reruns at the deploy (and the baseline) before a failure counts as introduced.",
            "  reruns: \(triage.reruns)",
            "  # Flake rate the culprit search assumes for a test seen flaking without history.",
            "  flake-rate: \(number(triage.flakeRate))",
            "  # The culprit search stops at this confidence, or after this many test runs.",
            "  culprit-confidence: \(number(triage.culpritConfidence))",
            "  culprit-max-runs: \(triage.culpritMaxRuns)",
            "  # Test runs delta debugging may spend shrinking the causal hunks.",
            "  minimize-max-runs: \(triage.minimizeMaxRuns)",
            "",
            "detection:",
            "  # Whether a test that disappeared since the baseline counts as a regression.",
            "  missing-is-regression: \(detection.missingIsRegression)",
            "  # Eval scores: below the threshold, or down by more than the delta, is a regression.",
            optional("score-threshold", detection.scoreThreshold.map(number), example: "0.8"),
            "  score-delta: \(number(detection.scoreDelta))",
            "  # Significance of the Mann-Whitney U test when a case has several score samples.",
            "  alpha: \(number(detection.alpha))",
            "  # More than this fraction of passing tests failing at once looks like an outage.",
            "  infra-fraction: \(number(detection.infraFraction))",
            "",
            "fix:",
            "  # \(Fix.Agent.allCases.map(\.rawValue).joined(separator: " | ")) (revert works offline, no LLM)",
            "  agent: \(fix.agent.rawValue)",
            "  # For agent: command, the executable; it gets its inputs as files and HEAL_* variables.",
            optional("command", fix.command, example: "./scripts/my-agent --fast"),
            "  # Seconds before the agent and its children are killed.",
            "  timeout: \(seconds(fix.timeout))",
            "  # The circuit breaker opens after this many failed attempts on one test.",
            "  max-attempts: \(fix.maxAttempts)",
            "  # Dispatch budgets: per heal run, and per repository per day.",
            "  max-per-run: \(fix.maxPerRun)",
            "  max-per-day: \(fix.maxPerDay)",
            "  # A fix must make the failing test pass this many fresh runs.",
            "  verify-reruns: \(fix.verifyReruns)",
            "  # Who heal's fix commits are by; heal never touches git's user configuration.",
            "  author: \(quote(fix.author.description))",
            "",
            "scope:",
            "  # Globs of test files a fix may never touch (** crosses directories).",
            "  tests: \(list(scope.tests))",
            "  # Globs a fix may change besides the files the failing test covers.",
            "  allow: \(list(scope.allow))",
            "  # Size limits of one fix.",
            "  max-lines: \(scope.maxLines)",
            "  max-files: \(scope.maxFiles)",
            "  # Files the suite leaves behind that are never part of a fix, besides heal's list",
            "  # (__pycache__/, .pytest_cache/, .coverage, coverage.xml, node_modules/.cache/, …).",
            "  ignore: \(list(scope.ignore))",
            "",
            "# Where the external agents are, and extra arguments added after heal's own.",
            "agents:",
        ]
        for (name, agent) in [("claude", agents.claude), ("codex", agents.codex), ("aider", agents.aider)] {
            lines += ["  \(name):", "    path: \(quote(agent.path))", "    args: \(list(agent.arguments))"]
        }
        lines += [""] + Errors.render(errors)
        lines += [""] + sandbox.render()
        lines += [
            "",
            "# Tags that mark a deploy; the previous one is the baseline.",
            "deploy-tags: \(quote(deployTags))",
            "# sqlite (per clone, under the git dir) or postgres://user@host/db (shared by every runner).",
            "store: \(quote(store.yamlValue))",
            "# \(Publish.allCases.map(\.rawValue).joined(separator: " | ")): stage the PR body only, or open a draft PR.",
            "publish: \(publish.rawValue)",
            "# The branch fixes target; by default the remote's default branch, else the current one.",
            optional("base-branch", baseBranch, example: "main", indent: ""),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private var suiteLines: [String] {
        let section = [
            "suite:",
            "  # The whole suite. It must write its results to {results}: heal grades from that file,",
            "  # not from the exit code alone; a run that leaves no results file \"could not run\".",
            "  command: \(quote(suite.command))",
            "  # \(ReportFormat.allCases.map(\.rawValue).joined(separator: " | "))",
            "  format: \(suite.format.rawValue)",
            "  # One test: {id} {file} {name} {classname} {results} become exactly their values, bare or",
            "  # inside quotes; {id_re} {name_re} {classname_re} are anchored, escaped regular expressions",
            "  # for runners that select by pattern; {go_run} and {swift_filter} as go test -run and",
            "  # swift test --filter take the test.",
            "  test: \(quote(suite.test))",
            "  # Builds the suite without running it (exit 0 = it builds): how heal triages a deploy",
            "  # that breaks the build.",
            optional("build", suite.build, example: "<a command that compiles or collects the tests>"),
            "  # Seconds before a whole-suite run / a single-test run is killed with its children.",
            "  timeout: \(seconds(suite.timeout))",
            "  test-timeout: \(seconds(suite.testTimeout))",
        ]
        guard runsSuite else {
            return ["# No test suite: only the evals below run (uncomment to add one)."]
                + section.map { "# " + $0 } + [""]
        }
        return section + [""]
    }

    private func optional(_ key: String, _ value: String?, example: String, indent: String = "  ") -> String {
        if let value { return "\(indent)\(key): \(value == example ? value : quoteIfString(value))" }
        return "\(indent)# \(key): \(example)"
    }

    /// Numbers render bare; strings quoted.
    private func quoteIfString(_ value: String) -> String {
        Double(value) != nil ? value : quote(value)
    }

    private func quote(_ value: String) -> String { YAMLText.quote(value) }
    private func list(_ values: [String]) -> String { YAMLText.list(values) }
    private func number(_ value: Double) -> String { YAMLText.number(value) }

    private func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return fraction == 0 ? String(whole) : number(Double(whole) + Double(fraction) / 1e18)
    }
}

/// Values as `.heal.yml` writes them.
enum YAMLText {
    /// A JSON string literal, which YAML reads back as the same string.
    static func quote(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return value }
        return text
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(quote).joined(separator: ", ") + "]"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    static func duration(_ duration: Duration) -> String { DurationText.format(duration.timeInterval) }
}
