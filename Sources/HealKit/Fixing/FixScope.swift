import GitKit

/// The scope rules for one cause's fix, from the configuration and triage's verdict.
public enum FixScope {
    /// Coverage area = the files the failing tests cover ∪ the causal diff's files (both sides
    /// of a rename); the failing tests' own files are protected whatever `scope.tests` says.
    public static func rules(config: HealConfig, verdict: TestVerdict, testFiles: [String]) -> ScopeRules {
        var area = Set(verdict.coveredFiles)
        for file in verdict.causalDiff {
            area.insert(file.path.string)
            if file.status == .renamed { area.insert(file.oldPath.string) }
        }
        area.subtract(testFiles)
        return ScopeRules(coverageArea: area, allow: config.scope.allowGlobs, tests: config.scope.testGlobs,
                          protectedFiles: Set(testFiles),
                          maxChangedLines: config.scope.maxLines, maxChangedFiles: config.scope.maxFiles)
    }

    /// The rules spelled out for the agent's prompt.
    public static func promptScope(_ rules: ScopeRules, config: HealConfig) -> AgentPromptInput.Scope {
        AgentPromptInput.Scope(editableFiles: rules.coverageArea.sorted(), allowGlobs: config.scope.allow,
                               testGlobs: config.scope.tests, offLimits: rules.offLimits.map(\.description),
                               maxChangedLines: rules.maxChangedLines, maxChangedFiles: rules.maxChangedFiles)
    }
}
