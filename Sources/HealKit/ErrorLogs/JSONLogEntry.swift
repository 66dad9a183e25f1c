import Foundation

/// What one JSON log line says, from the field names common loggers use: python-json-logger
/// (`exc_info`), structlog (`event`, `exception`), logstash-logback-encoder and ECS
/// (`stack_trace`, `error.stack_trace`), pino and bunyan (`err.stack`, numeric levels), zap
/// (`stacktrace`), winston (`stack`), Serilog compact (`@t`, `@l`, `@x`), and Sentry-style
/// structured frames (`exception.values[].stacktrace.frames`).
enum JSONLogEntry {
    static let timestampKeys = ["timestamp", "@timestamp", "time", "ts", "@t", "asctime", "created", "datetime", "date",
                                "t", "eventTime", "logged_at"]
    static let levelKeys = ["level", "levelname", "severity", "log.level", "lvl", "loglevel", "@l", "levelName"]
    static let messageKeys = ["message", "msg", "event", "@m", "@mt"]
    static let traceKeys = ["exc_info", "exc_text", "exception", "stack_trace", "stacktrace", "stack", "traceback",
                            "error.stack_trace", "error.stack", "err.stack", "@x", "exception.stacktrace",
                            "exception.stack_trace"]
    static let typeKeys = ["exc_type", "error.type", "error.kind", "err.type", "exception.type", "exception.class",
                           "error.class", "exception_class"]
    static let errorLevels: Set<String> = ["error", "err", "critical", "crit", "fatal", "panic", "dpanic", "alert",
                                           "emergency", "emerg", "severe"]

    /// The entry's timestamp, and the error it records (nil for an entry that is no error:
    /// no trace, and a level below error).
    static func read(_ object: [String: Any], file: String, line: Int) -> (timestamp: Double?, event: ErrorEvent?) {
        let timestamp = timestampKeys.lazy.compactMap { value(object, $0).flatMap(LogTimestamp.value) }.first
        let traceText = traceKeys.lazy.compactMap { value(object, $0) as? String }.first { !$0.isEmpty }
        let structured = sentryTrace(object)
        let trace = structured ?? traceText.flatMap(StackTraceParser.parse)
        let level = levelKeys.lazy.compactMap { value(object, $0) }.first
        guard trace != nil || traceText != nil || isError(level) else { return (timestamp, nil) }
        var message = messageKeys.lazy.compactMap { value(object, $0) as? String }.first ?? ""
        for key in ["error", "err", "error.message"] {
            if let detail = value(object, key) as? String, !detail.isEmpty, detail != message {
                message += message.isEmpty ? detail : ": \(detail)"
                break
            }
        }
        let typeHint = typeKeys.lazy.compactMap { value(object, $0) as? String }.first { !$0.isEmpty }
            ?? (isError(level) ? "error" : nil)
        let text = traceText ?? structured.map(describe) ?? message
        return (timestamp, ErrorEvent(timestamp: timestamp, trace: trace, typeHint: typeHint, message: message,
                                      text: BoundedText.clip(text) ?? "", file: file, line: line))
    }

    /// `object[key]`, or the nested value for a dotted key (`error.stack` in `{"error": {"stack": …}}`).
    static func value(_ object: [String: Any], _ key: String) -> Any? {
        if let direct = object[key] { return direct is NSNull ? nil : direct }
        guard let dot = key.firstIndex(of: ".") else { return nil }
        guard let inner = object[String(key[..<dot])] as? [String: Any] else { return nil }
        return value(inner, String(key[key.index(after: dot)...]))
    }

    private static func isError(_ level: Any?) -> Bool {
        if let text = level as? String { return errorLevels.contains(text.lowercased()) }
        // pino and bunyan: 50 error, 60 fatal.
        if let number = level as? NSNumber { return number.doubleValue >= 50 && number.doubleValue <= 60 }
        return false
    }

    /// Sentry's event shape: `exception.values[]` oldest (the innermost cause) first, each
    /// with `stacktrace.frames[]` outermost first.
    static func sentryTrace(_ object: [String: Any]) -> StackTrace? {
        let values = (value(object, "exception.values") as? [Any]) ?? (object["exception"] as? [Any])
        guard let values else { return nil }
        let chain: [TracedException] = values.compactMap { item in
            guard let exception = item as? [String: Any] else { return nil }
            let frames = ((value(exception, "stacktrace.frames") as? [Any]) ?? []).compactMap { frame($0) }
            return TracedException(type: (exception["type"] as? String) ?? "", message: (exception["value"] as? String) ?? "",
                                   frames: frames.reversed())
        }
        return chain.isEmpty ? nil : StackTrace(chain: chain)
    }

    private static func frame(_ item: Any) -> StackFrame? {
        guard let frame = item as? [String: Any] else { return nil }
        var file = (frame["abs_path"] as? String) ?? (frame["filename"] as? String) ?? ""
        if !file.contains("/"), let module = frame["module"] as? String, module.contains(".") {
            // JVM frames name the class in `module` and only the file name in `filename`.
            file = (module.split(separator: ".").dropLast().map(String.init) + [file]).joined(separator: "/")
        }
        guard !file.isEmpty else { return nil }
        let line = (frame["lineno"] as? NSNumber)?.intValue
        return StackFrame(file: file, function: (frame["function"] as? String) ?? "<unknown>", line: line)
    }

    private static func describe(_ trace: StackTrace) -> String {
        trace.chain.map { exception in
            (["\(exception.type): \(exception.message)"]
             + exception.frames.map { "  at \($0.function) (\($0.file):\($0.line.map(String.init) ?? "?"))" })
                .joined(separator: "\n")
        }.joined(separator: "\nwhile handling it:\n")
    }
}
