import Foundation

extension SecretRedactor {
    /// The most of a log that is redacted; a longer log keeps its last `maxLogBytes`.
    static let maxLogBytes = 4 << 20

    /// Rewrites a log a process heal ran wrote (an agent's output, a test run's), with the
    /// secrets `redactTokens` finds taken out (`onlyEnvironment`: only the values of heal's
    /// secret-looking variables, which is cheap enough for every test run's log). A log over
    /// `maxLogBytes` keeps its end.
    static func redactLog(at path: String, onlyEnvironment: Bool = false) {
        if onlyEnvironment && environmentSecrets.isEmpty { return }
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(maxLogBytes) ? size - UInt64(maxLogBytes) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        try? handle.close()
        let text = String(decoding: data, as: UTF8.self)
        let redacted = onlyEnvironment ? redactEnvironmentValues(text) : redactTokens(text)
        guard redacted != text || start > 0 else { return }
        let cut = start > 0 ? "(… the first \(start) bytes cut)\n" : ""
        try? Data((cut + redacted).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
