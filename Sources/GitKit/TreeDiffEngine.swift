import Foundation

/// Computes `git diff <old-tree> <new-tree>` from the tree-level delta, reading only the blobs
/// the answer needs and using every core.
///
/// The plan: content diffs of modified files start on the worker threads at once; meanwhile
/// the calling thread pairs deleted and added files into renames (`RenameDetector`: exact
/// matches by blob id need no content at all, and the fingerprints for similarity are computed
/// by all threads). Renamed files are then diffed source against destination, and files that
/// are only added or deleted get their one hunk from a line count, with no diff at all.
struct TreeDiffEngine {
    let repository: Repository
    let options: DiffOptions

    func run(_ changes: [TreeChange]) throws(GitError) -> [FileDiff] {
        ObjectReadTuning.apply
        let differ = HunkDiffer(contextLines: options.contextLines, includeLines: options.includeLines)
        let results = ResultSlots(count: changes.count)
        let workers = RepositoryWorkers(gitDirectory: repository.gitDirectory,
                                        threads: changes.count > 8 ? RepositoryWorkers.helperCount : 0)
        defer { workers.stop() }

        var sources: [Int] = []
        var destinations: [Int] = []
        var contentWork: [RepositoryWorkers.Work] = []
        for (index, change) in changes.enumerated() {
            switch change.status {
            case .added where options.detectRenames: destinations.append(index)
            case .deleted where options.detectRenames: sources.append(index)
            default: contentWork.append(Self.compare(change.old, change.new, typechange: change.status == .typechange,
                                                     differ: differ, into: results, slot: index))
            }
        }
        workers.submit(contentWork, urgent: false)

        var renames: [RenameMatch] = []
        let facts = FactStore()
        if !sources.isEmpty && !destinations.isEmpty {
            renames = try detectRenames(changes, sources: sources, destinations: destinations,
                                        workers: workers, facts: facts)
        }

        let renamedSources = Set(renames.map { sources[$0.source] })
        let renamedDestinations = Set(renames.map { destinations[$0.destination] })
        var laterWork: [RepositoryWorkers.Work] = []
        for match in renames {
            let source = sources[match.source]
            let destination = destinations[match.destination]
            laterWork.append(Self.compare(changes[source].old, changes[destination].new, typechange: false,
                                          differ: differ, into: results, slot: destination))
        }
        for index in sources + destinations where !renamedSources.contains(index) && !renamedDestinations.contains(index) {
            let change = changes[index]
            let side = (change.old ?? change.new)!
            if !options.includeLines, let known = facts[side.id] {
                results[index] = ContentResult(hunks: known.wholeFileHunk(deleted: change.new == nil).map { [$0] } ?? [],
                                               isBinary: known.isBinary)
            } else {
                laterWork.append(Self.compare(change.old, change.new, typechange: false, differ: differ,
                                              into: results, slot: index))
            }
        }
        workers.submit(laterWork, urgent: false)
        try workers.finish(helpingWith: repository)

        let renameByDestination = Dictionary(uniqueKeysWithValues: renames.map { (destinations[$0.destination], $0) })
        var files: [FileDiff] = []
        files.reserveCapacity(changes.count - renames.count)
        for (index, change) in changes.enumerated() where !renamedSources.contains(index) {
            let result = results[index] ?? ContentResult(hunks: [], isBinary: false)
            if let match = renameByDestination[index] {
                files.append(FileDiff(changes[sources[match.source]].old, change.new, status: .renamed,
                                      similarity: match.similarity, result: result))
            } else {
                files.append(FileDiff(change.old, change.new, status: change.status, similarity: 0, result: result))
            }
        }
        return files
    }

    private func detectRenames(_ changes: [TreeChange], sources: [Int], destinations: [Int],
                               workers: RepositoryWorkers, facts: FactStore) throws(GitError) -> [RenameMatch] {
        let sourceSides = sources.map { changes[$0].old! }
        let destinationSides = destinations.map { changes[$0].new! }
        let sourceCandidates = try candidates(sourceSides)
        let destinationCandidates = try candidates(destinationSides)
        var detector = RenameDetector(sources: sourceCandidates, destinations: destinationCandidates)
        var loadError: GitError?
        let matches = detector.detect { wantedSources, wantedDestinations in
            let sides = wantedSources.map { sourceSides[$0] } + wantedDestinations.map { destinationSides[$0] }
            let prints = PrintSlots(count: sides.count)
            workers.submit(sides.enumerated().map { slot, side in
                { (repository: Repository) throws(GitError) in
                    try repository.withContent(of: side) { (content) throws(GitError) in
                        let isBinary = repository.isBinary(content, path: side.path)
                        facts[side.id] = ContentFacts(content, isBinary: isBinary)
                        prints[slot] = SpanHashes(content, isText: !isBinary)
                    }
                }
            }, urgent: true)
            do throws(GitError) {
                try workers.waitForUrgent(helpingWith: repository)
            } catch {
                loadError = error
            }
            let all = prints.values
            return (Array(all[..<wantedSources.count]), Array(all[wantedSources.count...]))
        }
        if let loadError { throw loadError }
        return matches
    }

