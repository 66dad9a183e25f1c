/// Collects text up to a byte budget, keeping its head and its tail (where tracebacks end) and
/// marking the cut, so a test that prints gigabytes costs kilobytes.
///
/// Kept as UTF-8 bytes: readers append raw parser bytes, and a String is only built for the
/// few cases (the non-passing ones) that keep their output.
struct BoundedText: Sendable {
    static let messageLimit = 2_048
    static let outputLimit = 16_384

    private let headLimit: Int
    private let tailLimit: Int
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    private var droppedBytes = 0

    init(limit: Int = BoundedText.outputLimit) {
        headLimit = limit / 4
        tailLimit = limit - limit / 4
    }

    var isEmpty: Bool { head.isEmpty }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends UTF-8 bytes; `bytes` must not end inside a character.
    mutating func append(bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if head.count + bytes.count <= headLimit && tail.isEmpty {
            head.append(contentsOf: bytes)
            return
        }
        tail.append(contentsOf: bytes)
        // Trim in batches so appending stays amortised O(1).
        if tail.count > 2 * tailLimit { trimTail() }
    }

    /// Forgets everything collected, keeping the buffers' storage for the next case.
    mutating func removeAll() {
        head.removeAll(keepingCapacity: true)
        tail.removeAll(keepingCapacity: true)
        droppedBytes = 0
    }

    /// The collected text, or nil when nothing was appended.
    var text: String? {
        guard head.count + tail.count > 0 else { return nil }
        var copy = self
        copy.trimTail()
        if copy.droppedBytes == 0 { return String(decoding: copy.head + copy.tail, as: UTF8.self) }
        return String(decoding: copy.head, as: UTF8.self) + "\n[… \(copy.droppedBytes) bytes cut by heal …]\n"
            + String(decoding: copy.tail, as: UTF8.self)
    }

    private mutating func trimTail() {
        guard tail.count > tailLimit else { return }
        var cut = tail.count - tailLimit
        // Cut on a character boundary.
        while cut < tail.count, UTF8.isContinuation(tail[cut]) { cut += 1 }
        tail.removeFirst(cut)
        droppedBytes += cut
    }

    /// `text` cut to `limit` bytes the same way.
    static func clip(_ text: String?, limit: Int = BoundedText.messageLimit) -> String? {
        guard let text else { return nil }
        guard text.utf8.count > limit else { return text }
        var bounded = BoundedText(limit: limit)
        bounded.append(text)
        return bounded.text
    }
}
