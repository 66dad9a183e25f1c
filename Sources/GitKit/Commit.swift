import Foundation

/// A person and time as recorded in a commit.
public struct Signature: Sendable, Equatable, Codable {
    public var name: String
    public var email: String
    public var time: Date

    public init(name: String, email: String, time: Date) {
        self.name = name
        self.email = email
        self.time = time
    }
}

/// The facts heal needs about one commit.
public struct Commit: Sendable, Equatable, Codable {
    public var id: ObjectID
    public var treeID: ObjectID
    public var parents: [ObjectID]
    public var author: Signature
    public var committer: Signature
    /// The first line of the message.
    public var summary: String
    /// The whole message.
    public var message: String

    public init(id: ObjectID, treeID: ObjectID, parents: [ObjectID], author: Signature,
                committer: Signature, summary: String, message: String) {
        self.id = id
        self.treeID = treeID
        self.parents = parents
        self.author = author
        self.committer = committer
        self.summary = summary
        self.message = message
    }
}
