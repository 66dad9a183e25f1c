import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Triage scenarios: culprit commits in a multi-commit deploy")
struct ScenarioCulpritTests {
    @Test("a deploy of 8 commits with one culprit: introduced, culprit found in ≤ ⌈log₂ 8⌉ + 1 runs, the one hunk")
    func oneCulpritAmongEight() async throws {
        let project = try Shop.project()
        let before = try project.repo.head()
        var commits: [String] = []
        for index in 0..<8 {
            switch index {
            case 4:
                try project.replace(in: "src/shop/pricing.py", "percent / 100", with: "percent / 1000")
                commits.append(try project.commit("discount: finer percentages"))
            case 6:
                // Shifts every line of pricing.py, so coverage must be measured at the culprit.
                try project.replace(in: "src/shop/pricing.py", "def subtotal", with: "# Prices in cents.\n\n\ndef subtotal")
                commits.append(try project.commit("document pricing"))
            default:
                commits.append(try Shop.harmlessCommit(project, index))
            }
        }
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: commits[7])

        #expect(report.detection.regressions.map(\.test) == ["tests/test_pricing.py::test_discount"])
        let item = try #require(report.item("tests/test_pricing.py::test_discount"))
        let verdict = item.verdict
        #expect(verdict.verdict == .introduced, "\(verdict.reason)")
        #expect(verdict.culprit?.id.hex == commits[4])
        #expect(verdict.causalBase?.hex == commits[3])
        #expect(verdict.causalHead?.hex == commits[4])
        #expect(verdict.hunkHeaders == ["src/shop/pricing.py @@ -9,1 +9,1 @@"])
        #expect(verdict.causalDiff.first?.hunks.first?.lines.map(\.content)
                == ["    return total - total * percent / 100", "    return total - total * percent / 1000"])
        #expect(verdict.confidence == .high)
        #expect(verdict.coveredFiles.contains("src/shop/pricing.py"))
        #expect(item.deployCommits == 8)
        #expect(item.evidenceRuns == 3)
        #expect(item.culpritRuns <= Shop.ceilLog2(8) + 1, "\(item.culpritRuns) culprit runs")
        #expect(item.minimizeRuns <= Shop.ceilLog2(item.candidateHunks) + 2)
        #expect(verdict.testRuns == item.evidenceRuns + item.culpritRuns + item.minimizeRuns)
        #expect(!verdict.reason.contains("\n"))
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }

    @Test("two culprits breaking different tests: each test gets its own culprit and hunk")
    func twoCulprits() async throws {
        let project = try Shop.project()
        let before = try project.repo.head()
        var commits: [String] = []
        for index in 0..<6 {
            switch index {
            case 1:
                try project.replace(in: "src/shop/pricing.py", "percent / 100", with: "percent / 10")
                commits.append(try project.commit("discount: tenths"))
            case 4:
                try project.replace(in: "src/shop/pricing.py", "(weight - 1) * 2", with: "(weight - 1) * 3")
                commits.append(try project.commit("shipping: new carrier rates"))
            default:
                commits.append(try Shop.harmlessCommit(project, index))
            }
        }
        let fingerprint = try project.repo.userStateFingerprint()

        let report = try await project.triage(before: before, after: commits[5])

        let discount = try #require(report.item("tests/test_pricing.py::test_discount"))
        #expect(discount.verdict.verdict == .introduced, "\(discount.verdict.reason)")
        #expect(discount.verdict.culprit?.id.hex == commits[1])
        #expect(discount.verdict.hunkHeaders == ["src/shop/pricing.py @@ -9,1 +9,1 @@"])
        #expect(discount.culpritRuns <= Shop.ceilLog2(6) + 1, "\(discount.culpritRuns) culprit runs")

        let shipping = try #require(report.item("tests/test_pricing.py::test_shipping"))
        #expect(shipping.verdict.verdict == .introduced, "\(shipping.verdict.reason)")
        #expect(shipping.verdict.culprit?.id.hex == commits[4])
        #expect(shipping.verdict.hunkHeaders == ["src/shop/pricing.py @@ -19,1 +19,1 @@"])
        #expect(shipping.culpritRuns <= Shop.ceilLog2(6) + 1, "\(shipping.culpritRuns) culprit runs")

        #expect(report.triaged.count == 2)
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.scratchLeftovers().isEmpty)
    }
}
