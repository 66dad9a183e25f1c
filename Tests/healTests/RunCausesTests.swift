import Foundation
import Testing
import TestSupport

/// `heal run` on deploys whose regressions share causes: the real binary, git and pytest, the
/// built-in revert agent, and every test run counted by the project's own commands.
@Suite("heal run: one cause, one fix")
struct RunCausesTests {
    /// The catalog project with its baseline tagged `deploy-1` and `fix:` settings appended.
    static func project(fix: String = "") throws -> PythonProject {
        let project = try Catalog.project()
        if !fix.isEmpty {
            try project.write(".heal.yml", try project.repo.read(".heal.yml") + "fix:\n" + fix)
            try project.commit("fix settings")
        }
        try project.repo.git("tag", "deploy-1")
        return project
    }

    static func heal(_ project: PythonProject, _ arguments: [String]) throws -> (ShellResult, [String: Any]) {
        let result = try HealBinary.run(arguments, in: project.path)
        return (result, try jsonObject(result))
    }

    static func branches(_ project: PythonProject) throws -> [String] {
        try project.repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads/heal/").split(separator: "\n").map(String.init)
    }

    /// Runs `tests` with pytest on `branch`'s tree, in a throwaway worktree outside the
    /// repository: whether the fix really makes them pass.
    static func passOn(_ branch: String, _ tests: [String], in project: PythonProject) throws -> Bool {
        let tree = project.scratch + "/check-" + UUID().uuidString
        try project.repo.git("worktree", "add", "-q", "--detach", tree, branch)
        defer { _ = try? project.repo.git("worktree", "remove", "--force", tree) }
        let result = try Shell.run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"] + tests, in: tree,
                                   environment: ["PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"])
        return result.status == 0
    }

    @Test("one changed line breaks 6 tests: one triage plus confirmations, one branch, one PR body naming all 6, all verified")
    func sixTestsOneFix() throws {
        let project = try Self.project()
        try Catalog.breakSKU(project)
        let after = try project.commit("catalog: lowercase sku prefixes")

        let (result, json) = try Self.heal(project, ["run", "--json"])

        #expect(result.status == 0, "\(json["dispatches"] ?? "") \(result.stderr)")
        let causes = try #require(json["causes"] as? [[String: Any]])
        #expect(causes.count == 1)
        let cause = try #require(causes.first)
        let id = try #require(cause["id"] as? String)
        #expect(cause["tests"] as? [String] == Catalog.skuTests)
        #expect(cause["verdict"] as? String == "introduced")
        #expect(cause["culprit"] as? String == after)
        let verdicts = try #require(json["verdicts"] as? [[String: Any]])
        #expect(verdicts.map { $0["cause"] as? String } == Array(repeating: id, count: 6))
        let runs = verdicts.map { $0["testRuns"] as? Int ?? 0 }
        #expect(runs.dropFirst().allSatisfy { $0 == 2 }, "each other test confirmed in 2 runs: \(runs)")
        #expect(cause["testRuns"] as? Int == runs.reduce(0, +))

        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.count == 1)
        let dispatch = try #require(dispatches.first)
        let branch = "heal/\(id)-\(after.prefix(7))"
        #expect(dispatch["outcome"] as? String == "staged")
        #expect(dispatch["cause"] as? String == id)
        #expect(dispatch["test"] as? String == Catalog.skuTests[0])
        #expect(dispatch["tests"] as? [String] == Catalog.skuTests)
        #expect(dispatch["branch"] as? String == branch)
        #expect(try Self.branches(project) == [branch])
        let state = RunHealState(repositoryPath: project.path)
        #expect(state.prBodies().count == 1)
        let body = try String(contentsOfFile: try #require(dispatch["prBody"] as? String), encoding: .utf8)
        for test in Catalog.skuTests { #expect(body.contains("`\(test)`"), "the PR body names \(test)") }
        #expect(body.contains("Each of the 6 tests above passed on 3 of 3 reruns"))
        #expect(try Self.passOn(branch, Catalog.skuTests, in: project))

        // Every single-test run the project saw: triage's (the representative's in full, 2 per
        // other test), then the attempt's — the representative's failure output once, and
        // 3 verification reruns of each of the 6 tests.
        let verification = 1 + 3 * 6
        #expect(project.runs(of: "test") == runs.reduce(0, +) + verification)
        #expect(runs.reduce(0, +) <= runs[0] + 2 * 5)
    }

    @Test("two independent causes, max-per-run 2: two branches, both staged")
    func twoCausesTwoBranches() throws {
        let project = try Self.project(fix: "  max-per-run: 2\n")
        try Catalog.breakPriceAndLabel(project)
        try project.commit("catalog: prices in mills, loud labels")

        let (result, json) = try Self.heal(project, ["run", "--json"])

        #expect(result.status == 0, "\(json["dispatches"] ?? "") \(result.stderr)")
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.map { $0["outcome"] as? String } == ["staged", "staged"], "\(dispatches.map { $0["reason"] ?? "" })")
        #expect(dispatches.map { $0["tests"] as? [String] } == [Catalog.labelTests, Catalog.priceTests])
        let branches = try Self.branches(project)
        #expect(branches.count == 2)
        #expect(try Self.passOn(branches[0], Catalog.labelTests + Catalog.priceTests, in: project) == false,
                "each branch fixes its own cause only")
        for dispatch in dispatches {
            let branch = try #require(dispatch["branch"] as? String)
            #expect(try Self.passOn(branch, try #require(dispatch["tests"] as? [String]), in: project))
        }
    }

    @Test("two independent causes, max-per-run 1: the second is budget-spent and no breaker is touched")
    func budgetSpent() throws {
        let project = try Self.project(fix: "  max-per-run: 1\n")
        try Catalog.breakPriceAndLabel(project)
        try project.commit("catalog: prices in mills, loud labels")

        let (result, json) = try Self.heal(project, ["run", "--json"])

        #expect(result.status == 1, "a cause is left for the next run: \(result.stderr)")
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.map { $0["outcome"] as? String } == ["staged", "budget-spent"])
        #expect((dispatches.last?["reason"] as? String)?.contains("budget") == true)
        #expect((json["escalations"] as? [Any])?.isEmpty == true)
        #expect(try Self.branches(project).count == 1)
        let breakers = try HealBinary.run(["breaker", "list", "--json"], in: project.path)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(breakers.stdout.utf8)) as? [[String: Any]])
        let spent = try #require(dispatches.last?["tests"] as? [String])
        #expect(list.filter { spent.contains($0["test"] as? String ?? "") }.isEmpty, "no breaker for \(spent): \(list)")
        #expect(list.allSatisfy { $0["state"] as? String == "closed" && $0["consecutiveFailures"] as? Int == 0 })
    }

    @Test("a cause whose tests need two different hunks: its one fix branch makes both pass")
    func twoHunks() throws {
        let project = try Self.project()
        try Catalog.breakTag(project)
        try project.commit("catalog: coarser tag values, lowercase codes")

        let (result, json) = try Self.heal(project, ["run", "--json"])

        #expect(result.status == 0, "\(json["dispatches"] ?? "") \(result.stderr)")
        let dispatch = try #require((json["dispatches"] as? [[String: Any]])?.first)
        #expect((json["dispatches"] as? [Any])?.count == 1)
        #expect(dispatch["outcome"] as? String == "staged")
        #expect(Set(dispatch["tests"] as? [String] ?? []) == Set(Catalog.tagTests))
        let branch = try #require(dispatch["branch"] as? String)
        #expect(try Self.passOn(branch, Catalog.tagTests, in: project))
    }

    @Test("the same run again finds the verified fix: already-staged, nothing dispatched; a later deploy updates the same branch")
    func againAndLater() throws {
        let project = try Self.project()
        try Catalog.breakSKU(project)
        let culprit = try project.commit("catalog: lowercase sku prefixes")
        let (first, firstJSON) = try Self.heal(project, ["run", "--json"])
        #expect(first.status == 0, "\(firstJSON["dispatches"] ?? "")")
        let branch = try #require((firstJSON["dispatches"] as? [[String: Any]])?.first?["branch"] as? String)
        let tip = try project.repo.head(branch)
        let testRuns = project.runs(of: "test")

        let (again, againJSON) = try Self.heal(project, ["run", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let repeated = try #require((againJSON["dispatches"] as? [[String: Any]])?.first, "\(again.stdout)\n\(again.stderr)")
        #expect(repeated["outcome"] as? String == "already-staged")
        #expect(repeated["branch"] as? String == branch)
        #expect(try project.repo.head(branch) == tip)
        #expect(project.runs(of: "test") > testRuns, "triage ran again")

        // A later deploy whose range still holds the culprit: the same branch, fixed again on it.
        try project.write("src/shop/notes.py", "NOTE = 'restock on mondays'\n")
        let later = try project.commit("notes")
        let (third, thirdJSON) = try Self.heal(project, ["run", "--before", "deploy-1", "--after", later, "--json"])
        #expect(third.status == 0, "\(third.stderr)")
        let updated = try #require((thirdJSON["dispatches"] as? [[String: Any]])?.first)
        #expect(updated["outcome"] as? String == "staged")
        #expect(updated["branch"] as? String == branch, "named after the cause and its culprit \(culprit.prefix(7))")
        #expect(try project.repo.git("rev-parse", branch + "^").trimmingCharacters(in: .whitespacesAndNewlines) == later)
        #expect(try Self.branches(project) == [branch])
        #expect(RunHealState(repositoryPath: project.path).prBodies().count == 1)
    }
}
