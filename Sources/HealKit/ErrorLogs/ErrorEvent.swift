/// One error a log recorded: when, what was raised and where, and where in the log it is.
struct ErrorEvent: Sendable {
    /// Seconds since 1970, when the entry had a timestamp.
    var timestamp: Double?
    /// The parsed trace, when the entry carried one.
    var trace: StackTrace?
    /// The exception type named by a field (`error.type`, `exc_type`) or the level (`error`),
    /// for entries whose trace names none.
    var typeHint: String?
    /// The log message (unmasked, unredacted: masked for the signature, redacted for display).
    var message: String
    /// The entry as logged (its trace text or its lines), cut to `BoundedText.messageLimit`
    /// head and tail, for the one sample a regression shows.
    var text: String
    /// Where the entry starts.
    var file: String
    var line: Int
}
