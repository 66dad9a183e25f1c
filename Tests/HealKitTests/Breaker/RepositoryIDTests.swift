import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Repository id")
struct RepositoryIDTests {
    @Test(arguments: [
        "git@github.com:Owner/Repo.git",
        "ssh://git@github.com/owner/repo",
        "ssh://git@github.com:22/owner/repo.git/",
        "https://github.com/owner/repo.git",
        "https://x-access-token:ghs_secret@github.com/Owner/Repo",
        "http://github.com/owner/repo/",
        "git://github.com/owner/repo.git",
        "https://github.com/owner/repo.git?ref=1",
    ])
    func sshAndHTTPSFormsOfOneGitHubRepositoryAgree(url: String) {
        #expect(RepositoryID.normalize(remoteURL: url) == "github.com/owner/repo")
    }

    @Test func credentialsNeverSurvive() throws {
        let id = try #require(RepositoryID.normalize(remoteURL: "https://user:hunter2@git.example.com:8443/team/Svc.git"))
        #expect(id == "git.example.com/team/Svc")
        #expect(!id.contains("hunter2"))
    }

    @Test func nestedGroupsAndLocalPaths() {
        #expect(RepositoryID.normalize(remoteURL: "git@gitlab.com:Group/Sub/Repo.git") == "gitlab.com/group/sub/repo")
        #expect(RepositoryID.normalize(remoteURL: "/srv/git/app.git") == "file:/srv/git/app")
        #expect(RepositoryID.normalize(remoteURL: "file:///srv/git/app.git/") == "file:/srv/git/app")
        #expect(RepositoryID.normalize(remoteURL: "./a:b") == "file:./a:b")
        #expect(RepositoryID.normalize(remoteURL: "  ") == nil)
    }

    @Test func usesOriginWhenThereIsOne() throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        // gitlab.com: this machine's git config rewrites github.com URLs (url.*.insteadOf),
        // and libgit2 reports the rewritten URL.
        try repo.git("remote", "add", "origin", "git@gitlab.com:Owner/Repo.git")
        #expect(try RepositoryID.of(Repository(discovering: repo.path)) == "gitlab.com/owner/repo")
    }

    @Test func fallsBackToTheRootCommitSharedByClones() throws {
        let repo = try TempRepo()
        let root = try repo.commitAll("first")
        try repo.commitAll("second")
        let id = try RepositoryID.of(Repository(discovering: repo.path))
        #expect(id == "root:" + root)
        let elsewhere = try TempDir.make(prefix: "clone")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Shell.check(["git", "clone", "-q", repo.path, elsewhere + "/c"])
        try Shell.check(["git", "remote", "remove", "origin"], in: elsewhere + "/c")
        #expect(try RepositoryID.of(Repository(discovering: elsewhere + "/c")) == id)
    }

    @Test func anEmptyRepositoryWithoutRemoteIsAnInputError() throws {
        let repo = try TempRepo()
        #expect(throws: RepositoryIDError.self) { try RepositoryID.of(Repository(discovering: repo.path)) }
    }
}
