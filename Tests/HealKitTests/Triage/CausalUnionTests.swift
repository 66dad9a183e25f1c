import Testing
@testable import HealKit

@Suite("Growing a cause's causal hunks so every member passes")
struct CausalUnionTests {
    static let hunks = (0..<8).map { HunkRef(fileIndex: $0 / 4, hunkIndex: $0 % 4) }

    /// A member that fails while any hunk of `needs` is still applied.
    static func member(needs: Set<HunkRef>) -> ([HunkRef]) -> RevertOutcome {
        { reverted in needs.isSubset(of: Set(reverted)) ? .pass : .fail }
    }

    @Test("a member the cause's hunks already fix costs one run and adds nothing")
    func alreadyFixed() async {
        let growth = await CausalUnion.grow([Self.hunks[2]], from: Self.hunks, maxRuns: 10,
                                            revert: Self.member(needs: [Self.hunks[2]]))
        #expect(growth == CausalUnion.Growth(added: [], runs: 1))
    }

    @Test("a member broken by another hunk too: the union gains exactly that hunk, wherever it is", arguments: 0..<8)
    func addsTheOtherHunk(_ other: Int) async {
        let cause = Self.hunks[other == 3 ? 4 : 3]
        let needs: Set<HunkRef> = [cause, Self.hunks[other]]
        let growth = await CausalUnion.grow([cause], from: Self.hunks, maxRuns: 16, revert: Self.member(needs: needs))
        if Self.hunks[other] == cause {
            #expect(growth.added == [])
        } else {
            #expect(growth.added == [Self.hunks[other]])
            #expect(growth.runs <= 1 + 3 + 1, "one check, ⌈log₂ 7⌉ halvings, one confirmation")
        }
    }

    @Test("two more hunks needed: both found (ddmin)")
    func addsTwo() async {
        let needs: Set<HunkRef> = [Self.hunks[0], Self.hunks[5], Self.hunks[7]]
        let growth = await CausalUnion.grow([Self.hunks[0]], from: Self.hunks, maxRuns: 40, revert: Self.member(needs: needs))
        #expect(growth.added.map(Set.init) == [Self.hunks[5], Self.hunks[7]])
    }

    @Test("a member no candidate explains has another cause: nil")
    func otherCause() async {
        let growth = await CausalUnion.grow([Self.hunks[0]], from: Self.hunks, maxRuns: 40) { _ in .fail }
        #expect(growth.added == nil)
        #expect(growth.runs > 1, "the cause's hunks, then every candidate")
        let none = await CausalUnion.grow([Self.hunks[0]], from: [Self.hunks[0]], maxRuns: 40) { _ in .fail }
        #expect(none == CausalUnion.Growth(added: nil, runs: 1), "no candidate beyond the cause's own hunks")
        let capped = await CausalUnion.grow([Self.hunks[0]], from: Self.hunks, maxRuns: 1) { _ in .fail }
        #expect(capped == CausalUnion.Growth(added: nil, runs: 1), "one run allowed: the cause's hunks only")
    }
}
