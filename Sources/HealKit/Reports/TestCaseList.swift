/// The test cases of a report, in the order they were read, ids unique.
///
/// A random-access collection of `TestCase` values backed by compact storage (a million cases
/// take tens of megabytes, not hundreds): iterate, `map`, `filter` and index it like an array;
/// `Array(report.tests)` when an array is needed.
public struct TestCaseList: RandomAccessCollection, Sendable {
    var store: CaseStore

    init(store: CaseStore) { self.store = store }

    public var startIndex: Int { 0 }
    public var endIndex: Int { store.count }
    public subscript(position: Int) -> TestCase { store.testCase(at: position) }
}
