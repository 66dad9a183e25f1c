/// git's content fingerprint for inexact rename detection (`diffcore-delta.c`): the file cut
/// into chunks that end at a newline or after 64 bytes, each chunk hashed into one of 107,927
/// buckets, and per bucket the number of bytes that fell into it.
///
/// Two fingerprints estimate how much of one file was copied from another without a real diff,
/// which is what makes `git diff -M` affordable over hundreds of candidate pairs. The rules
/// follow git 2.39 exactly, quirks included, because the scores decide which pairs become
/// renames: in a text file a CR right before an LF is skipped, and a trailing chunk that
/// neither reaches 64 bytes nor ends in a newline is not counted (later
/// versions of git count it).
public struct SpanHashes: Sendable, Equatable {
    /// The occupied buckets in ascending order, and the bytes in each.
    let buckets: [UInt32]
    let counts: [UInt32]

    private static let hashBase: UInt32 = 107_927

    /// The fingerprint of `content`; `isText` is false for a file git considers binary.
    public init(_ content: UnsafeRawBufferPointer, isText: Bool) {
        var table = SpanTable()
        var accum1: UInt32 = 0
        var accum2: UInt32 = 0
        var length: UInt32 = 0
        let count = content.count
        var index = 0
        while index < count {
            let byte = content[index]
            index += 1
            if isText && byte == 0x0D && index < count && content[index] == 0x0A { continue }
            let old1 = accum1
            accum1 = (accum1 << 7) ^ (accum2 >> 25)
            accum2 = (accum2 << 7) ^ (old1 >> 25)
            accum1 &+= UInt32(byte)
            length += 1
            if length < 64 && byte != 0x0A { continue }
            table.add((accum1 &+ accum2 &* 0x61) % Self.hashBase, length)
            length = 0
            accum1 = 0
            accum2 = 0
        }
        (buckets, counts) = table.sorted()
    }

    /// The fingerprint of `bytes` (a convenience for tests and small inputs).
    public init(_ bytes: [UInt8], isText: Bool) {
        self = bytes.withUnsafeBytes { SpanHashes($0, isText: isText) }
    }

    /// How many of `destination`'s bytes are estimated to come from `source`: per bucket, the
    /// smaller of the two counts (`diffcore_count_changes`' `src_copied`).
    public static func copiedBytes(from source: SpanHashes, to destination: SpanHashes) -> Int {
        source.buckets.withUnsafeBufferPointer { sBuckets in
            source.counts.withUnsafeBufferPointer { sCounts in
                destination.buckets.withUnsafeBufferPointer { dBuckets in
                    destination.counts.withUnsafeBufferPointer { dCounts in
                        var copied = 0
                        var s = 0
                        var d = 0
                        let sEnd = sBuckets.count
                        let dEnd = dBuckets.count
                        while s < sEnd && d < dEnd {
                            let sb = sBuckets[s]
                            let db = dBuckets[d]
                            if db < sb {
                                d += 1
                            } else if sb < db {
                                s += 1
                            } else {
                                copied += Int(min(sCounts[s], dCounts[d]))
                                s += 1
                                d += 1
                            }
                        }
                        return copied
                    }
                }
            }
        }
    }
}

/// An open-addressing table from bucket to byte count, sized like git's so that building a
/// fingerprint allocates a few times at most.
private struct SpanTable {
    private var keys: [UInt32]
    private var values: [UInt32]
    private var used = 0

    init() {
        keys = Array(repeating: 0, count: 512)
        values = Array(repeating: 0, count: 512)
    }

    mutating func add(_ bucket: UInt32, _ bytes: UInt32) {
        if (used + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = Int(bucket) & mask
        while values[slot] != 0 {
            if keys[slot] == bucket {
                values[slot] &+= bytes
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = bucket
        values[slot] = bytes
        used += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        used = 0
        for slot in oldKeys.indices where oldValues[slot] != 0 {
            add(oldKeys[slot], oldValues[slot])
        }
    }

    func sorted() -> ([UInt32], [UInt32]) {
        var pairs: [(UInt32, UInt32)] = []
        pairs.reserveCapacity(used)
        for slot in keys.indices where values[slot] != 0 {
            pairs.append((keys[slot], values[slot]))
        }
        pairs.sort { $0.0 < $1.0 }
        return (pairs.map(\.0), pairs.map(\.1))
    }
}
