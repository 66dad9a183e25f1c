import Foundation
import GitKit
import HealKit
import TestSupport

/// The shop project the triage scenarios deploy changes to, and helpers to run triage on it.
enum Shop {
    static let pricing = """
        def subtotal(items):
            total = 0
            for price, qty in items:
                total += price * qty
            return total


        def discount(total, percent):
            return total - total * percent / 100


        def tax(total, rate):
            return round(total * rate, 2)


        def shipping(weight):
            if weight <= 1:
                return 5
            return 5 + (weight - 1) * 2


        def label(name):
            return name.strip().title()

        """

    static let tests = """
        from shop.pricing import subtotal, discount, tax, shipping, label


        def test_subtotal():
            assert subtotal([(2, 3), (1, 1)]) == 7


        def test_discount():
            assert discount(200, 10) == 180


        def test_tax():
            assert tax(subtotal([(50, 2)]), 0.2) == 20


        def test_shipping():
            assert shipping(3) == 9


        def test_label():
            assert label("  ada lovelace ") == "Ada Lovelace"

        """

    static var files: [String: String] {
        ["src/shop/__init__.py": "", "src/shop/pricing.py": pricing, "tests/test_pricing.py": tests]
    }

    static func project(coverage: Bool = true, extraFiles: [String: String] = [:]) throws -> PythonProject {
        try PythonProject(files: files.merging(extraFiles) { $1 }, coverage: coverage)
    }

    /// A harmless commit: a new, unused module.
    @discardableResult
    static func harmlessCommit(_ project: PythonProject, _ index: Int) throws -> String {
        try project.write("src/shop/extra_\(index).py", "def helper_\(index)():\n    return \(index)\n")
        return try project.commit("add helper \(index)")
    }

    static func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }
}

extension PythonProject {
    /// Triages as `heal triage` does (`HealTriage`), with the project's `.heal.yml`.
    func triage(before: String, after: String, baseline: [String] = [], current: [String] = [],
                coverage: String? = nil) async throws -> TriageReport {
        try await HealTriage.run(TriageRequest(repositoryPath: path, before: before, after: after,
                                               baselinePaths: baseline, currentPaths: current, coveragePath: coverage))
    }

    /// JUnit results of the whole suite at `revision`, run in a throwaway `git worktree` outside
    /// the repository (a stored result file, as CI would keep one).
    func storedResults(at revision: String, name: String, environment: [String: String] = [:]) throws -> String {
        let tree = scratch + "/tree-\(name)"
        try repo.git("worktree", "add", "-q", "--detach", tree, revision)
        defer { _ = try? repo.git("worktree", "remove", "--force", tree) }
        let results = scratch + "/\(name).xml"
        _ = try Shell.run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=\(results)"],
                          in: tree, environment: environment)
        return results
    }

    /// A coverage.py JSON report with per-test contexts of the whole suite at `revision`,
    /// measured in a throwaway `git worktree` (a `--coverage` file).
    func storedCoverage(at revision: String, name: String) throws -> String {
        let tree = scratch + "/tree-\(name)"
        try repo.git("worktree", "add", "-q", "--detach", tree, revision)
        defer { _ = try? repo.git("worktree", "remove", "--force", tree) }
        let report = scratch + "/\(name).json"
        let command = PythonProject.coverageCommand.replacingOccurrences(of: "{coverage}", with: report)
        _ = try Shell.run(["sh", "-c", command], in: tree)
        return report
    }

    /// Linked worktrees and scratch directories heal left behind.
    func scratchLeftovers() throws -> [String] {
        try repo.scratchLeftovers()
    }
}

extension TriageReport {
    func item(_ test: String) -> TriagedRegression? { triaged.first { $0.verdict.test == test } }
}

extension TestVerdict {
    /// `path @@ -a,b +c,d @@` per minimal causal hunk.
    var hunkHeaders: [String] {
        causalDiff.flatMap { file in
            file.hunks.map { "\(file.path.string) @@ -\($0.oldStart),\($0.oldLines) +\($0.newStart),\($0.newLines) @@" }
        }
    }
}
