import GitKit

/// The live `ErrorLogGrading`: the configured files (or `errors.command`'s exports) read and
/// judged on the deploy's files.
public struct ErrorLogFiles: ErrorLogGrading {
    public init() {}

    public func grade(_ settings: HealConfig.Errors, deploy: ObjectID, repositoryPath: String) async throws -> ErrorLogGrader.Grade {
        let loader = try ErrorLogLoader(repositoryPath: repositoryPath, revision: deploy.hex, pathPrefixes: settings.pathPrefixes)
        return try await ErrorLogGrader(settings: settings, loader: loader, directory: repositoryPath).grade()
    }
}
