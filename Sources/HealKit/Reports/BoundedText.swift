/// Collects text up to a byte budget, keeping its head and its tail (where tracebacks end) and
/// marking the cut, so a test that prints gigabytes costs kilobytes.
struct BoundedText: Sendable {
    static let messageLimit = 2_048
    static let outputLimit = 16_384

    private let headLimit: Int
    private let tailLimit: Int
    private var head = ""
    private var headBytes = 0
    private var tail = ""
    private var tailBytes = 0
    private var droppedBytes = 0

    init(limit: Int = BoundedText.outputLimit) {
        headLimit = limit / 4
        tailLimit = limit - limit / 4
    }

    var isEmpty: Bool { headBytes == 0 }

    mutating func append(_ text: String) {
        let bytes = text.utf8.count
        if headBytes + bytes <= headLimit && tailBytes == 0 {
            head += text
            headBytes += bytes
            return
        }
        tail += text
        tailBytes += bytes
        // Trim in batches so appending stays amortised O(1).
        if tailBytes > 2 * tailLimit { trimTail() }
    }

    /// The collected text, or nil when nothing was appended.
    var text: String? {
        guard headBytes + tailBytes > 0 else { return nil }
        var copy = self
        copy.trimTail()
        if copy.droppedBytes == 0 { return copy.head + copy.tail }
        return copy.head + "\n[… \(copy.droppedBytes) bytes cut by heal …]\n" + copy.tail
    }

    private mutating func trimTail() {
        guard tailBytes > tailLimit else { return }
        let utf8 = tail.utf8
        var cut = utf8.index(utf8.startIndex, offsetBy: tailBytes - tailLimit)
        // Cut on a character boundary.
        while cut < utf8.endIndex, UTF8.isContinuation(utf8[cut]) { cut = utf8.index(after: cut) }
        let removed = utf8.distance(from: utf8.startIndex, to: cut)
        tail = String(tail[cut...])
        droppedBytes += removed
        tailBytes -= removed
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
