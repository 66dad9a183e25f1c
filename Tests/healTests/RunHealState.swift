import Foundation
import HealKit
import Testing

/// What heal left under a repository's `<git-common-dir>/heal/`, and a wait for the detached
/// `heal run` a hook started.
struct RunHealState {
    /// The working tree; its git dir is `.git` (a plain clone).
    let repositoryPath: String
    var healDirectory: String { repositoryPath + "/.git/heal" }

    /// The staged PR bodies, by file name.
    func prBodies() -> [String] { files(in: "pr") }
    /// The escalation tickets, by file name.
    func tickets() -> [String] { files(in: "tickets") }

    func hooksLog() -> String {
        (try? String(contentsOfFile: healDirectory + "/logs/hooks.log", encoding: .utf8)) ?? "(no hooks.log)"
    }

    /// Waits for the detached `heal run` a hook started to stage a PR body and finish. Polls a
    /// condition with a generous bound; the bound only decides how long a broken run takes to
    /// fail the test, never whether a working one passes.
    func waitForHookRun(bound: Duration = .seconds(600)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + bound
        while prBodies().isEmpty {
            guard clock.now < deadline else {
                Issue.record("no PR body was staged; hooks.log:\n\(hooksLog())")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        // The PR body exists, so the run holds the lock (or already let it go): once the lock
        // is free, the run has finished.
        while true {
            do {
                try RunLock(healDirectory: healDirectory, wait: false).release()
                return
            } catch is RunLockBusy {
                guard clock.now < deadline else {
                    Issue.record("the hook's heal run never finished; hooks.log:\n\(hooksLog())")
                    return
                }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: healDirectory + "/" + folder)) ?? []).sorted()
    }
}
