import GitKit

/// The scope rules for one regression's fix, from the configuration and triage's verdict.
public enum FixScope {
    /// Coverage area = the files the failing test covers ∪ the causal diff's files (both sides
    /// of a rename); the failing test's own file is protected whatever `scope.tests` says.
    public static func rules(config: HealConfig, verdict: TestVerdict, testFile: String?) -> ScopeRules {
        var area = Set(verdict.coveredFiles)
        for file in verdict.causalDiff {
            area.insert(file.path.string)
            if file.status == .renamed { area.insert(file.oldPath.string) }
        }
        if let testFile { area.remove(testFile) }
        return ScopeRules(coverageArea: area, allow: config.scope.allowGlobs, tests: config.scope.testGlobs,
                          protectedFiles: testFile.map { [$0] } ?? [],
                          maxChangedLines: config.scope.maxLines, maxChangedFiles: config.scope.maxFiles)
    }

    /// The rules spelled out for the agent's prompt.
    public static func promptScope(_ rules: ScopeRules, config: HealConfig) -> AgentPromptInput.Scope {
        AgentPromptInput.Scope(editableFiles: rules.coverageArea.sorted(), allowGlobs: config.scope.allow,
                               testGlobs: config.scope.tests, offLimits: rules.offLimits.map(\.description),
                               maxChangedLines: rules.maxChangedLines, maxChangedFiles: rules.maxChangedFiles)
    }
}
