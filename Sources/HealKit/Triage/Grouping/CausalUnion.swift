/// A cause's causal hunks must make every member pass (DESIGN.md: one cause, one fix). When a
/// member still fails with the cause's hunks reverted, the union grows by delta debugging over
/// the member's other candidate hunks, the cause's own hunks always reverted too.
public enum CausalUnion {
    /// What a member needs on top of a cause's hunks.
    public struct Growth: Sendable, Equatable {
        /// Hunks to add to the cause (empty when its hunks already make the member pass); nil
        /// when no addition made it pass: the member has some other cause.
        public var added: [HunkRef]?
        /// Reverts run, the first (the cause's hunks alone) included.
        public var runs: Int
    }

    /// Finds the hunks of `candidates` that, reverted with all of `hunks`, make the member
    /// pass: first the cause's hunks alone, then a 1-minimal addition by delta debugging.
    ///
    /// - Parameter revert: reverts the given hunks on top of the failing code and reruns the
    ///   member.
    /// With `maxRuns` 1 only the cause's hunks are tried.
    public static func grow(
        _ hunks: [HunkRef], from candidates: [HunkRef], maxRuns: Int,
        revert: ([HunkRef]) async throws -> RevertOutcome
    ) async rethrows -> Growth {
        guard maxRuns > 0 else { return Growth(added: nil, runs: 0) }
        if try await revert(hunks) == .pass { return Growth(added: [], runs: 1) }
        let cause = Set(hunks)
        let extra = candidates.filter { !cause.contains($0) }
        guard !extra.isEmpty, maxRuns > 1 else { return Growth(added: nil, runs: 1) }
        let result = try await DeltaDebugging.minimize(candidateCount: extra.count, maxRuns: maxRuns - 1) { subset in
            try await revert((hunks + subset.map { extra[$0] }).sorted())
        }
        let explained = !result.minimal.isEmpty && result.status != .notFound
        return Growth(added: explained ? result.minimal.map { extra[$0] } : nil, runs: 1 + result.runs)
    }
}
