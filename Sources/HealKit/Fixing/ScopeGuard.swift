import Foundation

/// Judges a fix agent's change against the scope rules before anything is kept.
///
/// Pure: it looks only at the `ProposedChange` (which already records what the disk showed) and
/// the `ScopeRules`. An empty result means the change is in scope.
public enum ScopeGuard {
    /// Every violation of `rules` in `change`, file by file in the change's order, then the size
    /// limits. A file breaking several rules is reported under each.
    public static func check(_ change: ProposedChange, rules: ScopeRules,
                             skipMarkers: [SkipMarker] = SkipMarkers.all) -> [ScopeViolation] {
        let matcher = SkipMarkers.Matcher(skipMarkers)
        var violations: [ScopeViolation] = []
        for file in change.files {
            violations += pathViolations(file)
            violations += specialFileViolations(file)
            violations += placementViolations(file, rules: rules)
            violations += skipMarkerViolations(file, matcher: matcher)
        }
        violations += sizeViolations(change, rules: rules)
        return violations
    }

    /// Paths that leave the repository or reach into git's own files.
    static func pathViolations(_ file: ProposedChange.File) -> [ScopeViolation] {
        file.paths.compactMap { path in
            RepositoryPath.escapeProblem(path).map { ScopeViolation(rule: .pathEscape, path: path, message: $0) }
        }
    }

    /// Symbolic links, submodules and binary files, which a reviewer cannot read as a diff.
    static func specialFileViolations(_ file: ProposedChange.File) -> [ScopeViolation] {
        var violations: [ScopeViolation] = []
        if file.isSymlinkInGit {
            violations.append(ScopeViolation(rule: .symlink, path: file.path,
                message: "is a symbolic link (\(file.oldMode) → \(file.newMode)); fixes may not add, change or remove symbolic links"))
        }
        if file.isSubmodule {
            violations.append(ScopeViolation(rule: .submodule, path: file.path,
                message: "is a submodule; fixes may not add, move or update submodules"))
        }
        if file.isBinary {
            violations.append(ScopeViolation(rule: .binaryFile, path: file.path,
                message: "is a binary file; fixes may change only text a reviewer can read"))
        }
        return violations
    }

    /// Where the file is: off-limits, a test, or outside the coverage area.
    static func placementViolations(_ file: ProposedChange.File, rules: ScopeRules) -> [ScopeViolation] {
        var violations: [ScopeViolation] = []
        for path in file.paths where RepositoryPath.escapeProblem(path) == nil {
            let side = sideDescription(file, path: path)
            if let glob = rules.offLimits.first(where: { $0.matches(path) }) {
                violations.append(ScopeViolation(rule: .offLimits, path: path,
                    message: "\(side) matches off-limits `\(glob)` (CI configuration, hooks and heal's configuration are never changed by a fix)"))
                continue
            }
            if rules.protectedFiles.contains(path) {
                violations.append(ScopeViolation(rule: .testTouched, path: path,
                    message: "\(side) is the failing test's own file; fix the code under test, not the test"))
                continue
            }
            if let glob = rules.tests.first(where: { $0.matches(path) }) {
                if rules.addsTests, file.status == .added {
                    if TestModuleName.matches(path) { continue }
                    violations.append(ScopeViolation(rule: .testTouched, path: path,
                        message: "added, matches test glob `\(glob)` but is no test module (\(TestModuleName.examples)); a fix may add test modules only, never files that change how every test runs"))
                    continue
                }
                violations.append(ScopeViolation(rule: .testTouched, path: path,
                    message: "\(side) matches test glob `\(glob)`; tests may not be touched, deleted or renamed"))
                continue
            }
            if !rules.coverageArea.contains(path), !rules.allow.contains(where: { $0.matches(path) }) {
                violations.append(ScopeViolation(rule: .outsideCoverage, path: path,
                    message: "\(side) is outside the failing test's coverage area and matches no `scope.allow` glob"))
            }
        }
        return violations
    }

    /// Skip, disable and expected-failure markers among the added lines, in any file.
    static func skipMarkerViolations(_ file: ProposedChange.File, matcher: SkipMarkers.Matcher) -> [ScopeViolation] {
        file.addedLines.compactMap { line in
            guard let marker = matcher.find(in: line.text, path: file.path) else { return nil }
            return ScopeViolation(rule: .skipMarker, path: file.path, line: line.number,
                message: "adds a \(marker.name): `\(line.text.trimmingCharacters(in: .whitespaces))`; tests may not be skipped or disabled")
        }
    }

    /// The change as a whole against the size limits.
    static func sizeViolations(_ change: ProposedChange, rules: ScopeRules) -> [ScopeViolation] {
        var violations: [ScopeViolation] = []
        if change.changedLineCount > rules.maxChangedLines {
            violations.append(ScopeViolation(rule: .tooManyLines, path: nil,
                message: "changes \(change.changedLineCount) lines; at most \(rules.maxChangedLines) are allowed"))
        }
        if change.files.count > rules.maxChangedFiles {
            violations.append(ScopeViolation(rule: .tooManyFiles, path: nil,
                message: "changes \(change.files.count) files; at most \(rules.maxChangedFiles) are allowed"))
        }
        return violations
    }

    /// How the file at `path` changed, as the start of a sentence: `deleted`, `renamed to x`, ….
    private static func sideDescription(_ file: ProposedChange.File, path: String) -> String {
        switch file.status {
        case .added: "added"
        case .deleted: "deleted"
        case .renamed where path == file.oldPath: "renamed to `\(file.newPath ?? "")`, its old path"
        case .renamed: "renamed from `\(file.oldPath ?? "")`, its new path"
        case .copied: "copied from `\(file.oldPath ?? "")`"
        case .typechange: "changed type"
        case .modified: "modified"
        }
    }
}

extension ScopeGuard {
    /// Why a file the guard accepted is in scope, for the PR body: the coverage area or the
    /// `scope.allow` glob that admits it.
    public static func reason(inScope file: ProposedChange.File, rules: ScopeRules) -> String {
        let path = file.newPath ?? file.path
        if rules.coverageArea.contains(path) {
            return "in the failing test's coverage area"
        }
        if let glob = rules.allow.first(where: { $0.matches(path) }) {
            return "matches `scope.allow` glob `\(glob)`"
        }
        return "outside the coverage area"
    }
}
