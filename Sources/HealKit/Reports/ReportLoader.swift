import Foundation

/// Reads test results and eval scores from files or directories into one merged report.
public struct ReportLoader: Sendable {
    /// The repository the reports come from: makes files repository-relative and lets pytest's
    /// xunit2 JUnit ids be rebuilt as nodeids (see `TestCase.id`).
    public var repositoryRoot: String?
    private let modules: PythonModuleIndex?

    /// File name endings read from a directory; other files there are not reports.
    static let reportExtensions: Set<String> = ["xml", "json", "jsonl", "ndjson", "tap", "log"]

    public init(repositoryRoot: String? = nil) {
        self.repositoryRoot = repositoryRoot.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        modules = self.repositoryRoot.map { PythonModuleIndex(root: $0) }
    }

    /// Reads every file in `paths` (directories are searched recursively for report files, in
    /// name order) and merges them. `format` applies to every file; `auto` decides per file from
    /// its content.
    ///
    /// Throws `ReportReadError` (a `UserInputError` naming file, line and column) for a file that
    /// cannot be read at all; entries a reader could skip are counted in `problems`.
    public func load(paths: [String], format: ReportFormat = .auto) throws -> TestReport {
        guard !paths.isEmpty else {
            throw ReportReadError(file: "(none)", problem: "no report path given", hint: "Pass at least one report file or directory.")
        }
        var builder = ReportBuilder()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReportReadError(file: path, problem: "no such file or directory", hint: "Check the path; the test run may not have written its report.")
            }
            if isDirectory.boolValue {
                let files = try reportFiles(in: path)
                for file in files { try read(file, format: format, into: &builder, inDirectory: true) }
            } else {
                try read(path, format: format, into: &builder, inDirectory: false)
            }
        }
        return TestReport(builder: builder)
    }

    private func read(_ path: String, format: ReportFormat, into builder: inout ReportBuilder, inDirectory: Bool) throws {
        let resolved: ReportFormat
        do {
            resolved = format == .auto ? try FormatSniffer.format(of: path) : format
        } catch let error as ReportReadError where inDirectory && error.problem.hasPrefix("unrecognised content") {
            // A directory of results often holds other files (Surefire's .txt summaries).
            builder.problem("not a test report, ignored", at: SourcePosition(file: path, line: 0))
            return
        }
        switch resolved {
        case .auto, .junit:
            try JUnitReader.read(path: path, into: &builder, nodeIDs: PytestNodeID(modules: modules), repositoryRoot: repositoryRoot)
        case .pytestJSON:
            try PytestJSONReader.read(path: path, into: &builder, repositoryRoot: repositoryRoot)
        case .tap:
            try TAPReader.read(path: path, into: &builder)
        case .goJSON:
            try GoTestJSONReader.read(path: path, into: &builder)
        case .unittest:
            try UnittestTextReader.read(path: path, into: &builder, modules: modules)
        case .libtest:
            try LibtestTextReader.read(path: path, into: &builder)
        case .scores:
            try ScoresReader.read(path: path, into: &builder)
        }
    }

    private func reportFiles(in directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else {
            throw ReportReadError(file: directory, problem: "cannot list the directory", hint: "Check its permissions.")
        }
        var files: [String] = []
        for case let url as URL in enumerator
        where Self.reportExtensions.contains(url.pathExtension.lowercased())
            && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url.path)
        }
        guard !files.isEmpty else {
            throw ReportReadError(file: directory, problem: "no report files (\(Self.reportExtensions.sorted().joined(separator: ", "))) in the directory",
                                  hint: "Point at the folder the test run writes its results to.")
        }
        return files.sorted()
    }
}
