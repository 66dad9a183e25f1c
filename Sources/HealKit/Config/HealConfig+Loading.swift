import Foundation
import Yams

extension HealConfig {
    /// Reads `.heal.yml` at the root of a working tree; the defaults when there is none.
    public static func load(repositoryRoot: String) throws -> HealConfig {
        let path = (repositoryRoot as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return HealConfig() }
        return try load(from: path)
    }

    /// Reads `--config PATH` when given (it must exist), else `.heal.yml` at the root.
    public static func load(configPath: String?, repositoryRoot: String) throws -> HealConfig {
        if let configPath { return try load(from: configPath) }
        return try load(repositoryRoot: repositoryRoot)
    }

    /// Reads a configuration file; throws `ConfigError` naming the line and column of anything
    /// heal cannot use, and never returns a half-read configuration.
    public static func load(from path: String) throws -> HealConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "cannot read the configuration file: it does not exist or is not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "the configuration file is not UTF-8 text")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> HealConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        guard let root else { return HealConfig() }
        let document = ConfigNode(node: root, key: "", file: file)
        if document.isNull { return HealConfig() }
        return try HealConfigReader.read(document)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigError(file: file, line: mark.line, column: mark.column,
                               message: "YAML syntax error: \(detail); check indentation, colons and quotes here")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                               message: "duplicate key \(duplicates.joined(separator: ", ")); keep one of them")
        case .reader(let problem, let offset, _, _):
            return ConfigError(file: file, message: "cannot read YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return ConfigError(file: file, message: "cannot read YAML: \(error)")
        }
    }
}
