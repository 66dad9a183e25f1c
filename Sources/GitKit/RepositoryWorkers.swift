import Foundation

/// A few threads that each open their own `Repository` and run work on it.
///
/// libgit2 objects must not be shared between threads, but separate repository handles on the
/// same git directory may be used concurrently; that is how a diff uses every core. The calling
/// thread works too, with its own handle, while it waits. Work is queued in two lanes: urgent
/// work (something the caller is blocked on) is always taken before normal work.
final class RepositoryWorkers: @unchecked Sendable {
    typealias Work = @Sendable (Repository) throws(GitError) -> Void

    private let condition = NSCondition()
    private var urgent: [Work] = []
    private var urgentNext = 0
    private var normal: [Work] = []
    private var normalNext = 0
    private var unfinished = 0
    private var unfinishedUrgent = 0
    private var stopped = false
    private var firstError: GitError?

    /// Starts `threads` worker threads on the repository at `gitDirectory`.
    init(gitDirectory: String, threads: Int) {
        for _ in 0..<threads {
            let thread = Thread { [self] in runWorker(gitDirectory: gitDirectory) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The number of extra threads worth starting on this machine.
    static var helperCount: Int { min(3, max(0, ProcessInfo.processInfo.activeProcessorCount - 1)) }

    func submit(_ work: [Work], urgent isUrgent: Bool) {
        guard !work.isEmpty else { return }
        condition.lock()
        if isUrgent {
            urgent.append(contentsOf: work)
            unfinishedUrgent += work.count
        } else {
            normal.append(contentsOf: work)
        }
        unfinished += work.count
        condition.broadcast()
        condition.unlock()
    }

    /// Runs urgent work on the calling thread as well until all of it has finished.
    func waitForUrgent(helpingWith repository: Repository) throws(GitError) {
        try help(repository, urgentOnly: true)
    }

    /// Runs any work on the calling thread as well until all of it has finished, then lets the
    /// worker threads end.
    func finish(helpingWith repository: Repository) throws(GitError) {
        defer { stop() }
        try help(repository, urgentOnly: false)
    }

    /// Lets the worker threads end once the queued work is done; they would wait for more
    /// otherwise.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func help(_ repository: Repository, urgentOnly: Bool) throws(GitError) {
        while true {
            condition.lock()
            var next = take(urgentOnly: urgentOnly)
            while next == nil && (urgentOnly ? unfinishedUrgent : unfinished) > 0 {
                condition.wait()
                next = take(urgentOnly: urgentOnly)
            }
            let error = firstError
            condition.unlock()
            guard let next else {
                if let error { throw error }
                return
            }
            run(next, on: repository)
        }
    }

    /// Takes the next piece of work; the caller holds the lock.
    private func take(urgentOnly: Bool) -> (work: Work, urgent: Bool)? {
        if urgentNext < urgent.count {
            defer { urgentNext += 1 }
            return (urgent[urgentNext], true)
        }
        if !urgentOnly, normalNext < normal.count {
            defer { normalNext += 1 }
            return (normal[normalNext], false)
        }
        return nil
    }

    private func run(_ next: (work: Work, urgent: Bool), on repository: Repository) {
        var failure: GitError?
        do { try next.work(repository) } catch { failure = error }
        condition.lock()
        if let failure, firstError == nil { firstError = failure }
        unfinished -= 1
        if next.urgent { unfinishedUrgent -= 1 }
        condition.broadcast()
        condition.unlock()
    }

    private func runWorker(gitDirectory: String) {
        let repository: Repository
        do {
            repository = try Repository(discovering: gitDirectory)
        } catch {
            // The calling thread still does all the work; nothing is lost but speed.
            return
        }
        while true {
            condition.lock()
            var next = take(urgentOnly: false)
            while next == nil && !stopped {
                condition.wait()
                next = take(urgentOnly: false)
            }
            condition.unlock()
            guard let next else { return }
            run(next, on: repository)
        }
    }
}
