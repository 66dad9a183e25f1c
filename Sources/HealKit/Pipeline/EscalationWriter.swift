import GitKit

/// Turns a cause heal stops on into its escalation ticket — one per cause, kept under the
/// representative's key: the tests, the verdict, the attempts the store recorded for the key,
/// the culprit and causal diff, what to look at.
struct EscalationWriter: EscalationWriting {
    let repositoryID: String
    let commonDirectory: String
    let repositoryRoot: String
    let store: any HealStore
    let forge: (any Forge)?

    func write(_ request: EscalationRequest) async throws -> Escalation {
        let verdict = request.cause.verdict
        let key = BreakerKey(repository: repositoryID, test: request.cause.representative)
        let attempts = try await store.attempts(for: key).map(EscalationTicket.Input.Attempt.init)
        let range = request.range
        let input = EscalationTicket.Input(
            repository: repositoryID, test: request.tests.first ?? TestReference(id: request.cause.representative),
            otherTests: Array(request.tests.dropFirst()), verdict: verdict.verdict.rawValue,
            reason: request.reason, before: range.before.id.short(12), after: range.after.id.short(12),
            failureOutput: request.failureOutput, attempts: attempts,
            culprit: verdict.culprit.map {
                .init(id: $0.id.short(12), author: "\($0.author.name) <\($0.author.email)>", subject: $0.summary)
            },
            causalDiff: verdict.causalDiff.isEmpty ? nil : UnifiedDiffText.render(verdict.causalDiff),
            lookAt: request.lookAt, productionError: request.productionError, scores: request.scores)
        let ticket = try await EscalationTicket.publish(input, key: key, commonDirectory: commonDirectory,
                                                        library: TemplateLibrary(repositoryPath: repositoryRoot, revision: range.after.id.hex),
                                                        store: store, forge: forge)
        return Escalation(test: request.cause.representative, cause: request.cause.id, tests: request.cause.tests,
                          reason: request.reason, ticket: ticket.path, url: ticket.url)
    }
}
