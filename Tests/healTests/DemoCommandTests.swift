import Foundation
import Testing
import TestSupport

/// `heal demo` as a newcomer runs it: the real binary, the real loop on its sample repository.
@Suite("heal demo")
struct DemoCommandTests {
    @Test("the demo shows detection, verdicts, culprit, minimal hunk, fix branch, PR body, an open breaker and its ticket, then an eval regression fixed by score")
    func runsTheWholeLoop() throws {
        let directory = try TempDir.make(prefix: "demo") + "/sample"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }

        let result = try HealBinary.run(["demo", "--dir", directory])

        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let output = result.stdout
        for expected in [
            "Detection: 2 regressions",
            "ambiguous   tests/test_cache.py::test_cache_warm",
            "introduced  tests/test_pricing.py::test_discount",
            "Culprit commit",
            "Minimal causal hunk: 1 of the culprit's",
            "+    rate = DISCOUNTS.get(code.lower(), 0.0)",
            "The verified fix branch: heal/tests-test-pricing-py-test-discount-",
            "│ # heal: fix `tests/test_pricing.py::test_discount`",
            "attempt 1 failed: the fix breaks 1 test(s)",
            "→ the breaker is open after 3 failed attempts",
            "│ # heal escalation: `tests/test_pricing.py::test_with_tax`",
            "── Part 3: eval scores that drop after a deploy ──",
            "introduced  price-mug",
            "introduced  price-lamp",
            "One cause, price-",
            "+PRICE_SKILL = 0.05",
            "| `price-mug` |",
            "Done in ",
        ] {
            #expect(output.contains(expected), "missing: \(expected)")
        }
        let repo = TempRepo(existing: directory)
        #expect(try repo.head() == repo.head("deploy-5"), "main never moved")
        #expect(try repo.git("status", "--porcelain").isEmpty, "the checkout is clean")
        let branches = try repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads/heal/").split(separator: "\n")
        #expect(branches.count == 2, "part 1's fix and part 3's")
        let tickets = try FileManager.default.contentsOfDirectory(atPath: directory + "/.git/heal/tickets")
        #expect(tickets.count == 2, "the flaky test's and the unfixable regression's: \(tickets)")
    }

    @Test("a --dir with something in it is refused: exit 2")
    func refusesANonEmptyDirectory() throws {
        let directory = try TempDir.make(prefix: "demo-busy")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "mine\n".write(toFile: directory + "/keep.txt", atomically: true, encoding: .utf8)

        let result = try HealBinary.run(["demo", "--dir", directory])

        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["keep.txt"])
    }
}
