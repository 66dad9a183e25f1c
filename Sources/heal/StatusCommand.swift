import ArgumentParser
import Foundation
import HealKit

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show circuit breakers, open escalation tickets, recent runs and the median time to a staged fix.")

    @Flag(help: "Print JSON: {repository, store, breakers, openTickets, recentRuns, medianSecondsToStagedFix}.") var json = false
    @Option(help: "How many recent runs to list.") var runs: Int = 10
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        try await runReportingErrors {
            guard runs >= 0 else { throw ValidationError("--runs must be 0 or more, got \(runs)") }
            let opened = try await storeOptions.open()
            let report: StatusReport
            do {
                report = try await StatusReport.load(store: opened.store, repository: opened.repositoryID, recentRunLimit: runs)
                await opened.store.close()
            } catch {
                await opened.store.close()
                throw error
            }
            if json {
                try printJSON(report)
            } else {
                print(Self.render(report), terminator: "")
            }
            return .success
        }
    }

    static func render(_ report: StatusReport) -> String {
        var text = "repository \(report.repository)\nstore \(report.store)\n"
        let open = report.breakers.filter { $0.state == "open" }
        text += "\nbreakers: \(open.count) open, \(report.breakers.count - open.count) closed\n"
        for breaker in report.breakers {
            text += "  \(breaker.state == "open" ? "OPEN  " : "closed") \(breaker.test): "
                + "\(breaker.consecutiveFailures) consecutive failure(s), \(breaker.attempts) attempt(s)"
            if breaker.running > 0 { text += ", \(breaker.running) running" }
            if let opened = breaker.openedAt { text += ", open since \(opened.formatted(.iso8601))" }
            text += "\n"
        }
        text += "\nopen tickets: \(report.openTickets.count)\n"
        for ticket in report.openTickets {
            text += "  \(ticket.test): \(ticket.reason)\n    \(ticket.path)\n"
            if let url = ticket.url { text += "    \(url)\n" }
        }
        text += "\nrecent runs: \(report.recentRuns.count)\n"
        for run in report.recentRuns {
            text += "  #\(run.id) \(run.before.prefix(7))..\(run.after.prefix(7)) detected \(run.detectedAt.formatted(.iso8601))"
            if run.finishedAt == nil {
                text += " (unfinished)\n"
            } else {
                text += ": \(run.regressions) regression(s), \(run.introduced) introduced, \(run.dispatched) dispatched, "
                    + "\(run.staged) staged, \(run.escalated) escalated\n"
            }
        }
        text += "\nmedian time from detection to staged fix: "
        text += report.medianSecondsToStagedFix.map(Self.duration) ?? "no staged fix yet"
        return text + "\n"
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(total % 60)s" }
        return "\(total / 3600)h \(total % 3600 / 60)m"
    }
}
