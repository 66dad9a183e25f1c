/// The JUnit element names the reader acts on; everything else is `other`.
enum JUnitElement: UInt8 {
    case testsuites, testsuite, testcase
    case failure, error, skipped, flakyFailure, flakyError, rerunFailure, rerunError
    case systemOut, systemErr
    case other

    init(name: UnsafeRawBufferPointer) {
        self = Self.byName[Array(name)] ?? .other
    }

    private static let byName: [[UInt8]: JUnitElement] = [
        "testsuites": .testsuites, "testsuite": .testsuite, "testcase": .testcase,
        "failure": .failure, "error": .error, "skipped": .skipped,
        "flakyFailure": .flakyFailure, "flakyError": .flakyError,
        "rerunFailure": .rerunFailure, "rerunError": .rerunError,
        "system-out": .systemOut, "system-err": .systemErr,
    ].reduce(into: [:]) { $0[Array($1.key.utf8)] = $1.value }
}

/// The JUnit attribute names the reader keeps; everything else is `other`.
enum JUnitAttribute: UInt8 {
    case name, classname, file, line, time, message, type
    case other

    init(name: UnsafeRawBufferPointer) {
        self = Self.byName[Array(name)] ?? .other
    }

    private static let byName: [[UInt8]: JUnitAttribute] = [
        "name": .name, "classname": .classname, "file": .file, "line": .line, "time": .time,
        "message": .message, "type": .type,
    ].reduce(into: [:]) { $0[Array($1.key.utf8)] = $1.value }
}
