import ArgumentParser
import Foundation
import HealKit

struct BreakerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaker",
        abstract: "List or reset the circuit breakers that stop repeated failing fix attempts.",
        subcommands: [List.self, Reset.self, Claim.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List this repository's breakers.")

        @Flag(help: "Print JSON: [{test, state, consecutiveFailures, attempts, running, openedAt, lastAttemptAt}].") var json = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await runReportingErrors {
                let opened = try await storeOptions.open()
                let report = try await StatusReport.load(store: opened.store, repository: opened.repositoryID, recentRunLimit: 0)
                await opened.store.close()
                if json {
                    try printJSON(report.breakers)
                } else if report.breakers.isEmpty {
                    print("no breakers for \(opened.repositoryID)")
                } else {
                    for breaker in report.breakers {
                        print("\(breaker.state == "open" ? "OPEN  " : "closed") \(breaker.test)  "
                              + "failures \(breaker.consecutiveFailures), attempts \(breaker.attempts), running \(breaker.running)")
                    }
                }
                return .success
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Close a breaker (and its ticket) so heal may try the test again.",
            discussion: "The key is the test id as `heal breaker list` prints it; the repository is the current one.")

        @Argument(help: "The test id of the breaker to close.") var key: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await runReportingErrors {
                let opened = try await storeOptions.open()
                let known: Bool
                do {
                    known = try await opened.store.closeBreaker(opened.key(test: key), at: Date())
                    await opened.store.close()
                } catch {
                    await opened.store.close()
                    throw error
                }
                guard known else { throw UnknownBreaker(test: key, repository: opened.repositoryID) }
                print("closed the breaker for \(key)")
                return .success
            }
        }
    }

    /// Claims one attempt and prints the decision; the race and crash tests drive it from
    /// several processes at once.
    struct Claim: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Claim one fix attempt for a key (for tests).", shouldDisplay: false)

        @Option(help: "The test id.") var key: String
        @Option(help: "The repository id (default: the current repository's).") var repositoryId: String?
        @Option(help: "Consecutive failures that open the breaker.") var maxAttempts: Int = 3
        @Option(help: "Wait until this Unix time before claiming, so several processes claim together.") var startAt: Double?
        @Flag(help: "Print `holding` and wait forever inside the claim's transaction, before it commits.") var holdTransaction = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await runReportingErrors {
                let opened = try await storeOptions.open()
                if let startAt {
                    let delay = startAt - Date().timeIntervalSince1970
                    if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
                }
                let key = BreakerKey(repository: repositoryId ?? opened.repositoryID, test: key)
                let policy = BreakerPolicy(maxAttempts: maxAttempts, dispatchesPerRun: .max, dispatchesPerDay: .max)
                let hold = holdTransaction
                let result = try await opened.store.claimAttempt(AttemptClaim(key: key), policy: policy) {
                    guard hold else { return }
                    FileHandle.standardOutput.write(Data("holding\n".utf8))
                    while true { sleep(3600) }
                }
                await opened.store.close()
                var refusal: String?
                if case .refused(let reason) = result.decision { refusal = reason.code }
                try printJSON(ClaimJSON(dispatched: result.decision.isDispatch, attempt: result.attempt?.number,
                                              refusal: refusal))
                return .success
            }
        }

        struct ClaimJSON: Encodable {
            var dispatched: Bool
            var attempt: Int?
            var refusal: String?
        }
    }
}

/// `--repo`, `--config` and `--store`, shared by the commands that read heal's state.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).")
    var repo: String = "."
    @Option(help: "The configuration file (default: .heal.yml at the repository root).")
    var config: String?
    @Option(help: "The store, overriding the configuration's `store:`: sqlite, sqlite:PATH, or a postgres:// URL.")
    var store: String?

    func open() async throws -> RepositoryStore {
        try await RepositoryStore.open(path: repo, setting: store, configPath: config)
    }
}

/// `heal breaker reset` named a test the store knows nothing about.
struct UnknownBreaker: UserInputError {
    var test: String
    var repository: String
    var description: String {
        "no breaker or ticket for test '\(test)' in \(repository); `heal breaker list` shows the keys"
    }
}
