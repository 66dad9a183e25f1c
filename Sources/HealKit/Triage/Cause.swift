/// The unit of triage and fix (DESIGN.md): the regressions one change breaks. One cause gets
/// one triage, one fix branch, one PR body and one ticket.
///
/// An introduced cause groups its representative — triaged in full — with every member
/// confirmed by its own runs; its verdict carries the culprit and the union of causal hunks
/// that makes every member pass. A pre-existing or ambiguous regression is a cause of its own:
/// flaky and ambiguous regressions never join one.
public struct Cause: Sendable, Equatable {
    /// Stable and readable: the representative's id as a slug (`tests-test-calc-py-test-add`).
    public var id: String
    /// The regressions' ids (tests, eval cases, error signatures), the representative first.
    public var tests: [String]
    /// The cause's verdict: the representative's, with the union of causal hunks, the files
    /// every member covers, and every run the cause cost.
    public var verdict: TestVerdict

    public init(id: String, tests: [String], verdict: TestVerdict) {
        self.id = id
        self.tests = tests
        self.verdict = verdict
    }

    /// The regression triaged in full for the cause; the one `test` names in dispatches and
    /// escalations.
    public var representative: String { tests[0] }

    /// The id of a cause whose representative is `test`: lowercase letters, digits and dashes,
    /// long ids cut and suffixed with a hash of the whole id.
    public static func id(representative test: String) -> String {
        Slug.bounded(test, fallback: "cause")
    }

    /// `id(representative:)`, suffixed `-2`, `-3`, … until it is not in `taken`; then taken.
    static func uniqueID(representative test: String, taken: inout Set<String>) -> String {
        let base = id(representative: test)
        var id = base
        var suffix = 2
        while taken.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        taken.insert(id)
        return id
    }
}
