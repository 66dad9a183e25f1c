import Foundation

/// The escalation ticket a human gets when heal stops on a regression: the breaker opened
/// after repeated failed attempts, or triage could not decide (an ambiguous verdict). Rendered
/// from the `escalation` template to `<git-common-dir>/heal/tickets/<key>.md`, one per key,
/// updated in place; with a forge, also published as an issue, updated in place too.
public enum EscalationTicket {
    /// The template's name (`.heal/templates/escalation.mustache` overrides it).
    public static let templateName = "escalation"

    /// Everything the ticket says, as plain values the triage and fix stages fill in.
    public struct Input: Sendable, Equatable {
        public typealias Test = TestReference

        public typealias Culprit = CulpritSummary

        public struct Attempt: Sendable, Equatable {
            public var number: Int
            public var agent: String?
            /// How it ended (`verification-failed`, …), or `running`.
            public var outcome: String
            /// Why it failed, as the fix stage put it.
            public var reason: String?
            public var branch: String?
            public var startedAt: Date
            public var finishedAt: Date?

            public init(number: Int, agent: String?, outcome: String, reason: String?, branch: String?,
                        startedAt: Date, finishedAt: Date?) {
                self.number = number
                self.agent = agent
                self.outcome = outcome
                self.reason = reason
                self.branch = branch
                self.startedAt = startedAt
                self.finishedAt = finishedAt
            }

            /// An attempt as the store recorded it.
            public init(_ record: AttemptRecord) {
                self.init(number: record.number, agent: record.agent, outcome: record.outcome?.rawValue ?? "running",
                          reason: record.reason, branch: record.branch, startedAt: record.startedAt,
                          finishedAt: record.finishedAt)
            }
        }

        public var repository: String
        /// The cause's representative.
        public var test: Test
        /// The cause's other tests, which one ticket covers.
        public var otherTests: [Test]
        /// `introduced`, `ambiguous`, …: triage's verdict.
        public var verdict: String
        /// Why heal escalates, a clause that follows "needs a human: ".
        public var reason: String
        public var before: String?
        public var after: String?
        public var failureOutput: String?
        /// For a production error: its counts, rates, test, trace and sample, as Markdown
        /// (`ErrorEvidenceMarkdown`, log text already fenced and redacted).
        public var productionError: String?
        /// For an eval cause: each case's scores at the baseline and the deploy and the test
        /// that confirmed the drop, as Markdown (`ScoreEvidenceMarkdown`).
        public var scores: String?
        public var attempts: [Attempt]
        public var culprit: Culprit?
        /// The causal hunks as a unified diff.
        public var causalDiff: String?
        /// Concrete things a human should check first.
        public var lookAt: [String]

        public init(repository: String, test: Test, otherTests: [Test] = [], verdict: String, reason: String,
                    before: String? = nil, after: String? = nil, failureOutput: String? = nil, attempts: [Attempt] = [],
                    culprit: Culprit? = nil, causalDiff: String? = nil, lookAt: [String] = [],
                    productionError: String? = nil, scores: String? = nil) {
            self.repository = repository
            self.test = test
            self.otherTests = otherTests
            self.verdict = verdict
            self.reason = reason
            self.before = before
            self.after = after
            self.failureOutput = failureOutput
            self.attempts = attempts
            self.culprit = culprit
            self.causalDiff = causalDiff
            self.lookAt = lookAt
            self.productionError = productionError
            self.scores = scores
        }

        /// The ticket's and the forge issue's title; stable per test, so a forge search finds it.
        public var title: String { "heal escalation: \(test.id)" }
    }

    /// Where a key's ticket file lives.
    public static func path(for key: BreakerKey, commonDirectory: String) -> String {
        commonDirectory + "/heal/tickets/" + key.fileName + ".md"
    }

    /// Renders the ticket with the repository's override or the built-in template.
    public static func render(_ input: Input, library: TemplateLibrary) throws(TemplateError) -> String {
        try library.render(name: templateName, context: Context(input))
    }

