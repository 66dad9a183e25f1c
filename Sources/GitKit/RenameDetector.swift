/// A deleted file (a rename source) or an added file (a rename destination).
public struct RenameCandidate: Sendable, Equatable {
    public var path: GitPath
    public var id: ObjectID
    /// The raw git mode (`0o100644`, `0o120000`, …).
    public var mode: UInt32
    /// The blob's size in bytes.
    public var size: Int

    public init(path: GitPath, id: ObjectID, mode: UInt32, size: Int) {
        self.path = path
        self.id = id
        self.mode = mode
        self.size = size
    }

    var isRegularFile: Bool { mode & 0o170000 == 0o100000 }
}

/// A source paired with a destination, with git's score (0…`RenameDetector.maxScore`).
public struct RenameMatch: Sendable, Equatable {
    public var source: Int
    public var destination: Int
    public var score: Int

    public init(source: Int, destination: Int, score: Int) {
        self.source = source
        self.destination = destination
        self.score = score
    }

    /// The score as the percentage `git diff -M` prints (`R087`).
    public var similarity: Int { score * 100 / RenameDetector.maxScore }
}

/// Pairs deleted files with added files the way `git diff -M` does (git 2.39's
/// `diffcore-rename.c`, renames only), so that heal reports the renames a developer sees:
///
/// 1. exact renames: same blob id (and the same mode unless both are regular files), preferring
///    a source with the same basename;
/// 2. basename matches: a source and a destination whose basename is unique among the remaining
///    sources and among the remaining destinations pair up if they are at least 75 % similar;
/// 3. the similarity matrix: every remaining destination against every remaining source
///    (unless that exceeds `renameLimit`²), the four best sources per destination kept, all
///    candidates sorted by score and then by same basename, and taken greedily from 50 % up.
///
/// Similarity is git's estimate from `SpanHashes`, only for regular files whose sizes are close
/// enough. Fingerprints are loaded through `load` in batches, one per pass, so the caller can
/// compute them in parallel and skip files no pass needs.
public struct RenameDetector {
    /// git's `MAX_SCORE`: a score of 100 %.
    public static let maxScore = 60_000
    /// git's default rename threshold, 50 %.
    public static let defaultMinimumScore = 30_000
    /// git's default `diff.renameLimit`.
    public static let defaultRenameLimit = 1_000

    /// Loads fingerprints for the given source and destination indices, in that order; nil for
    /// one that cannot be read.
    public typealias Loader = (_ sources: [Int], _ destinations: [Int]) -> (sources: [SpanHashes?], destinations: [SpanHashes?])

    public let sources: [RenameCandidate]
    public let destinations: [RenameCandidate]
    public var minimumScore = defaultMinimumScore
    public var renameLimit = defaultRenameLimit

    private var sourceUsed: [Bool]
    private var destinationMatched: [Bool]
    private var matches: [RenameMatch] = []
    private var sourcePrints: [Int: SpanHashes] = [:]
    private var destinationPrints: [Int: SpanHashes] = [:]

    public init(sources: [RenameCandidate], destinations: [RenameCandidate]) {
        self.sources = sources
        self.destinations = destinations
        sourceUsed = Array(repeating: false, count: sources.count)
        destinationMatched = Array(repeating: false, count: destinations.count)
    }

    /// The renames, in the order they were found.
    public mutating func detect(load: Loader) -> [RenameMatch] {
        guard !sources.isEmpty, !destinations.isEmpty else { return [] }
        findExactRenames()
        let basenameScore = minimumScore + (Self.maxScore - minimumScore) / 2
        findBasenameMatches(minimumScore: basenameScore, load: load)
        findInexactRenames(load: load)
        return matches
    }

    private mutating func record(source: Int, destination: Int, score: Int) {
        sourceUsed[source] = true
        destinationMatched[destination] = true
        matches.append(RenameMatch(source: source, destination: destination, score: score))
    }

    private mutating func findExactRenames() {
        var byID: [ObjectID: [Int]] = [:]
        for (index, source) in sources.enumerated() { byID[source.id, default: []].append(index) }
        for (d, destination) in destinations.enumerated() {
            guard let candidates = byID[destination.id] else { continue }
            var best: Int?
            var bestScore = -1
            var triesLeft = 100
            for s in candidates {
                let source = sources[s]
                if !(source.isRegularFile && destination.isRegularFile) && source.mode != destination.mode { continue }
                if sourceUsed[s] { continue }
                let score = 1 + (Self.basenameSame(source.path, destination.path) ? 1 : 0)
                if score > bestScore {
                    best = s
                    bestScore = score
                    if score == 2 { break }
                }
                triesLeft -= 1
                if triesLeft == 0 { break }
            }
            if let best { record(source: best, destination: d, score: Self.maxScore) }
        }
    }

    private mutating func findBasenameMatches(minimumScore: Int, load: Loader) {
        let remaining = sources.indices.filter { !sourceUsed[$0] }
        var sourceByName: [ArraySlice<UInt8>: Int] = [:]
        for s in remaining {
            let name = Self.basename(sources[s].path)
            sourceByName[name] = sourceByName[name] == nil ? s : -1
        }
        var destinationByName: [ArraySlice<UInt8>: Int] = [:]
        for d in destinations.indices where !destinationMatched[d] {
            let name = Self.basename(destinations[d].path)
            destinationByName[name] = destinationByName[name] == nil ? d : -1
        }
        var pairs: [(source: Int, destination: Int)] = []
        for s in remaining {
            let name = Self.basename(sources[s].path)
            guard sourceByName[name] != -1, let d = destinationByName[name], d != -1 else { continue }
            pairs.append((s, d))
        }
        let needed = pairs.filter { sizesAllow($0.source, $0.destination, minimumScore: minimumScore) }
        loadPrints(sources: needed.map(\.source), destinations: needed.map(\.destination), load: load)
        for (s, d) in pairs where !destinationMatched[d] {
            let score = estimateSimilarity(s, d, minimumScore: minimumScore)
            if score >= minimumScore { record(source: s, destination: d, score: score) }
        }
    }

