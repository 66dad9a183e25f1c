import Foundation
import GitKit
import Testing
import TestSupport

/// GitKit's diff against `git diff` itself on real version ranges served by the machine's
/// package mirror: every hunk range and every rename pair must be git's.
@Suite(.serialized)
struct RealRangeTests {
    struct VersionRange: CustomTestStringConvertible, Sendable {
        var url: String
        var before: String
        var after: String
        var testDescription: String { "\(url.split(separator: "/").last!) \(before)..\(after)" }
    }

    static let versionRanges = [
        VersionRange(url: "https://github.com/swiftlang/swift-syntax", before: "600.0.1", after: "603.0.1"),
        // Six files here differ from libgit2's own -U0 hunks unless git's trim_common_tail is applied.
        VersionRange(url: "https://github.com/apple/swift-crypto", before: "3.12.3", after: "4.5.2"),
    ]

    private func clone(_ range: VersionRange) throws -> TempRepo {
        let path = try TempDir.make(prefix: "real-range") + "/repo.git"
        try Shell.check(["git", "clone", "--quiet", "--bare", range.url, path])
        return TempRepo(existing: path)
    }

    private func hunkRanges(_ diff: TreeDiff) -> [String: [GitDiffOracle.Range]] {
        var result: [String: [GitDiffOracle.Range]] = [:]
        for file in diff.files where !file.hunks.isEmpty {
            result[file.path.string] = file.hunks.map { GitDiffOracle.Range($0.oldStart, $0.oldLines, $0.newStart, $0.newLines) }
        }
        return result
    }

    private func renamePairs(_ diff: TreeDiff) -> Set<[String]> {
        Set(diff.files.filter { $0.status == .renamed }.map { [$0.oldPath.string, $0.newPath.string] })
    }

    /// Rename pairs from `git diff -M --name-status -z`.
    private func gitRenamePairs(_ repo: TempRepo, _ range: VersionRange) throws -> Set<[String]> {
        let fields = try repo.git("diff", "-M", "--name-status", "-z", range.before, range.after)
            .split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        var pairs = Set<[String]>()
        var index = 0
        while index + 1 < fields.count {
            if fields[index].hasPrefix("R") {
                pairs.insert([fields[index + 1], fields[index + 2]])
                index += 3
            } else {
                index += 2
            }
        }
        return pairs
    }

    @Test("hunks equal git diff -U0 --no-renames", arguments: versionRanges)
    func hunksWithoutRenames(_ range: VersionRange) throws {
        let repo = try clone(range)
        let diff = try Repository(discovering: repo.path)
            .diff(from: range.before, to: range.after, options: DiffOptions(contextLines: 0, detectRenames: false))
        let expected = try GitDiffOracle.hunks(in: repo.path, ["-U0", "--no-renames", range.before, range.after])
        let actual = hunkRanges(diff)
        #expect(actual.values.reduce(0) { $0 + $1.count } == expected.values.reduce(0) { $0 + $1.count })
        for path in Set(actual.keys).union(expected.keys) where actual[path] != expected[path] {
            Issue.record("\(path): heal \(actual[path] ?? []) git \(expected[path] ?? [])")
        }
    }

    @Test("renames and their hunks equal git diff -U0 -M", arguments: versionRanges)
    func renamesAndHunks(_ range: VersionRange) throws {
        let repo = try clone(range)
        let diff = try Repository(discovering: repo.path)
            .diff(from: range.before, to: range.after, options: DiffOptions(contextLines: 0))
        #expect(renamePairs(diff) == (try gitRenamePairs(repo, range)))
        #expect(hunkRanges(diff) == (try GitDiffOracle.hunks(in: repo.path, ["-U0", "-M", range.before, range.after])))
    }
}
