import Foundation
@testable import HealKit

/// A test double for the fix stage as the pipeline sees it (`FixDispatching`): the agents
/// behind it need an LLM, which cannot run here. It answers each dispatch with the next scripted
/// outcome (or error) and records the requests.
final class FixDispatcherTestDouble: FixDispatching, @unchecked Sendable {
    let agentName = "double"
    private var outcomes: [Result<FixDispatch.Outcome, any Error>]
    private let lock = NSLock()
    private var recorded: [FixRequest] = []

    init(_ outcomes: [Result<FixDispatch.Outcome, any Error>]) {
        self.outcomes = outcomes
    }

    var requests: [FixRequest] { lock.withLock { recorded } }

    func dispatch(_ request: FixRequest) async throws -> FixDispatch {
        let next = lock.withLock {
            recorded.append(request)
            return outcomes.isEmpty ? .success(.failed) : outcomes.removeFirst()
        }
        let outcome = try next.get()
        let kept = [.staged, .opened, .alreadyStaged].contains(outcome)
        return FixDispatch(test: request.verdict.test, cause: request.cause, tests: request.tests, agent: agentName,
                           attempt: 1, branch: kept ? "heal/\(request.cause)-1a2b3c4" : nil, outcome: outcome,
                           prBody: kept ? "/pr/\(request.cause).md" : nil,
                           reason: kept ? nil : "scripted \(outcome.rawValue)")
    }
}
