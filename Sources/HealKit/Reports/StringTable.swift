/// Interned strings (id prefixes, classnames, files) kept as UTF-8 bytes, each with the id
/// hash's state after it, so an id is hashed by walking only its suffix.
struct StringTable: Sendable {
    private var bytes: [UInt8] = []
    /// Where each string ends in `bytes`; it starts where the previous one ends.
    private var ends: [Int] = []
    private var hashStates: [UInt64] = []
    /// Slots hold string index + 1; 0 is empty.
    private var table: [Int32] = Array(repeating: 0, count: 64)
    /// Neighbouring cases usually share their strings.
    private var recent: Int32 = -1

    var count: Int { ends.count }

    /// The index of `string`, added if new.
    mutating func intern(_ string: String) -> Int32 {
        var string = string
        return string.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The index of the string with these UTF-8 bytes, added if new.
    mutating func intern(_ value: UnsafeRawBufferPointer) -> Int32 {
        if recent >= 0 && withBytes(recent, { IDHash.equal($0, value) }) { return recent }
        let hash = IDHash.hash(value)
        let mask = table.count - 1
        var slot = IDHash.slot(hash, mask: mask)
        while table[slot] != 0 {
            let candidate = table[slot] - 1
            if hashStates[Int(candidate)] == hash && withBytes(candidate, { IDHash.equal($0, value) }) {
                recent = candidate
                return candidate
            }
            slot = (slot + 1) & mask
        }
        let index = Int32(ends.count)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        hashStates.append(hash)
        table[slot] = index + 1
        if ends.count * 2 > table.count { grow() }
        recent = index
        return index
    }

    func withBytes<Result>(_ index: Int32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[Int(index) - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[Int(index)]])) }
    }

    func string(_ index: Int32) -> String { withBytes(index) { String(decoding: $0, as: UTF8.self) } }

    /// The id hash's state after this string's bytes.
    func hashState(_ index: Int32) -> UInt64 { hashStates[Int(index)] }

    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for index in hashStates.indices {
            var slot = IDHash.slot(hashStates[index], mask: mask)
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index + 1)
        }
    }
}
