import Foundation
import Synchronization

/// Ends a running process group from outside its run: SIGTERM to the whole group, a grace
/// period, then SIGKILL.
///
/// A sandbox's PID namespace (bubblewrap) lives in a child of the group's leader that is not
/// in the group; it dies with the leader, a moment after. So the leader's children are noted
/// before the first signal, and `waitForChildren` returns only once they are gone.
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
        var children: [pid_t] = []
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
        let children = Self.children(of: groupID)
        state.withLock { $0.children = children }
        kill(-groupID, SIGTERM)
        try? await Task.sleep(for: grace)
        kill(-groupID, SIGKILL)
    }

    /// Waits (up to `limit`) until the children the leader had when teardown began have
    /// exited: a zombie or a vanished process counts as gone.
    func waitForChildren(limit: Duration = .seconds(10)) async {
        let children = state.withLock { $0.children }
        let deadline = ContinuousClock.now + limit
        while children.contains(where: Self.isAlive), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The direct children of `pid` (Linux's /proc; none elsewhere).
    static func children(of pid: pid_t) -> [pid_t] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return [] }
        return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")"), stat.index(close, offsetBy: 2) < stat.endIndex else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
