/// What `heal run` was asked to do: the CLI flags, with nil meaning "the default".
public struct HealRunOptions: Sendable {
    /// Any path inside the repository (its working tree).
    public var repositoryPath: String
    /// The baseline revision; nil for ORIG_HEAD after a merge, else the previous deploy tag.
    public var before: String?
    /// The deploy revision; nil for HEAD.
    public var after: String?
    /// `--config`; nil for `.heal.yml` at the repository root.
    public var configPath: String?
    /// `--publish`, overriding the configuration's `publish:`.
    public var publish: HealConfig.Publish?
    /// `--store` (`sqlite`, `sqlite:PATH`, `postgres://…`), overriding the configuration's `store:`.
    public var store: String?
    /// Compute verdicts but dispatch no agent and write no ticket.
    public var dryRun: Bool
    /// Queue behind a running `heal run` on the same repository instead of failing.
    public var wait: Bool
    /// What started the run (`HEAL_TRIGGER`: `post-merge`, `tag:<name>`), or nil by hand.
    public var trigger: String?
    /// `--errors-baseline`, `--errors-current` and the other error-log flags, over `errors:`.
    public var errors: ErrorLogOverrides

    public init(repositoryPath: String = ".", before: String? = nil, after: String? = nil, configPath: String? = nil,
                publish: HealConfig.Publish? = nil, store: String? = nil, dryRun: Bool = false, wait: Bool = false,
                trigger: String? = nil, errors: ErrorLogOverrides = ErrorLogOverrides()) {
        self.repositoryPath = repositoryPath
        self.before = before
        self.after = after
        self.configPath = configPath
        self.publish = publish
        self.store = store
        self.dryRun = dryRun
        self.wait = wait
        self.trigger = trigger
        self.errors = errors
    }
}
