/// Compact storage for a report's test cases, so a million-case report fits in well under
/// 100 MB: ids live as an interned prefix (module, class, package) plus a suffix in one byte
/// arena, the other strings are interned, and only non-passing cases keep message and output.
/// An open-addressing table over the id bytes finds cases without building Strings.
struct CaseStore: Sendable {
    struct Record: Sendable {
        var prefix: Int32
        var suffixStart: Int
        var suffixLength: Int32
        var classname: Int32
        var file: Int32
        var line: Int32
        var duration: Float32
        var detail: Int32
        var outcome: TestOutcome
    }

    /// What only some cases have: a name that is not the id's suffix, a message, output.
    struct Detail: Sendable {
        var name: String?
        var message: String?
        var output: String?
    }

    private(set) var records: [Record] = []
    private var arena: [UInt8] = []
    private var strings: [String] = []
    private var stringBytes: [[UInt8]] = []
    private var stringIndex: [String: Int32] = [:]
    private var details: [Detail] = []
    private var recentStrings: [Int32] = [-1, -1, -1, -1]
    private var nextRecent = 0
    /// Slots hold record index + 1; 0 is empty.
    private var table: [Int32] = Array(repeating: 0, count: 64)

    var count: Int { records.count }

    /// Adds a case whose id is `idPrefix + name`; returns the index of an existing case with the
    /// same id instead, leaving the store unchanged.
    mutating func insert(idPrefix: String, suffix: String, name: String?, classname: String?, file: String?,
                         line: Int?, outcome: TestOutcome, duration: Double?, message: String?, output: String?) -> Int? {
        let prefixIndex = intern(idPrefix)
        var suffix = suffix
        let suffixBytes = suffix.withUTF8 { Array($0) }
        let hash = Self.hash(stringBytes[Int(prefixIndex)], suffixBytes)
        if let existing = find(hash: hash, prefix: stringBytes[Int(prefixIndex)], suffix: suffixBytes[...]) {
            return existing
        }
        let detailIndex: Int32
        if name != nil || message != nil || output != nil {
            details.append(Detail(name: name, message: message, output: output))
            detailIndex = Int32(details.count - 1)
        } else {
            detailIndex = -1
        }
        let classnameIndex = classname.map { intern($0) } ?? -1
        let fileIndex = file.map { intern($0) } ?? -1
        let start = arena.count
        arena.append(contentsOf: suffixBytes)
        records.append(Record(prefix: prefixIndex, suffixStart: start, suffixLength: Int32(suffixBytes.count),
                              classname: classnameIndex, file: fileIndex,
                              line: Int32(clamping: line ?? 0), duration: duration.map(Float32.init) ?? .nan,
                              detail: detailIndex, outcome: outcome))
        if records.count * 2 > table.count { grow() } else { place(records.count - 1, hash: hash) }
        return nil
    }

    mutating func setOutcome(_ outcome: TestOutcome, message: String?, output: String?, at index: Int) {
        records[index].outcome = outcome
        guard message != nil || output != nil else { return }
        var detail = records[index].detail >= 0 ? details[Int(records[index].detail)] : Detail()
        detail.message = message
        detail.output = output
        if records[index].detail >= 0 {
            details[Int(records[index].detail)] = detail
        } else {
            details.append(detail)
            records[index].detail = Int32(details.count - 1)
        }
    }

    /// The index of the case with this id, if any.
    func index(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            let all = Array(bytes)
            return find(hash: Self.hash([], all), prefix: [], suffix: all[...])
        }
    }

    /// The index in this store of the case that `other` holds at `otherIndex`, matched by id.
    func index(matching otherIndex: Int, in other: CaseStore) -> Int? {
        let record = other.records[otherIndex]
        let prefix = other.stringBytes[Int(record.prefix)]
        let suffix = other.arena[record.suffixStart..<record.suffixStart + Int(record.suffixLength)]
        return find(hash: Self.hash(prefix, suffix), prefix: prefix, suffix: suffix)
    }

    func outcome(at index: Int) -> TestOutcome { records[index].outcome }

    func id(at index: Int) -> String {
        let record = records[index]
        return strings[Int(record.prefix)] + suffix(of: record)
    }

    func testCase(at index: Int) -> TestCase {
        let record = records[index]
        let detail = record.detail >= 0 ? details[Int(record.detail)] : nil
        let suffix = suffix(of: record)
        // Float32 keeps 7 digits; its shortest decimal form gives back the reported value.
        let duration = record.duration.isNaN ? nil : Double(String(record.duration))
        return TestCase(id: strings[Int(record.prefix)] + suffix,
                        classname: record.classname >= 0 ? strings[Int(record.classname)] : nil,
                        name: detail?.name ?? suffix,
                        file: record.file >= 0 ? strings[Int(record.file)] : nil,
                        line: record.line > 0 ? Int(record.line) : nil,
                        outcome: record.outcome, duration: duration,
                        message: detail?.message, output: detail?.output)
    }

    private func suffix(of record: Record) -> String {
        String(decoding: arena[record.suffixStart..<record.suffixStart + Int(record.suffixLength)], as: UTF8.self)
    }

    private mutating func intern(_ string: String) -> Int32 {
        // Neighbouring cases usually share their class, file and prefix.
        for recent in recentStrings where recent >= 0 && strings[Int(recent)] == string { return recent }
        if let index = stringIndex[string] {
            remember(index)
            return index
        }
        let index = Int32(strings.count)
        strings.append(string)
        stringBytes.append(Array(string.utf8))
        stringIndex[string] = index
        remember(index)
        return index
    }

    private mutating func remember(_ index: Int32) {
        recentStrings[nextRecent] = index
        nextRecent = (nextRecent + 1) % recentStrings.count
    }

    private func find(hash: UInt64, prefix: [UInt8], suffix: ArraySlice<UInt8>) -> Int? {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 {
            let candidate = Int(table[slot] - 1)
            if matches(candidate, prefix: prefix, suffix: suffix) { return candidate }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Compares the candidate's id bytes with `prefix + suffix`, wherever the split falls.
    private func matches(_ index: Int, prefix: [UInt8], suffix: ArraySlice<UInt8>) -> Bool {
        let record = records[index]
        let ownPrefix = stringBytes[Int(record.prefix)]
        let ownSuffix = arena[record.suffixStart..<record.suffixStart + Int(record.suffixLength)]
        guard ownPrefix.count + ownSuffix.count == prefix.count + suffix.count else { return false }
        for offset in 0..<(prefix.count + suffix.count) {
            let mine = offset < ownPrefix.count ? ownPrefix[offset] : ownSuffix[ownSuffix.startIndex + offset - ownPrefix.count]
            let theirs = offset < prefix.count ? prefix[offset] : suffix[suffix.startIndex + offset - prefix.count]
            if mine != theirs { return false }
        }
        return true
    }

    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        for index in records.indices {
            let record = records[index]
            let suffix = arena[record.suffixStart..<record.suffixStart + Int(record.suffixLength)]
            place(index, hash: Self.hash(stringBytes[Int(record.prefix)], suffix))
        }
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(index + 1)
    }

    /// FNV-1a over the id's bytes, the same however the id is split into prefix and suffix.
    private static func hash<P: Sequence<UInt8>, S: Sequence<UInt8>>(_ prefix: P, _ suffix: S) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prefix { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in suffix { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // Mix the high bits down: the table indexes by the low ones.
        return hash ^ (hash >> 29)
    }
}
