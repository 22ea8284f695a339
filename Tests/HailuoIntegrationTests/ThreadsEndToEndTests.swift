import Foundation
import HailuoTestSupport
import Testing

/// The real `hailuo` screen's threads: Swift concurrency runs on hailuo's own pool, pictures on
/// their own thread, and no libdispatch worker is ever made (its pool would wake an idle hailuo
/// every second from then on). Each thread carries a name, as `top -H` and htop show it.
@Suite("Threads of the running screen", .serialized, .sharesTheMachine)
struct ThreadsEndToEndTests {
    @Test func aSessionWithPicturesAndAJobRunsOnHailuosOwnNamedThreads() async throws {
        let home = try TemporaryFolder("hailuo-threads").url
        defer { try? FileManager.default.removeItem(at: home) }
        let image = home.appendingPathComponent("boat.png")
        try Data(SyntheticImage.png(width: 640, height: 360)).write(to: image)
        let tmux = try TmuxSession.hailuo(
            columns: 120, rows: 40, home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60"])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("A paper boat")
        try tmux.sendKeys("Tab")
        try tmux.type(image.path)
        try await tmux.waitFor("PNG 640x360")  // the picture is made on its own thread
        try tmux.sendKeys("C-s")
        try await tmux.waitFor("completed", timeout: .seconds(60))

        let names = try Self.threadNames(of: tmux.programPID)
        #expect(names.contains { $0.hasPrefix("hailuo-pool-") }, "threads: \(names)")
        #expect(names.contains("hailuo-ui"), "threads: \(names)")
        #expect(names.contains("hailuo-watch"), "threads: \(names)")
        #expect(names.contains("hailuo-pics-1"), "threads: \(names)")
        // libdispatch names its workers after their queues ("com.apple.root.default-qos", cut to
        // the kernel's 15 bytes): none may exist.
        #expect(!names.contains { $0.contains("qos") }, "a libdispatch worker: \(names)")
        try tmux.sendKeys("Escape")  // to the jobs table, where q quits
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    /// The names (`comm`) of every thread of `pid`.
    static func threadNames(of pid: pid_t) throws -> [String] {
        let tasks = "/proc/\(pid)/task"
        return try FileManager.default.contentsOfDirectory(atPath: tasks).compactMap { thread in
            (try? String(contentsOfFile: "\(tasks)/\(thread)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
