import Foundation
import Synchronization

/// Ends a running process group from outside its run: SIGTERM to the whole group, a grace
/// period, then SIGKILL.
///
/// The runner signals the group itself instead of cancelling swift-subprocess's `run`, so the
/// run always ends the ordinary way — when the process has exited — whatever stopped it, and
/// the SIGTERM, grace, SIGKILL sequence is heal's own rather than a side effect of task
/// cancellation.
final class ProcessGroupTeardown: Sendable {
    private struct State {
        var groupID: pid_t?
        var requested = false
        var finished = false
    }

    private let state = Mutex(State())
    private let grace: Duration

    init(grace: Duration) { self.grace = grace }

    /// Marks the process as gone, so a late request signals nothing; returns whether teardown
    /// was requested while it ran.
    func finish() -> Bool {
        state.withLock { state in
            state.finished = true
            return state.requested
        }
    }

    /// Records the group of the process that just started (its pid: it leads its own session);
    /// tears it down at once if that was already asked for.
    func started(_ groupID: pid_t) {
        let alreadyRequested = state.withLock { state in
            state.groupID = groupID
            return state.requested
        }
        if alreadyRequested { Task { await self.signalGroup(groupID) } }
    }

    /// Asks for teardown: signals the group now when it is known, else as soon as it starts.
    func request() {
        let groupID = state.withLock { state -> pid_t? in
            guard !state.requested, !state.finished else { return nil }
            state.requested = true
            return state.groupID
        }
        if let groupID { Task { await self.signalGroup(groupID) } }
    }

    private func signalGroup(_ groupID: pid_t) async {
        kill(-groupID, SIGTERM)
        try? await Task.sleep(for: grace)
        kill(-groupID, SIGKILL)
    }
}
