/// An append-only array kept in fixed-size chunks: growing never copies what is stored, so it
/// never holds two copies at once (a single array doubling at a million cases does, for a
/// moment, and that moment set heal's peak memory).
struct ChunkedArray<Element: Sendable>: Sendable {
    private static var shift: Int { 16 }
    private static var mask: Int { (1 << shift) - 1 }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << Self.shift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get { chunks[index >> Self.shift][index & Self.mask] }
        set { chunks[index >> Self.shift][index & Self.mask] = newValue }
    }
}
