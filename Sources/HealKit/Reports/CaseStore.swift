/// Compact storage for a report's test cases, so two million-case reports fit with heal in
/// 200 MB: a case is a 20-byte record plus its id's suffix (the test name) in chunked byte
/// storage; what cases of a class share (id prefix, classname, file) is one interned group;
/// only the few cases with a message, output or a name of their own keep a `Detail`.
/// An open-addressing table over the id bytes finds cases without building Strings.
struct CaseStore: Sendable {
    struct Record: Sendable {
        /// Where the id's suffix is in `suffixes`.
        var suffix: UInt32
        var group: Int32
        /// 0 when unknown.
        var line: Int32
        /// NaN when unknown.
        var duration: Float32
        var outcome: TestOutcome
    }

    /// What the cases of one class share; string indexes into `strings`, -1 for none.
    struct Group: Hashable, Sendable {
        var prefix: Int32
        var classname: Int32
        var file: Int32
    }

    /// What only some cases have: a name that is not the id's suffix, a message, output.
    struct Detail: Sendable {
        var name: String?
        var message: String?
        var output: String?
    }

    enum Insertion {
        case added
        /// A case with the same id is at this index; the store is unchanged.
        case duplicate(Int)
        /// The store holds 4 GiB of ids and takes no more.
        case full
    }

    private var records = ChunkedArray<Record>()
    private var suffixes = ByteChunks()
    private var strings = StringTable()
    private var groups: [Group] = []
    private var groupIndex: [Group: Int32] = [:]
    private var lastGroup: Int32 = -1
    private var details: [Int32: Detail] = [:]
    /// Slots hold record index + 1 in their low `tableBits` bits (0 is empty) and bits of the
    /// id's hash above them, compared before the record is touched: a record read is a cache
    /// miss, and probing past other ids would pay one per slot.
    private var table: [UInt32] = Array(repeating: 0, count: 64)
    private var tableBits = 6

    var count: Int { records.count }

    /// The index of `string` among the store's strings, added if new.
    mutating func intern(_ string: String) -> Int32 { strings.intern(string) }

    /// The group of these interned strings (-1 for no classname or file), added if new.
    mutating func group(prefix: Int32, classname: Int32, file: Int32) -> Int32 {
        let group = Group(prefix: prefix, classname: classname, file: file)
        if lastGroup >= 0 && groups[Int(lastGroup)] == group { return lastGroup }
        let index = groupIndex[group] ?? {
            groups.append(group)
            groupIndex[group] = Int32(groups.count - 1)
            return Int32(groups.count - 1)
        }()
        lastGroup = index
        return index
    }

    /// Adds a case whose id is `idPrefix + suffix`.
    mutating func insert(idPrefix: String, suffix: String, name: String?, classname: String?, file: String?,
                         line: Int?, outcome: TestOutcome, duration: Double?, message: String?, output: String?) -> Insertion {
        let group = group(prefix: intern(idPrefix), classname: classname.map { intern($0) } ?? -1,
                          file: file.map { intern($0) } ?? -1)
        let detail = name != nil || message != nil || output != nil ? Detail(name: name, message: message, output: output) : nil
        var suffix = suffix
        return suffix.withUTF8 {
            insert(group: group, suffix: UnsafeRawBufferPointer($0), line: line, outcome: outcome, duration: duration, detail: detail)
        }
    }

    /// Adds a case of `group` (from `group(prefix:classname:file:)`) whose id ends with the
    /// bytes of `suffix`, the way a reader that works on parser bytes does.
    mutating func insert(group: Int32, suffix: UnsafeRawBufferPointer, line: Int?, outcome: TestOutcome,
                         duration: Double?, detail: Detail?) -> Insertion {
        let prefix = groups[Int(group)].prefix
        let hash = IDHash.hash(suffix, from: strings.hashState(prefix))
        let existing = strings.withBytes(prefix) { find(hash: hash, prefix: $0, suffix: suffix) }
        if let existing { return .duplicate(existing) }
        guard let position = suffixes.append(suffix) else { return .full }
        records.append(Record(suffix: position, group: group, line: Int32(clamping: line ?? 0),
                              duration: duration.map(Float32.init) ?? .nan, outcome: outcome))
        if let detail { details[Int32(records.count - 1)] = detail }
        place(records.count - 1, hash: hash)
        if records.count * 2 > table.count { grow() }
        return .added
    }

    /// Sizes the id table for `expectedCount` cases at once, so a reader that can tell how many
    /// are coming spares the table the rehashing of every doubling on the way.
    mutating func reserve(_ expectedCount: Int) {
        var bits = tableBits
        while expectedCount * 2 > 1 << bits && bits < 31 { bits += 1 }
        guard bits > tableBits else { return }
        tableBits = bits
        rehash()
    }

    mutating func setOutcome(_ outcome: TestOutcome, message: String?, output: String?, at index: Int) {
        records[index].outcome = outcome
        guard message != nil || output != nil else { return }
        var detail = details[Int32(index)] ?? Detail()
        detail.message = message
        detail.output = output
        details[Int32(index)] = detail
    }

