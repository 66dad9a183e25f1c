/// Groups a deploy's regressions into likely causes before any rerun, from cheap facts only
/// (DESIGN.md, Detect): regressions are linked when they execute the same changed hunks, fail
/// with the same signature (type, masked message, innermost repository frame outside the test's
/// own file — or, for an assertion in the test itself, no frame), or fail through the same
/// function of a changed file; groups are the linked components. A group is a guess: triage
/// confirms every member with its own runs before it joins a cause.
public enum CauseGrouping {
    /// The groups, as indices into `facts`: largest first (ties by first member), members in
    /// order. Every index is in exactly one group.
    ///
    /// - Parameter changedFiles: the deploy's changed files (repository paths).
    public static func groups(_ facts: [GroupingFacts], changedFiles: Set<String>) -> [[Int]] {
        var parent = Array(facts.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for a in facts.indices {
            for b in facts.indices where b > a && root(a) != root(b) {
                if linked(facts[a], facts[b], changedFiles: changedFiles) { parent[root(b)] = root(a) }
            }
        }
        let components = Dictionary(grouping: facts.indices, by: root).values.map { $0.sorted() }
        return components.sorted { ($0.count, -$0[0]) > ($1.count, -$1[0]) }
    }

    /// Whether two regressions look like one cause.
    ///
    /// Coverage outranks the failures' text: two tests that execute disjoint sets of changed
    /// hunks cannot share a causal hunk, however alike they fail.
    public static func linked(_ a: GroupingFacts, _ b: GroupingFacts, changedFiles: Set<String>) -> Bool {
        if let left = a.coveredHunks, let right = b.coveredHunks {
            if left.isDisjoint(with: right) { return false }
            if left == right { return true }
        }
        guard let left = a.signature, let right = b.signature else { return false }
        // Equal signatures link when they say where or what failed; a bare message does not.
        if left == right && (left.frame != nil || left.exceptionType != nil) { return true }
        let shared = changedCode(left, changedFiles).intersection(changedCode(right, changedFiles))
        return !shared.isEmpty
    }

    /// The functions of changed files that a failure's trace passes through.
    static func changedCode(_ signature: FailureSignature, _ changedFiles: Set<String>) -> Set<CodeLocation> {
        Set(signature.repositoryFrames.filter { changedFiles.contains($0.path) })
    }
}
