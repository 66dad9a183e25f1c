/// Everything `.heal.yml` can say, each key defaulted (DESIGN.md, Configuration).
///
/// Read it with `HealConfig.load(repositoryRoot:)` or `HealConfig.load(from:)`; `heal init`
/// writes one with `HealConfig.render()`. YAML key names are in each property's comment.
public struct HealConfig: Sendable, Equatable {
    /// `suite:` how to run the tests.
    public var suite: Suite
    /// Whether heal runs `suite` at all: false only when `evals:` is given and `suite:` is not.
    public var runsSuite: Bool
    /// `evals:` an optional noisy eval suite, run beside `suite`.
    public var evals: Evals?
    /// `coverage:` optional per-test coverage that makes triage sharp.
    public var coverage: Coverage
    /// `triage:` reruns and search budgets.
    public var triage: Triage
    /// `detection:` what counts as a regression.
    public var detection: Detection
    /// `fix:` the agent, its limits and verification.
    public var fix: Fix
    /// `scope:` what a fix may touch.
    public var scope: Scope
    /// `agents:` where the external agents live and extra arguments for them.
    public var agents: Agents
    /// `errors:` production error logs as a grader; nil when the project has none.
    public var errors: Errors?
    /// `deploy-tags:` the glob that deploy tags match (`deploy-*`).
    public var deployTags: String
    /// `store:` where breaker state and history live.
    public var store: Store
    /// `publish:` how a staged fix reaches reviewers.
    public var publish: Publish
    /// `base-branch:` the branch fixes target; nil means the remote's default branch, else the
    /// branch checked out.
    public var baseBranch: String?
    /// `sandbox:` the OS sandbox around agents and project commands.
    public var sandbox = Sandbox()

    /// A configuration with every key at its default, unless given.
    public init(suite: Suite = Suite(), runsSuite: Bool = true, evals: Evals? = nil, coverage: Coverage = Coverage(), triage: Triage = Triage(),
                detection: Detection = Detection(), fix: Fix = Fix(), scope: Scope = Scope(),
                agents: Agents = Agents(), errors: Errors? = nil, deployTags: String = "deploy-*", store: Store = .sqlite,
                publish: Publish = .local, baseBranch: String? = nil) {
        self.suite = suite
        self.runsSuite = runsSuite
        self.evals = evals
        self.coverage = coverage
        self.triage = triage
        self.detection = detection
        self.fix = fix
        self.scope = scope
        self.agents = agents
        self.errors = errors
        self.deployTags = deployTags
        self.store = store
        self.publish = publish
        self.baseBranch = baseBranch
    }

    /// The file heal reads at the repository root.
    public static let fileName = ".heal.yml"

    /// Where shared state lives.
    public enum Store: Sendable, Equatable {
        /// `sqlite`: `<git-common-dir>/heal/heal.sqlite`, per clone.
        case sqlite
        /// `postgres://…` (or `postgresql://…`): one database shared by every runner.
        case postgres(url: String)

        /// The value as written in `.heal.yml`.
        public var yamlValue: String {
            switch self {
            case .sqlite: "sqlite"
            case .postgres(let url): url
            }
        }
    }

    /// How a staged fix is handed to reviewers.
    public enum Publish: String, Sendable, Equatable, CaseIterable {
        /// Stage the PR body under `<git-common-dir>/heal/pr/` only.
        case local
        /// Open a draft pull request with the GitHub CLI.
        case gh
        /// Open a draft merge request with the GitLab CLI.
        case glab
    }
}
