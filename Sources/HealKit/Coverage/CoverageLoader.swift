import Foundation

/// Reads a coverage report of any supported format into a `CoverageMap` with paths relative to
/// the repository root.
public struct CoverageLoader: Sendable {
    public let repositoryRoot: String
    private let paths: PathNormalizer

    /// - Parameter repositoryRoot: the checkout the coverage was measured in (a worktree, when
    ///   heal ran the tests in one); paths are matched against its files.
    public init(repositoryRoot: String) {
        self.repositoryRoot = repositoryRoot
        paths = PathNormalizer(repositoryRoot: repositoryRoot)
    }

    /// Loads the report at `path`. Throws `CoverageFileError` (a `UserInputError`) when the file
    /// can't be read, its format isn't recognised, or it is malformed.
    public func load(path: String, format: CoverageFormat = .auto) throws -> CoverageMap {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CoverageFileError(file: path, problem: exists ? "cannot read the coverage report" : "no such coverage report",
                                    fix: exists ? "Check the file's permissions" : "Check the path, or that the coverage command wrote it")
        }
        return try read(data, format: format, path: path)
    }

    private func read(_ data: Data, format: CoverageFormat, path: String) throws -> CoverageMap {
        switch format {
        case .lcov: return try LCOVReader.read(data, file: path, paths: paths)
        case .cobertura: return try CoberturaReader.read(path: path, file: path, paths: paths)
        case .llvmJSON: return try LLVMCoverageReader.read(data, file: path, paths: paths)
        case .coveragepyJSON: return try CoveragePyReader.read(data, file: path, paths: paths)
        case .go: return try GoCoverProfileReader.read(data, file: path, paths: paths, modulePath: goModulePath())
        case .auto:
            guard let detected = CoverageFormatDetector.detect(data) else {
                let blank = data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                let problem = blank
                    ? "the coverage report is empty"
                    : "not a coverage format heal recognises: expected LCOV (`TN:`/`SF:` lines), Cobertura XML, "
                      + "llvm-cov export JSON, coverage.py JSON or a Go coverprofile (`mode:` line)"
                throw CoverageFileError(file: path, line: 1, column: 1, problem: problem,
                                        fix: "Check the coverage command, or name the format with --format (\(Self.formatNames))")
            }
            return try read(data, format: detected, path: path)
        }
    }

    private static var formatNames: String {
        CoverageFormat.allCases.filter { $0 != .auto }.map(\.rawValue).joined(separator: ", ")
    }

    /// The `module` path from the repository's `go.mod`, which prefixes coverprofile paths.
    private func goModulePath() -> String? {
        guard let text = try? String(contentsOfFile: repositoryRoot + "/go.mod", encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.count >= 2 && words[0] == "module" {
                return words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
