import Foundation

/// What a claim changes in the breakers of its keys, decided the same way by every store: a
/// dispatch touches every key (each gets an attempt); a refusal because a breaker is open
/// marks the keys that reached the limit as opened; a budget refusal touches none — beyond
/// attempts found abandoned, which count on their key whatever the decision.
struct ClaimOutcome {
    let decision: ClaimDecision
    /// The keys' standings, the representative first, with openings applied.
    private(set) var standings: [KeyStanding]
    /// Indices of the keys whose state must be saved.
    private(set) var changed: Set<Int>

    init(decision: ClaimDecision, standings: [KeyStanding], changed: Set<Int>, at date: Date, policy: BreakerPolicy) {
        self.decision = decision
        self.standings = standings
        self.changed = changed
        switch decision {
        case .dispatch:
            self.changed = Set(standings.indices)
        case .refused(.breakerOpen):
            for index in standings.indices where standings[index].state.openedAt == nil
                && standings[index].running == 0 && standings[index].state.consecutiveFailures >= policy.maxAttempts {
                self.standings[index].state.openedAt = date
                self.standings[index].state.updatedAt = date
                self.changed.insert(index)
            }
        case .refused:
            break
        }
    }

    /// The state a claim result reports: the open key's when a breaker refused, else the
    /// representative's.
    var reportedState: BreakerState {
        if case .refused(.breakerOpen) = decision, let open = standings.first(where: { $0.state.isOpen }) {
            return open.state
        }
        return standings.first?.state ?? .closed
    }
}
