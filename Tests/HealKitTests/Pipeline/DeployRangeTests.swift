import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// How `heal run` picks the deploy range when flags are left out, on real repositories.
@Suite struct DeployRangeTests {
    /// Three commits; the first two tagged deploy-1 and deploy-2.
    private func repository() throws -> (repo: TempRepo, commits: [String]) {
        let repo = try TempRepo(prefix: "range")
        var commits: [String] = []
        for index in 1...3 {
            try repo.write("file.txt", "\(index)\n")
            commits.append(try repo.commitAll("commit \(index)"))
            if index < 3 { try repo.git("tag", "deploy-\(index)") }
        }
        return (repo, commits)
    }

    @Test func afterDefaultsToHeadAndBeforeToThePreviousDeployTag() throws {
        let (repo, commits) = try repository()
        let range = try DeployRange.resolve(repository: Repository(discovering: repo.path), before: nil, after: nil,
                                            deployTags: "deploy-*", trigger: nil)
        #expect(range.after.id.hex == commits[2])
        #expect(range.before.id.hex == commits[1])
        #expect(range.beforeSource == "tag deploy-2")
    }

    @Test func aTaggedAfterComparesWithTheTagBeforeIt() throws {
        let (repo, commits) = try repository()
        let range = try DeployRange.resolve(repository: Repository(discovering: repo.path), before: nil, after: "deploy-2",
                                            deployTags: "deploy-*", trigger: nil)
        #expect(range.before.id.hex == commits[0])
        #expect(range.after.id.hex == commits[1])
    }

    @Test func afterAMergeTheBaselineIsOrigHead() throws {
        let (repo, commits) = try repository()
        try repo.git("update-ref", "ORIG_HEAD", commits[0])
        let range = try DeployRange.resolve(repository: Repository(discovering: repo.path), before: nil, after: nil,
                                            deployTags: "deploy-*", trigger: "post-merge")
        #expect(range.before.id.hex == commits[0])
        #expect(range.beforeSource == "ORIG_HEAD (post-merge)")
    }

    @Test func anExplicitBeforeWins() throws {
        let (repo, commits) = try repository()
        let range = try DeployRange.resolve(repository: Repository(discovering: repo.path), before: commits[0], after: nil,
                                            deployTags: "deploy-*", trigger: "post-merge")
        #expect(range.before.id.hex == commits[0])
        #expect(range.beforeSource == "--before")
    }

    @Test func withoutATagTheErrorNamesTheFlagToPass() throws {
        let (repo, _) = try repository()
        #expect {
            try DeployRange.resolve(repository: Repository(discovering: repo.path), before: nil, after: nil,
                                    deployTags: "release-*", trigger: nil)
        } throws: { error in
            let text = "\(error)"
            return error is MissingBaseline && text.contains("pass --before REV") && text.contains("release-*")
        }
    }
}
