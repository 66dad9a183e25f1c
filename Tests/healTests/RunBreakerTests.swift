import Foundation
import Testing
import TestSupport

/// A regression the revert agent cannot fix, run again and again: the breaker opens after
/// `fix.max-attempts` failed attempts, exactly one ticket is written, and no more agents run.
@Suite("heal run: the circuit breaker")
struct RunBreakerTests {
    @Test("two failed attempts open the breaker and write one ticket; the third run dispatches nothing")
    func repeatedUnfixableRegression() throws {
        let fixture = try RunFixture(maxAttempts: 2)
        try fixture.commitUnfixableRegression()
        let fingerprint = try fixture.repo.userStateFingerprint()

        let first = try fixture.heal(["run", "--json"])
        #expect(first.status == 1, "attempt 1 failed and the breaker is still closed: \(first.stderr)")
        let firstDispatch = try #require((try jsonObject(first)["dispatches"] as? [[String: Any]])?.first)
        #expect(firstDispatch["test"] as? String == RunFixture.unfixableTest)
        #expect(firstDispatch["outcome"] as? String == "failed")
        #expect((firstDispatch["reason"] as? String)?.contains("tests/test_scale3.py::test_scale_triples") == true)
        #expect(fixture.tickets().isEmpty)

        let second = try fixture.heal(["run", "--json"])
        #expect(second.status == 0, "the breaker opened and the ticket was written: \(second.stdout) \(second.stderr)")
        let secondJSON = try jsonObject(second)
        #expect((secondJSON["dispatches"] as? [[String: Any]])?.first?["attempt"] as? Int == 2)
        let escalation = try #require((secondJSON["escalations"] as? [[String: Any]])?.first)
        #expect(escalation["test"] as? String == RunFixture.unfixableTest)
        #expect((escalation["reason"] as? String)?.contains("circuit breaker is open after 2") == true)
        #expect(fixture.tickets().count == 1)
        let ticket = try String(contentsOfFile: try #require(escalation["ticket"] as? String), encoding: .utf8)
        #expect(ticket.contains("### Attempt 1: verification-failed") && ticket.contains("### Attempt 2: verification-failed"))

        let third = try fixture.heal(["run", "--json"])
        #expect(third.status == 0, "\(third.stderr)")
        let thirdDispatch = try #require((try jsonObject(third)["dispatches"] as? [[String: Any]])?.first)
        #expect(thirdDispatch["outcome"] as? String == "breaker-open")
        #expect(fixture.tickets().count == 1, "the ticket is updated in place, never duplicated")

        let breakers = try fixture.heal(["breaker", "list", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(breakers.stdout.utf8)) as? [[String: Any]])
        #expect(list.first?["state"] as? String == "open")
        #expect(list.first?["attempts"] as? Int == 2)
        #expect(try fixture.fixBranches().isEmpty, "no fix verified, so no branch was kept")
        #expect(try fixture.repo.userStateFingerprint() == fingerprint)
    }
}
