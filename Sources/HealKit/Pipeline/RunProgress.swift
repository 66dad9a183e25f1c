/// Receives `heal run`'s progress, one line per long step (`running the suite at 1a2b3c4
/// (before)…`), without the `heal: ` prefix: the CLI writes them to standard error, the demo
/// indents them under its own narration.
public typealias RunProgress = @Sendable (String) -> Void
