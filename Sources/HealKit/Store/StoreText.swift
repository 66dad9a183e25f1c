/// Sentences both stores write into records, so they read the same whichever store wrote them.
enum StoreText {
    static func abandonedReason(_ policy: BreakerPolicy) -> String {
        "the runner that claimed this attempt did not report back within \(Int(policy.attemptLease)) s (it crashed or was killed)"
    }
}