    /// Writes (or rewrites) the key's ticket file, records it in the store, and with a forge
    /// creates or updates its issue. The file is replaced atomically; the store keeps the first
    /// opening time and the issue URL across updates.
    ///
    /// - Returns: the ticket as stored.
    @discardableResult
    public static func publish(_ input: Input, key: BreakerKey, commonDirectory: String, library: TemplateLibrary,
                               store: any HealStore, forge: (any Forge)?, at date: Date = Date()) async throws -> TicketRecord {
        // Reasons, failure output and attempts quote what tests and agents printed.
        let body = SecretRedactor.redactTokens(try render(input, library: library))
        let path = path(for: key, commonDirectory: commonDirectory)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(body.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        let existing = try await store.ticket(key)
        let stillOpen = existing.map { $0.closedAt == nil } ?? false
        var ticket = TicketRecord(key: key, path: path, url: existing?.url, reason: SecretRedactor.redact(input.reason),
                                  openedAt: stillOpen ? existing?.openedAt ?? date : date, updatedAt: date)
        try await store.saveTicket(ticket)
        if let forge {
            ticket.url = try await forge.upsertIssue(title: input.title, body: body, existingURL: existing?.url)
            try await store.saveTicket(ticket)
        }
        return ticket
    }

    /// The values the template sees: the input plus fences and formatted times, which
    /// Mustache cannot compute.
    struct Context {
        struct Attempt {
            var number: Int
            var agent: String?
            var outcome: String
            /// Quotes test and build output of code the agent changed: shown fenced, never as
            /// Markdown.
            var reason: String?
            var reasonFence: String
            var branch: String?
            var startedAt: String
            var finishedAt: String?
        }

        struct Range {
            var before: String
            var after: String
        }

        var title: String
        var reason: String
        var repository: String
        var test: Input.Test
        var otherTests: [Input.Test]
        var verdict: String
        var range: Range?
        var failureOutput: String?
        var failureFence: String
        var productionError: String?
        var scores: String?
        var attempts: [Attempt]
        var culprit: Input.Culprit?
        var causalDiff: String?
        var causalDiffFence: String
        var lookAt: [String]
        /// `heal breaker reset <id>` as inline code, the id shell-quoted: an error's id comes
        /// from a log, and a reader pastes this into a shell.
        var resetCommand: String
        /// When the breaker closes by itself: a test passes again, an error stops occurring.
        var closesWhen: String

        init(_ input: Input) {
            title = DefaultTemplates.heading(input.title, code: input.test.id)
            reason = input.reason
            repository = input.repository
            test = input.test
            otherTests = input.otherTests
            verdict = input.verdict
            if let before = input.before, let after = input.after { range = Range(before: before, after: after) }
            failureOutput = input.failureOutput.map(DefaultTemplates.trimmingTrailingNewlines).flatMap { $0.isEmpty ? nil : $0 }
            failureFence = DefaultTemplates.fence(for: failureOutput ?? "")
            productionError = input.productionError
            scores = input.scores
            let format = Date.ISO8601FormatStyle()
            attempts = input.attempts.map {
                let reason = $0.reason.map(DefaultTemplates.trimmingTrailingNewlines).flatMap { $0.isEmpty ? nil : $0 }
                return Attempt(number: $0.number, agent: $0.agent, outcome: $0.outcome, reason: reason,
                               reasonFence: DefaultTemplates.fence(for: reason ?? ""), branch: $0.branch,
                               startedAt: $0.startedAt.formatted(format), finishedAt: $0.finishedAt?.formatted(format))
            }
            culprit = input.culprit
            causalDiff = input.causalDiff.map(DefaultTemplates.trimmingTrailingNewlines).flatMap { $0.isEmpty ? nil : $0 }
            causalDiffFence = DefaultTemplates.fence(for: causalDiff ?? "")
            lookAt = input.lookAt
            resetCommand = DefaultTemplates.inlineCode("heal breaker reset " + CommandTemplate.quote(input.test.id))
            closesWhen = DefaultTemplates.inlineCode(input.test.id)
                + (input.productionError == nil ? " passes on the base branch again" : " no longer occurs in the error logs of a `heal run`")
        }
    }

    /// The built-in template; `templates/escalation.mustache` is its readable copy and a test
    /// keeps the two identical.
    public static let defaultTemplate = #"""
{{! heal escalation ticket. Override per repository at .heal/templates/escalation.mustache. }}
{{! Variables are not HTML-escaped. Fences are chosen longer than any backtick run inside. }}
# {{title}}

heal stopped working on this regression and needs a human: {{reason}}.

## The regression

- Test: `{{test.id}}`{{#test.file}} in `{{test.file}}`{{/test.file}}
{{#otherTests}}
- Same cause: `{{id}}`{{#file}} in `{{file}}`{{/file}}
{{/otherTests}}
- Repository: {{repository}}
- Verdict: **{{verdict}}**
{{#range}}
- Baseline `{{before}}`, deploy `{{after}}`
{{/range}}
{{#failureOutput}}

<details><summary>Failure output at the deploy</summary>

{{failureFence}}text
{{failureOutput}}
{{failureFence}}

</details>
{{/failureOutput}}
{{#productionError}}

## Production error

{{productionError}}
{{/productionError}}
{{#scores}}

## Eval scores

{{scores}}
{{/scores}}

## Attempts

{{#attempts}}
### Attempt {{number}}: {{outcome}}

- Agent: {{#agent}}`{{agent}}`{{/agent}}{{^agent}}unknown{{/agent}}{{#branch}}, branch `{{branch}}`{{/branch}}
- Started {{startedAt}}{{#finishedAt}}, ended {{finishedAt}}{{/finishedAt}}
{{#reason}}
- Why it failed (heal's account, quoting the project's and the agent's output; plain text):

{{reasonFence}}text
{{reason}}
{{reasonFence}}
{{/reason}}

{{/attempts}}
{{^attempts}}
No fix was attempted.

{{/attempts}}
## Culprit commit

{{#culprit}}
`{{id}}` by {{author}}: {{subject}}
{{/culprit}}
{{^culprit}}
heal did not single out a culprit commit.
{{/culprit}}

## Causal diff

{{#causalDiff}}
{{causalDiffFence}}diff
{{causalDiff}}
{{causalDiffFence}}
{{/causalDiff}}
{{^causalDiff}}
heal did not narrow the regression to a causal diff.
{{/causalDiff}}

## What to look at

{{#lookAt}}
- {{.}}
{{/lookAt}}

## Closing this

The breaker closes by itself when {{closesWhen}}. To let heal
try again sooner, run {{resetCommand}} (and the same for any other test of this
cause whose breaker is open). heal updates this ticket rather than opening another one for the
same cause.

"""#
}
