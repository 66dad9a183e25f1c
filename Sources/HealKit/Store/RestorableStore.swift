import Foundation

/// A store heal can put back exactly as it was, around a phase in which heal itself writes
/// nothing to it (an agent's run, a verification): what an agent that reached it (only
/// possible without a sandbox) did to the breakers, attempts or cached results is undone.
public protocol RestorableStore: Sendable {
    /// A copy of everything the store holds now.
    func snapshot() async throws -> StoreSnapshot
    /// Puts the store back to `snapshot` if it differs; returns whether it did.
    func restore(_ snapshot: StoreSnapshot) async throws -> Bool
}

/// What `RestorableStore.snapshot` took: an opaque copy and a digest of its rows.
public struct StoreSnapshot: @unchecked Sendable {
    let copy: AnyObject
    let digest: [String]
}