    /// The index of the case with this id, if any.
    func index(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            let all = UnsafeRawBufferPointer(bytes)
            return find(hash: IDHash.hash(all), prefix: UnsafeRawBufferPointer(start: nil, count: 0), suffix: all)
        }
    }

    /// The index in this store of the case that `other` holds at `otherIndex`, matched by id.
    func index(matching otherIndex: Int, in other: CaseStore) -> Int? {
        other.withID(at: otherIndex) { prefix, prefixState, suffix in
            find(hash: IDHash.hash(suffix, from: prefixState), prefix: prefix, suffix: suffix)
        }
    }

    /// Whether this store's case at `index` has the id of `other`'s case at `otherIndex`.
    func hasSameID(_ index: Int, as otherIndex: Int, in other: CaseStore) -> Bool {
        other.withID(at: otherIndex) { prefix, _, suffix in matches(records[index], prefix: prefix, suffix: suffix) }
    }

    func outcome(at index: Int) -> TestOutcome { records[index].outcome }

    func id(at index: Int) -> String {
        withID(at: index) { prefix, _, suffix in
            String(decoding: prefix, as: UTF8.self) + String(decoding: suffix, as: UTF8.self)
        }
    }

    func testCase(at index: Int) -> TestCase {
        let record = records[index]
        let group = groups[Int(record.group)]
        let detail = details[Int32(index)]
        let suffix = suffixes.withBytes(at: record.suffix) { String(decoding: $0, as: UTF8.self) }
        // Float32 keeps 7 digits; its shortest decimal form gives back the reported value.
        let duration = record.duration.isNaN ? nil : Double(String(record.duration))
        return TestCase(id: strings.string(group.prefix) + suffix,
                        classname: group.classname >= 0 ? strings.string(group.classname) : nil,
                        name: detail?.name ?? suffix,
                        file: group.file >= 0 ? strings.string(group.file) : nil,
                        line: record.line > 0 ? Int(record.line) : nil,
                        outcome: record.outcome, duration: duration,
                        message: detail?.message, output: detail?.output)
    }

    /// Calls `body` with the case's id prefix bytes, the hash state after them, and its suffix bytes.
    private func withID<Result>(at index: Int,
                                _ body: (UnsafeRawBufferPointer, UInt64, UnsafeRawBufferPointer) -> Result) -> Result {
        let record = records[index]
        let prefix = groups[Int(record.group)].prefix
        return strings.withBytes(prefix) { prefixBytes in
            suffixes.withBytes(at: record.suffix) { body(prefixBytes, strings.hashState(prefix), $0) }
        }
    }

    private func find(hash: UInt64, prefix: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer) -> Int? {
        let tag = tag(hash), indexMask = UInt32.max >> (32 - tableBits)
        return table.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = IDHash.slot(hash, mask: mask)
            while table[slot] != 0 {
                let entry = table[slot]
                if entry & ~indexMask == tag {
                    let candidate = Int(entry & indexMask) - 1
                    if matches(records[candidate], prefix: prefix, suffix: suffix) { return candidate }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The hash bits a slot keeps above the index: the top ones, which `IDHash.slot` does not use.
    private func tag(_ hash: UInt64) -> UInt32 {
        tableBits >= 32 ? 0 : UInt32(truncatingIfNeeded: hash >> (32 + UInt64(tableBits))) << UInt32(tableBits)
    }

    /// Compares the record's id bytes with `prefix + suffix`, wherever the split falls.
    private func matches(_ record: Record, prefix: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer) -> Bool {
        strings.withBytes(groups[Int(record.group)].prefix) { ownPrefix in
            suffixes.withBytes(at: record.suffix) { ownSuffix in
                guard ownPrefix.count + ownSuffix.count == prefix.count + suffix.count else { return false }
                if ownPrefix.count == prefix.count {
                    return IDHash.equal(ownPrefix, prefix) && IDHash.equal(ownSuffix, suffix)
                }
                for offset in 0..<(prefix.count + suffix.count) {
                    let mine = offset < ownPrefix.count ? ownPrefix[offset] : ownSuffix[offset - ownPrefix.count]
                    let theirs = offset < prefix.count ? prefix[offset] : suffix[offset - prefix.count]
                    if mine != theirs { return false }
                }
                return true
            }
        }
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let entry = tag(hash) | UInt32(index + 1)
        table.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            var slot = IDHash.slot(hash, mask: mask)
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = entry
        }
    }

    /// Doubles the table and places every case again, hashing its id anew: keeping hashes
    /// would cost memory at every case for a step taken 20 times in a million.
    private mutating func grow() {
        tableBits += 1
        rehash()
    }

    private mutating func rehash() {
        // Let the old table go before the new one is made.
        table = []
        table = Array(repeating: 0, count: 1 << tableBits)
        for index in 0..<records.count {
            let hash = withID(at: index) { _, prefixState, suffix in IDHash.hash(suffix, from: prefixState) }
            place(index, hash: hash)
        }
    }
}
