import GitKit

/// Coverage by commit for one triage: a given report stands for the deploy commit; other
/// commits are measured by the runner at most once each, or — when the project has no coverage
/// command — get the given report carried back through the diff.
struct CoverageCache {
    let runner: any TriageTestRunner
    let given: CoverageMap?
    let deploy: ObjectID
    private var maps: [ObjectID: CoverageMap?] = [:]

    init(runner: any TriageTestRunner, given: CoverageMap?, deploy: ObjectID) {
        self.runner = runner
        self.given = given
        self.deploy = deploy
        if let given { maps[deploy] = given }
    }

    /// The coverage at `commit`, or nil when there is none.
    mutating func map(at commit: ObjectID, in repository: Repository) async throws -> CoverageMap? {
        if let known = maps[commit] { return known }
        var found = try await runner.coverage(at: commit)
        if found == nil, let given {
            let diff = try repository.diff(from: commit.hex, to: deploy.hex, options: DiffOptions(contextLines: 0)).files
            found = CoverageBackMapping.map(given, through: diff)
        }
        maps[commit] = found
        return found
    }
}
