/// "The eval itself changed": a regression whose causal hunks all lie in files a fix may not
/// touch — eval cases, graders, tests (`scope.tests`), or the failing test's own file — comes
/// from the deploy changing the grader, not the product. Reverting the grader would only hide
/// the deploy's intent, so such a regression is escalated, never dispatched.
///
/// Pure, for every kind of regression: the pipeline asks it before dispatching a cause.
public enum GraderChange {
    /// The escalation reason when every causal file is off-limits to a fix; nil when some
    /// causal file is product code (or there is no causal file to judge).
    ///
    /// - Parameters:
    ///   - causalFiles: repository-relative paths of the minimal causal hunks (old paths of
    ///     renames included).
    ///   - tests: `scope.tests`.
    ///   - ownFiles: the failing tests' own files, protected whatever `tests` says.
    ///   - isEval: whether the regression is an eval score (the wording differs).
    public static func escalationReason(causalFiles: [String], tests: [Glob], ownFiles: Set<String> = [],
                                        isEval: Bool) -> String? {
        let files = Set(causalFiles)
        guard !files.isEmpty,
              files.allSatisfy({ path in ownFiles.contains(path) || tests.contains { $0.matches(path) } }) else {
            return nil
        }
        let list = files.sorted().joined(separator: ", ")
        return isEval
            ? "the eval changed between deploys: the causal hunks lie only in \(list), which a fix may not touch (scope.tests); the scores dropped because the eval changed, not the product"
            : "the test's own expectation changed in the deploy: the causal hunks lie only in \(list), which a fix may not touch (scope.tests); decide whether the new expectation or the code is right"
    }
}
