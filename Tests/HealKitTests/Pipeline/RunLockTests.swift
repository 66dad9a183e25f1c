import Foundation
import HealKit
import Testing
import TestSupport

@Suite struct RunLockTests {
    @Test func aSecondRunIsTurnedAwayWithTheHoldersPid() throws {
        let dir = try TempDir.make(prefix: "heal-dir")
        let first = try RunLock(healDirectory: dir, wait: false)
        #expect {
            try RunLock(healDirectory: dir, wait: false)
        } throws: { error in
            (error as? RunLockBusy)?.holder.contains("pid \(getpid())") == true
        }
        first.release()
        let second = try RunLock(healDirectory: dir, wait: false)
        second.release()
    }

    @Test func aLockWhoseHolderWasKilledIsTakenOver() throws {
        let dir = try TempDir.make(prefix: "heal-dir")
        // A real process takes the lock the way heal does and dies holding it (SIGKILL).
        let script = """
        import fcntl, os
        f = open(\(String(reflecting: dir + "/run.lock")), "a+")
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write("pid %d since then\\n" % os.getpid()); f.flush()
        os.kill(os.getpid(), 9)
        """
        let result = try Shell.run(["python3", "-c", script])
        #expect(result.status != 0, "the holder died by SIGKILL")
        let lock = try RunLock(healDirectory: dir, wait: false)
        lock.release()
    }
}
