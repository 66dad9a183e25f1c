import GitKit

/// Coverage by commit for one triage: a given report stands for the deploy commit, anything
/// else is measured by the runner at most once per commit.
struct CoverageCache {
    let runner: any TriageTestRunner
    private var maps: [ObjectID: CoverageMap?] = [:]

    init(runner: any TriageTestRunner, given: CoverageMap?, deploy: ObjectID) {
        self.runner = runner
        if let given { maps[deploy] = given }
    }

    /// The coverage at `commit`, or nil when the project has none.
    mutating func map(at commit: ObjectID) async throws -> CoverageMap? {
        if let known = maps[commit] { return known }
        let measured = try await runner.coverage(at: commit)
        maps[commit] = measured
        return measured
    }
}
