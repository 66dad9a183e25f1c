/// What a fix agent may change: the rules `ScopeGuard` checks a `ProposedChange` against.
public struct ScopeRules: Sendable, Equatable {
    /// The failing test's coverage area: the files it covers ∪ the causal diff's files
    /// (repository-relative). Every changed file must be here or match `allow`.
    public var coverageArea: Set<String>
    /// Further paths the agent may change (`scope.allow`).
    public var allow: [Glob]
    /// Tests, which the agent may not touch, delete or rename (`scope.tests`).
    public var tests: [Glob]
    /// Files that are tests whatever `tests` says — the failing test's own file — so the agent
    /// cannot make the test pass by editing it even when it lies in the coverage area.
    public var protectedFiles: Set<String>
    /// CI configuration, hooks and heal's own configuration. When `core.hooksPath` points inside
    /// the repository, add that directory (`Glob("<hooksPath>/")`) to the defaults.
    public var offLimits: [Glob]
    public var maxChangedLines: Int
    public var maxChangedFiles: Int
    /// Whether the fix may add new test modules (never touch existing tests): a production
    /// error has no failing test, so its fix brings the regression test that reproduces it.
    public var addsTests: Bool = false

    /// `scope.tests` when the configuration says nothing.
    public static let defaultTests = [Glob("tests/**")]
    public static let defaultMaxChangedLines = 200
    public static let defaultMaxChangedFiles = 10

    /// Paths no fix may touch: CI configuration of the common CI systems, git hook directories
    /// and hook managers' configuration, and heal's own configuration and templates.
    public static let defaultOffLimits: [Glob] = [
        // CI
        ".github/**", ".gitlab-ci.yml", ".gitlab/**", ".circleci/**", "**/Jenkinsfile",
        "azure-pipelines.yml", "azure-pipelines.yaml", ".azure-pipelines/**", ".buildkite/**", ".ci/**",
        ".travis.yml", "appveyor.yml", ".appveyor.yml", "bitbucket-pipelines.yml", ".drone.yml",
        ".woodpecker.yml", ".woodpecker/**", ".cirrus.yml", ".semaphore/**", ".tekton/**",
        "cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml", "codemagic.yaml", ".teamcity/**",
        // hooks
        ".githooks/**", ".husky/**", ".git/**", ".pre-commit-config.yaml",
        ".pre-commit-hooks.yaml", "lefthook.yml", ".lefthook.yml", "lefthook-local.yml", ".lefthook/**",
        ".gitmodules",
        // heal
        ".heal.yml", ".heal.yaml", ".heal/**",
    ].map(Glob.init)

    public init(coverageArea: Set<String>, allow: [Glob] = [], tests: [Glob] = ScopeRules.defaultTests,
                protectedFiles: Set<String> = [], offLimits: [Glob] = ScopeRules.defaultOffLimits,
                maxChangedLines: Int = ScopeRules.defaultMaxChangedLines,
                maxChangedFiles: Int = ScopeRules.defaultMaxChangedFiles) {
        self.coverageArea = coverageArea
        self.allow = allow
        self.tests = tests
        self.protectedFiles = protectedFiles
        self.offLimits = offLimits
        self.maxChangedLines = maxChangedLines
        self.maxChangedFiles = maxChangedFiles
    }
}
