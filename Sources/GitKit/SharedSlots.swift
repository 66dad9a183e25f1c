import Foundation

/// Values that worker threads write into numbered slots and the calling thread reads after
/// the work is done.
final class SharedSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}

/// A dictionary that worker threads write to.
final class SharedDictionary<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]

    subscript(key: Key) -> Value? {
        get { lock.withLock { storage[key] } }
        set { lock.withLock { storage[key] = newValue } }
    }
}

typealias ResultSlots = SharedSlots<ContentResult>
typealias PrintSlots = SharedSlots<SpanHashes>
typealias FactStore = SharedDictionary<ObjectID, ContentFacts>
