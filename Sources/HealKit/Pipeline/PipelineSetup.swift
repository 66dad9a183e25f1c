import GitKit

/// What a pipeline needs from the repository before it starts, read without holding a
/// `Repository` across suspension points: where it is, its stable id, the configuration and
/// the deploy range.
public struct PipelineSetup: Sendable {
    public var root: String
    public var commonDirectory: String
    public var repositoryID: String
    public var config: HealConfig
    public var range: DeployRange
    public var healDirectory: HealDirectory

    /// `heal run`'s setup: the range resolved as `DeployRange.resolve` documents it.
    public init(options: HealRunOptions) throws {
        let repository = try Repository(discovering: options.repositoryPath)
        try self.init(repository: repository, path: options.repositoryPath, configPath: options.configPath) { config in
            try DeployRange.resolve(repository: repository, before: options.before, after: options.after,
                                    deployTags: config.deployTags, trigger: options.trigger)
        }
        if let publish = options.publish { config.publish = publish }
        config.errors = options.errors.apply(to: config.errors)
    }

    /// `heal triage`'s and `heal fix`'s setup: the range as given.
    public init(repositoryPath: String, before: String, after: String, configPath: String?) throws {
        let repository = try Repository(discovering: repositoryPath)
        try self.init(repository: repository, path: repositoryPath, configPath: configPath) { _ in
            DeployRange(before: try repository.commit(before), after: try repository.commit(after), beforeSource: "--before")
        }
    }

    private init(repository: Repository, path: String, configPath: String?,
                 range: (HealConfig) throws -> DeployRange) throws {
        guard let root = repository.workingDirectory else { throw BareRepositoryRun(path: path) }
        self.root = root
        commonDirectory = repository.commonDirectory
        repositoryID = try RepositoryID.of(repository)
        config = try HealConfig.load(configPath: configPath, repositoryRoot: root)
        self.range = try range(config)
        healDirectory = try HealDirectory(repositoryPath: root)
    }
}

/// heal needs a working tree: the suite runs on its commits' trees, and fixes are branches of it.
public struct BareRepositoryRun: UserInputError, Equatable {
    public var path: String
    public var description: String {
        "\(path) is a bare repository; run heal inside a clone with a working tree (CI: actions/checkout with fetch-depth: 0)"
    }
}