    /// Rename candidates need sizes; only regular files can be similar, so only theirs are read.
    private func candidates(_ sides: [TreeEntrySide]) throws(GitError) -> [RenameCandidate] {
        let regular = sides.filter(\.isRegularFile)
        var sizes = try repository.blobSizes(regular.map(\.id)).makeIterator()
        return sides.map { side in
            RenameCandidate(path: side.path, id: side.id, mode: side.mode, size: side.isRegularFile ? sizes.next()! : 0)
        }
    }

    /// The work that diffs one file: `old` against `new` (either may be absent), as `git diff`
    /// shows it. A type change (file ↔ symlink) is shown as git shows it: the old content
    /// deleted, then the new content added.
    private static func compare(_ old: TreeEntrySide?, _ new: TreeEntrySide?, typechange: Bool, differ: HunkDiffer,
                                into results: ResultSlots, slot: Int) -> RepositoryWorkers.Work {
        { (repository: Repository) throws(GitError) in
            if typechange, let old, let new {
                let removed = try wholeFile(old, deleted: true, differ: differ, repository)
                let added = try wholeFile(new, deleted: false, differ: differ, repository)
                results[slot] = ContentResult(hunks: removed.hunks + added.hunks, isBinary: removed.isBinary || added.isBinary)
                return
            }
            switch (old, new) {
            case let (old?, new?):
                if old.id == new.id {
                    results[slot] = ContentResult(hunks: [], isBinary: false)
                    return
                }
                results[slot] = try repository.withContent(of: old) { (oldContent: DiffContent) throws(GitError) in
                    try repository.withContent(of: new) { (newContent: DiffContent) throws(GitError) in
                        if repository.isBinary(oldContent.bytes, path: old.path, newContent.bytes, path: new.path) {
                            return ContentResult(hunks: [], isBinary: true)
                        }
                        return ContentResult(hunks: try differ.hunks(oldContent, newContent), isBinary: false)
                    }
                }
            case let (old?, nil):
                results[slot] = try wholeFile(old, deleted: true, differ: differ, repository)
            case let (nil, new?):
                results[slot] = try wholeFile(new, deleted: false, differ: differ, repository)
            case (nil, nil):
                break
            }
        }
    }

    private static func wholeFile(_ side: TreeEntrySide, deleted: Bool, differ: HunkDiffer,
                                  _ repository: Repository) throws(GitError) -> ContentResult {
        try repository.withContent(of: side) { (content) throws(GitError) in
            let isBinary = repository.isBinary(content, path: side.path)
            if isBinary { return ContentResult(hunks: [], isBinary: true) }
            if differ.includeLines {
                let empty = UnsafeRawBufferPointer(start: nil, count: 0)
                return ContentResult(hunks: try deleted ? differ.hunks(content, empty) : differ.hunks(empty, content),
                                     isBinary: false)
            }
            let facts = ContentFacts(content, isBinary: false)
            return ContentResult(hunks: facts.wholeFileHunk(deleted: deleted).map { [$0] } ?? [], isBinary: false)
        }
    }
}

/// What the content diff of one file produced.
struct ContentResult: Sendable {
    var hunks: [Hunk]
    var isBinary: Bool
}

extension FileDiff {
    init(_ old: TreeEntrySide?, _ new: TreeEntrySide?, status: FileStatus, similarity: Int, result: ContentResult) {
        self.init(status: status,
                  oldPath: old?.path ?? new?.path ?? GitPath(bytes: []), newPath: new?.path ?? old?.path ?? GitPath(bytes: []),
                  oldMode: FileMode(raw: old?.mode ?? 0), newMode: FileMode(raw: new?.mode ?? 0),
                  oldID: old?.id, newID: new?.id,
                  isBinary: result.isBinary, similarity: similarity, hunks: result.hunks)
    }
}
