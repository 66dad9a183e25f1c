import Foundation

/// FNV-1a over a test id's bytes. Byte by byte, so the state after an interned prefix can be
/// kept and an id hashed by walking only its suffix, wherever the id is split.
enum IDHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ bytes: UnsafeRawBufferPointer, from state: UInt64 = seed) -> UInt64 {
        var hash = state
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Where a finished hash starts probing in a table of `mask + 1` slots.
    static func slot(_ hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }
}

extension IDHash {
    /// Whether two byte ranges hold the same bytes.
    static func equal(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard first.count == second.count else { return false }
        return first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0
    }
}