    private mutating func findInexactRenames(load: Loader) {
        let remainingSources = sources.indices.filter { !sourceUsed[$0] }
        let remainingDestinations = destinations.indices.filter { !destinationMatched[$0] }
        guard !remainingSources.isEmpty, !remainingDestinations.isEmpty else { return }
        if renameLimit > 0, remainingSources.count * remainingDestinations.count > renameLimit * renameLimit { return }

        var neededSources = Set<Int>()
        var neededDestinations = Set<Int>()
        for d in remainingDestinations {
            for s in remainingSources where sizesAllow(s, d, minimumScore: minimumScore) {
                neededSources.insert(s)
                neededDestinations.insert(d)
            }
        }
        loadPrints(sources: neededSources.sorted(), destinations: neededDestinations.sorted(), load: load)

        var matrix: [Candidate] = []
        matrix.reserveCapacity(remainingDestinations.count * Candidate.perDestination)
        for d in remainingDestinations {
            var best = Array(repeating: Candidate.empty, count: Candidate.perDestination)
            for s in remainingSources {
                let candidate = Candidate(
                    source: s, destination: d, score: estimateSimilarity(s, d, minimumScore: minimumScore),
                    sameName: Self.basenameSame(sources[s].path, destinations[d].path))
                Candidate.recordIfBetter(&best, candidate)
            }
            matrix.append(contentsOf: best)
        }
        // git sorts with STABLE_QSORT: ties keep matrix order.
        let ordered = matrix.indices.sorted { a, b in
            matrix[a].sortsBefore(matrix[b]) || (!matrix[b].sortsBefore(matrix[a]) && a < b)
        }
        for candidate in ordered.map({ matrix[$0] }) {
            if candidate.destination < 0 || candidate.score < minimumScore { break }
            if destinationMatched[candidate.destination] || sourceUsed[candidate.source] { continue }
            record(source: candidate.source, destination: candidate.destination, score: candidate.score)
        }
    }

    private mutating func loadPrints(sources wantedSources: [Int], destinations wantedDestinations: [Int], load: Loader) {
        let s = Array(Set(wantedSources.filter { sourcePrints[$0] == nil })).sorted()
        let d = Array(Set(wantedDestinations.filter { destinationPrints[$0] == nil })).sorted()
        guard !s.isEmpty || !d.isEmpty else { return }
        let loaded = load(s, d)
        for (index, prints) in zip(s, loaded.sources) { if let prints { sourcePrints[index] = prints } }
        for (index, prints) in zip(d, loaded.destinations) { if let prints { destinationPrints[index] = prints } }
    }

    /// git refuses to call files similar when their sizes differ by more than the threshold
    /// allows, before looking at any content.
    private func sizesAllow(_ s: Int, _ d: Int, minimumScore: Int) -> Bool {
        let source = sources[s]
        let destination = destinations[d]
        guard source.isRegularFile, destination.isRegularFile else { return false }
        let maxSize = max(source.size, destination.size)
        let delta = maxSize - min(source.size, destination.size)
        return maxSize * (Self.maxScore - minimumScore) >= delta * Self.maxScore
    }

    private func estimateSimilarity(_ s: Int, _ d: Int, minimumScore: Int) -> Int {
        guard sizesAllow(s, d, minimumScore: minimumScore),
              let sourcePrint = sourcePrints[s], let destinationPrint = destinationPrints[d] else { return 0 }
        let maxSize = max(sources[s].size, destinations[d].size)
        guard destinations[d].size > 0 else { return 0 }
        return SpanHashes.copiedBytes(from: sourcePrint, to: destinationPrint) * Self.maxScore / maxSize
    }

    static func basename(_ path: GitPath) -> ArraySlice<UInt8> {
        let bytes = path.bytes
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes[...] }
        return bytes[(slash + 1)...]
    }

    /// Whether two paths end in the same file name (git's `basename_same`).
    public static func basenameSame(_ a: GitPath, _ b: GitPath) -> Bool {
        basename(a) == basename(b)
    }
}

/// One cell of git's rename matrix (`struct diff_score`).
private struct Candidate {
    static let perDestination = 4
    static let empty = Candidate(source: -1, destination: -1, score: 0, sameName: false)

    var source: Int
    var destination: Int
    var score: Int
    var sameName: Bool

    /// git's `score_compare`: unused cells last, then higher score, then same basename first.
    func sortsBefore(_ other: Candidate) -> Bool {
        if destination < 0 { return false }
        if other.destination < 0 { return true }
        if score != other.score { return score > other.score }
        return sameName && !other.sameName
    }

    /// git's `record_if_better`: replace the worst of the kept cells if the new one beats it.
    static func recordIfBetter(_ kept: inout [Candidate], _ new: Candidate) {
        var worst = 0
        for index in 1..<kept.count where kept[worst].sortsBefore(kept[index]) {
            worst = index
        }
        if new.sortsBefore(kept[worst]) { kept[worst] = new }
    }
}
