import GitKit

/// Something that writes a fix into a workspace: the built-in `revert`, or an external agent.
///
/// An agent only edits (or commits in) the workspace it is given; heal reads the files back
/// afterwards and builds the change itself, so agents that commit and agents that only edit
/// are judged alike, and nothing in the workspace's `.git` counts.
public protocol FixAgent: Sendable {
    /// The name reports and the `dispatches` JSON use (`revert`, `claude`, …).
    var name: String { get }
    /// Works on `task` until done, failed or out of time.
    func run(_ task: AgentTask) async throws -> AgentRun
}

extension FixAgent {
    /// Whether the agent is heal's own code (the revert agent), which needs neither a sandbox
    /// nor a git repository in its workspace; its verification is boxed in all the same.
    var runsInHeal: Bool { self is RevertAgent }
}

/// Everything an agent is given for one attempt.
public struct AgentTask: Sendable {
    /// The failing test's id.
    public var test: String
    /// The failing test's file, when known.
    public var testFile: String?
    /// The directory to change: the fix base's (the deploy commit's) files.
    public var workspace: String
    /// Where the agent may leave a report of its own (codex's last message).
    public var outDirectory: String
    /// The user's repository. For heal's built-in agents only: external agents are never
    /// told where it is.
    public var repositoryPath: String
    /// The fix base.
    public var deploy: ObjectID
    /// The commits the causal hunks' old and new sides belong to.
    public var causalBase: ObjectID
    public var causalHead: ObjectID
    /// The minimal causal hunks (zero context, with lines).
    public var causalDiff: [FileDiff]
    /// The fix branch the change is for.
    public var branch: String
    /// The files the three inputs were written to: the rendered prompt, the failure output and
    /// the causal diff.
    public var promptFile: String
    public var failureFile: String
    public var causalDiffFile: String
    /// The files the agent may edit (the coverage area), for agents that take a file list.
    public var editableFiles: [String]
    /// Where the agent's output goes (`<git-common-dir>/heal/runs/<id>`).
    public var runDirectory: String
    /// When the agent's process group is killed.
    public var timeout: Duration
    /// The sandbox an external agent runs in (`Containment.Role.agent`).
    public var containment: Containment

    public init(test: String, testFile: String?, workspace: String, outDirectory: String, repositoryPath: String,
                deploy: ObjectID, causalBase: ObjectID, causalHead: ObjectID, causalDiff: [FileDiff], branch: String,
                promptFile: String, failureFile: String, causalDiffFile: String, editableFiles: [String],
                runDirectory: String, timeout: Duration, containment: Containment) {
        self.test = test
        self.testFile = testFile
        self.workspace = workspace
        self.outDirectory = outDirectory
        self.repositoryPath = repositoryPath
        self.deploy = deploy
        self.causalBase = causalBase
        self.causalHead = causalHead
        self.causalDiff = causalDiff
        self.branch = branch
        self.promptFile = promptFile
        self.failureFile = failureFile
        self.causalDiffFile = causalDiffFile
        self.editableFiles = editableFiles
        self.runDirectory = runDirectory
        self.timeout = timeout
        self.containment = containment
    }
}

/// How an agent's run ended.
public struct AgentRun: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// It finished normally; its change is judged next.
        case finished
        /// It failed (non-zero exit, an error it reported, a revert that does not apply).
        case failed(String)
        /// It ran out of time and its process group was killed.
        case timedOut(Duration)
    }

    public var ending: Ending
    /// The agent's own account of its change, when it gave one.
    public var summary: String?
    /// Its log files under the run directory.
    public var logFiles: [String]

    public init(ending: Ending, summary: String? = nil, logFiles: [String] = []) {
        self.ending = ending
        self.summary = summary
        self.logFiles = logFiles
    }

    /// Why the run failed, or nil when it finished.
    public var failureReason: String? {
        switch ending {
        case .finished: nil
        case .failed(let reason): reason
        case .timedOut(let limit): "the agent ran past its timeout of \(limit) and its process group was killed"
        }
    }
}
