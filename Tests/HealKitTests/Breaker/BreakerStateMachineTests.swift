import Foundation
import HealKit
import Testing

@Suite("Breaker state machine")
struct BreakerStateMachineTests {
    let policy = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 2, dispatchesPerDay: 5)
    let noUsage = BudgetUsage(thisRun: 0, lastDay: 0)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func fail(_ state: BreakerState, _ outcome: AttemptOutcome = .verificationFailed) -> BreakerState {
        Breaker.recording(outcome, on: state, at: now, policy: policy)
    }

    @Test func opensAfterMaxConsecutiveFailures() {
        var state = BreakerState.closed
        for failures in 1...2 {
            state = fail(state)
            #expect(state.consecutiveFailures == failures)
            #expect(!state.isOpen)
        }
        state = fail(state, .scopeViolation)
        #expect(state.isOpen)
        #expect(state.openedAt == now)
        #expect(Breaker.decide(state: state, running: 0, attemptsSoFar: 3, usage: noUsage, policy: policy)
                == .refused(.breakerOpen(failures: 3)))
    }

    @Test func everyFailureKindCountsAndSuccessEndsTheStreak() {
        for outcome in AttemptOutcome.allCases where outcome.isFailure {
            #expect(fail(.closed, outcome).consecutiveFailures == 1)
        }
        let twice = fail(fail(.closed))
        #expect(Breaker.recording(.staged, on: twice, at: now, policy: policy).consecutiveFailures == 0)
        #expect(Breaker.recording(.opened, on: twice, at: now, policy: policy).consecutiveFailures == 0)
    }

    @Test func aBasePassOrResetClosesAnOpenBreaker() {
        let open = fail(fail(fail(.closed)))
        let closed = Breaker.closing(open, at: now)
        #expect(!closed.isOpen)
        #expect(closed.consecutiveFailures == 0)
        #expect(Breaker.decide(state: closed, running: 0, attemptsSoFar: 3, usage: noUsage, policy: policy)
                == .dispatch(attempt: 4))
    }

    @Test func runningAttemptsCountAgainstTheLimit() {
        let oneFailure = fail(.closed)
        #expect(Breaker.decide(state: oneFailure, running: 1, attemptsSoFar: 2, usage: noUsage, policy: policy)
                == .dispatch(attempt: 3))
        #expect(Breaker.decide(state: oneFailure, running: 2, attemptsSoFar: 3, usage: noUsage, policy: policy)
                == .refused(.attemptsInFlight(running: 2, failures: 1)))
    }

    @Test func budgetsRefuseOnceUsed() {
        #expect(Breaker.decide(state: .closed, running: 0, attemptsSoFar: 0,
                               usage: BudgetUsage(thisRun: 2, lastDay: 2), policy: policy)
                == .refused(.runBudgetExhausted(limit: 2)))
        #expect(Breaker.decide(state: .closed, running: 0, attemptsSoFar: 0,
                               usage: BudgetUsage(thisRun: 0, lastDay: 5), policy: policy)
                == .refused(.dayBudgetExhausted(limit: 5)))
        #expect(Breaker.decide(state: .closed, running: 0, attemptsSoFar: 7,
                               usage: BudgetUsage(thisRun: 1, lastDay: 4), policy: policy)
                == .dispatch(attempt: 8))
    }

    @Test func aLoweredLimitKeepsTheKeyShut() {
        let twoFailures = fail(fail(.closed))
        let strict = BreakerPolicy(maxAttempts: 2)
        #expect(Breaker.decide(state: twoFailures, running: 0, attemptsSoFar: 2, usage: noUsage, policy: strict)
                == .refused(.breakerOpen(failures: 2)))
    }

    @Test func keyFileNamesAreSafeStableAndDistinct() {
        let a = BreakerKey(repository: "github.com/o/r", test: "tests/test_x.py::TestC::test_a[1/2]")
        let b = BreakerKey(repository: "github.com/o/other", test: a.test)
        #expect(a.fileName == BreakerKey(repository: a.repository, test: a.test).fileName)
        #expect(a.fileName != b.fileName)
        #expect(a.fileName.hasPrefix("tests-test-x-py-TestC-test-a-1-2-"))
        #expect(!a.fileName.contains("/"))
        #expect(BreakerKey(repository: "r", test: "::").fileName.hasPrefix("test-"))
    }
}

@Suite("Breaker decisions for a cause of several tests")
struct CauseBreakerTests {
    let policy = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 2, dispatchesPerDay: 5)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let free = BudgetUsage(thisRun: 0, lastDay: 0)

    @Test("every key closed: dispatched, numbered by the representative's attempts")
    func dispatches() {
        let keys = [KeyStanding(state: .closed, attemptsSoFar: 4), KeyStanding(state: .closed), KeyStanding(state: .closed)]
        #expect(Breaker.decide(keys: keys, usage: free, policy: policy) == .dispatch(attempt: 5))
    }

    @Test("one member's open breaker refuses the whole cause, before any budget")
    func oneOpenKeyRefuses() {
        let open = BreakerState(consecutiveFailures: 3, openedAt: now)
        let keys = [KeyStanding(state: .closed), KeyStanding(state: .closed, running: 3), KeyStanding(state: open)]
        #expect(Breaker.decide(keys: keys, usage: BudgetUsage(thisRun: 2, lastDay: 5), policy: policy)
                == .refused(.breakerOpen(failures: 3)))
        #expect(Breaker.decide(keys: Array(keys.prefix(2)), usage: free, policy: policy)
                == .refused(.attemptsInFlight(running: 3, failures: 0)))
    }

    @Test("a spent budget is a budget refusal, not a breaker's")
    func budget() {
        let keys = [KeyStanding(state: .closed), KeyStanding(state: BreakerState(consecutiveFailures: 2))]
        #expect(Breaker.decide(keys: keys, usage: BudgetUsage(thisRun: 2, lastDay: 0), policy: policy)
                == .refused(.runBudgetExhausted(limit: 2)))
        #expect(Breaker.decide(keys: keys, usage: BudgetUsage(thisRun: 0, lastDay: 5), policy: policy)
                == .refused(.dayBudgetExhausted(limit: 5)))
    }
}
