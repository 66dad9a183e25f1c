import GitKit

/// Turns a verdict heal stops on into its escalation ticket: the test, the verdict, the
/// attempts the store recorded for its key, the culprit and causal diff, what to look at.
struct EscalationWriter: Sendable {
    let repositoryID: String
    let commonDirectory: String
    let repositoryRoot: String
    let store: any HealStore
    let forge: (any Forge)?

    func write(verdict: TestVerdict, reason: String, range: DeployRange, testFile: String?, failureOutput: String?,
               lookAt: [String]) async throws -> Escalation {
        let key = BreakerKey(repository: repositoryID, test: verdict.test)
        let attempts = try await store.attempts(for: key).map(EscalationTicket.Input.Attempt.init)
        let input = EscalationTicket.Input(
            repository: repositoryID, test: .init(id: verdict.test, file: testFile), verdict: verdict.verdict.rawValue,
            reason: reason, before: range.before.id.short(12), after: range.after.id.short(12),
            failureOutput: failureOutput, attempts: attempts,
            culprit: verdict.culprit.map {
                .init(id: $0.id.short(12), author: "\($0.author.name) <\($0.author.email)>", subject: $0.summary)
            },
            causalDiff: verdict.causalDiff.isEmpty ? nil : UnifiedDiffText.render(verdict.causalDiff),
            lookAt: lookAt)
        let ticket = try await EscalationTicket.publish(input, key: key, commonDirectory: commonDirectory,
                                                        library: TemplateLibrary(repositoryRoot: repositoryRoot),
                                                        store: store, forge: forge)
        return Escalation(test: verdict.test, reason: reason, ticket: ticket.path, url: ticket.url)
    }
}
