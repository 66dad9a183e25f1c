import Foundation
import GitKit

/// A `heal triage --json` (or `heal run --json`) file read back for `heal fix --triage FILE`:
/// the verdict of one test's cause, its causal hunks rebuilt from the repository (the JSON keeps
/// only their ranges), the cause's tests, and the deploy the triage ran on.
public struct TriageFile: Sendable {
    /// The cause's verdict (its representative's, with the cause's union of hunks).
    public var verdict: TestVerdict
    /// The cause's id.
    public var cause: String
    /// The cause's tests, the representative first.
    public var tests: [String]
    /// The file's `after` (the deploy commit), when it has one.
    public var after: ObjectID?
    /// The file's `before` (the baseline), when it has one.
    public var before: ObjectID?

    private struct Document: Decodable {
        var before: String?
        var after: String?
        var causes: [CauseJSON]?
        var verdicts: [VerdictJSON]
    }

    /// Reads the verdict for `test` from `path` — a document with `verdicts`, an array of
    /// verdicts, or one verdict — and rebuilds its hunks: the diff causalBase → causalHead at
    /// zero context with lines, keeping the hunks whose ranges the file lists.
    public static func load(path: String, test: String, repository: Repository) throws -> TriageFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TriageFileError(path: path, problem: "cannot read the file", fix: "pass the output of `heal triage --json`")
        }
        let decoder = JSONDecoder()
        let document: Document
        if let full = try? decoder.decode(Document.self, from: data) {
            document = full
        } else if let list = try? decoder.decode([VerdictJSON].self, from: data) {
            document = Document(verdicts: list)
        } else {
            do {
                document = Document(verdicts: [try decoder.decode(VerdictJSON.self, from: data)])
            } catch {
                throw TriageFileError(path: path, problem: "not a triage result: \(error)",
                                      fix: "pass the output of `heal triage --json`")
            }
        }
        let cause = document.causes?.first { $0.tests.contains(test) }
        guard let json = cause?.representativeVerdict ?? document.verdicts.first(where: { $0.test == test }) else {
            let known = document.verdicts.map(\.test).prefix(10).joined(separator: ", ")
            throw TriageFileError(path: path, problem: "has no verdict for `\(test)` (it has: \(known.isEmpty ? "none" : known))",
                                  fix: "pass the test id exactly as triage printed it")
        }
        return TriageFile(verdict: try rebuild(json, path: path, repository: repository),
                          cause: json.cause ?? Cause.id(representative: json.test), tests: cause?.tests ?? [json.test],
                          after: document.after.flatMap(ObjectID.init(hex:)),
                          before: document.before.flatMap(ObjectID.init(hex:)))
    }

    static func rebuild(_ json: VerdictJSON, path: String, repository: Repository) throws -> TestVerdict {
        let base = json.causalDiff.base.flatMap(ObjectID.init(hex:))
        let head = json.causalDiff.head.flatMap(ObjectID.init(hex:))
        var files: [FileDiff] = []
        if let base, let head, !json.causalDiff.files.isEmpty {
            let diff = try repository.diff(from: base.hex, to: head.hex, options: DiffOptions(contextLines: 0, includeLines: true))
            for wanted in json.causalDiff.files {
                guard var file = diff.files.first(where: { $0.path.string == wanted.path }) else {
                    throw TriageFileError(path: path, problem: "`\(wanted.path)` is not changed between \(base.short()) and \(head.short())",
                                          fix: "run `heal triage` again on this repository")
                }
                let ranges = Set(wanted.hunks)
                file.hunks = file.hunks.filter { ranges.contains(HunkRange($0)) }
                guard file.hunks.count == wanted.hunks.count else {
                    throw TriageFileError(path: path, problem: "some hunks of `\(wanted.path)` are not in the diff \(base.short())..\(head.short())",
                                          fix: "run `heal triage` again on this repository")
                }
                files.append(file)
            }
        }
        let culprit = try json.culprit.map { try repository.commit($0) }
        return TestVerdict(test: json.test, verdict: json.verdict, reason: json.reason, culprit: culprit,
                           culpritCandidates: json.culpritCandidates.compactMap(ObjectID.init(hex:)),
                           causalBase: base, causalHead: head, causalDiff: files, confidence: json.confidence,
                           coveredFiles: json.coveredFiles, testRuns: json.testRuns, cause: json.cause)
    }
}

/// A triage file `heal fix` cannot use.
public struct TriageFileError: UserInputError, Equatable {
    public var path: String
    public var problem: String
    public var fix: String
    public var description: String { "\(path): \(problem); \(fix)" }
}
