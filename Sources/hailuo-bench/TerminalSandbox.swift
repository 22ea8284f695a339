import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport

/// A private home for one run of the real `hailuo` screen: its own HOME and XDG folders, a
/// `Simulator` on 127.0.0.1 as the API (LIVE mode, `--base-url`), and the job store the binary
/// will open, which the benchmark seeds and changes directly, as another hailuo process would.
///
/// Seeded pending jobs are leased to a holder that stays alive (``benchOwner``), so the screen's
/// engine does not poll them: what the screen costs is measured, not polling (figure 1's subject).
final class TerminalSandbox: @unchecked Sendable {
    /// The lease holder of the seeded pending jobs (not `host:pid:…`, so always taken as alive).
    static let benchOwner = "hailuo-bench"
    /// Terminal size of every screen measured (and of htop beside it).
    static let columns = 120
    static let rows = 40

    let home: URL
    let simulator: Simulator
    let store: JobStore
    let baseURL: String
    private var counter = 0

    /// Makes the folders, starts the simulator and opens (creating) the store.
    static func make() async throws -> TerminalSandbox {
        let home = try TemporaryFolder("hailuo-bench").url
        let simulator = Simulator()
        do {
            let port = try await simulator.start()
            return try TerminalSandbox(home: home, simulator: simulator, baseURL: "http://127.0.0.1:\(port)")
        } catch {
            await simulator.stop()
            TemporaryFolder.remove(home)
            throw error
        }
    }

    private init(home: URL, simulator: Simulator, baseURL: String) throws {
        self.home = home
        self.simulator = simulator
        self.baseURL = baseURL
        let paths = HailuoPaths(environment: Self.environment(home: home, baseURL: baseURL))
        _ = try paths.createStateDirectory()
        store = try JobStore(url: paths.databaseFile(demo: false))
    }

    /// Runs `body` with a new sandbox and closes it afterwards, whether `body` throws or not.
    static func with<T: Sendable>(_ body: (TerminalSandbox) async throws -> T) async throws -> T {
        let sandbox = try await make()
        do {
            let result = try await body(sandbox)
            await sandbox.close()
            return result
        } catch {
            await sandbox.close()
            throw error
        }
    }

    /// Stops the simulator and removes the folders (kept, and named on standard error, when
    /// `HAILUO_BENCH_KEEP` is set: for profiling a start against the same store by hand).
    func close() async {
        await simulator.stop()
        if ProcessInfo.processInfo.environment["HAILUO_BENCH_KEEP"] != nil {
            FileHandle.standardError.write(Data("kept the sandbox \(home.path)\n".utf8))
            return
        }
        TemporaryFolder.remove(home)
    }

    /// The whole environment of a program run in this sandbox (nothing inherited).
    var environment: [String: String] { Self.environment(home: home, baseURL: baseURL) }

    private static func environment(home: URL, baseURL: String) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_VIDEOS_DIR": home.appendingPathComponent("videos").path,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "AIML_API_KEY": "bench-not-a-real-key",
            "AIML_API_BASE_URL": baseURL,
        ]
    }

    /// Starts the `hailuo` screen on its own pseudo-terminal of the standard size.
    func startScreen(_ binary: String) throws -> PtyProcess {
        try PtyProcess(
            arguments: [binary, "--base-url", baseURL], environment: environment, columns: Self.columns,
            rows: Self.rows)
    }

    /// Inserts `count` jobs: the newest `pending` of them pending (leased to ``benchOwner``), the rest
    /// completed. Created one second apart, newest now; the newest's prompt is `newestPrompt`.
    /// Returns their ids, newest first.
    @discardableResult
    func seed(count: Int, pending: Int, newestPrompt: String = "a paper boat on a rainy street") throws -> [String] {
        let now = Date()
        var ids: [String] = []
        ids.reserveCapacity(count)
        for index in 0..<count {
            counter += 1
            let created = now.addingTimeInterval(-Double(index) - 5)
            let prompt = index == 0 ? newestPrompt : "bench clip \(counter): a lighthouse at dusk, waves, slow pan"
            var job = Job.fixture(
                id: LocalID.make(), phase: .pending, providerStatus: "generating", prompt: prompt, baseURL: baseURL,
                createdAt: created, generationID: String(format: "9%017d", counter))
            if index >= pending {
                job.phase = .completed
                job.providerStatus = "completed"
                job.finishedAt = created.addingTimeInterval(1)
                job.videoURL = "\(baseURL)/files/\(job.id).mp4"
                job.filePath = home.appendingPathComponent("videos/hailuo/\(job.id).mp4").path
                job.downloadedAt = job.finishedAt
            }
            try store.insert(
                job, leaseOwner: job.phase == .pending ? Self.benchOwner : nil, leaseSeconds: 86_400)
            ids.append(job.id)
        }
        return ids
    }

    /// Marks a pending job completed, as the process polling it would.
    func complete(_ id: String) throws {
        let baseURL = baseURL
        try store.update(id) { job in
            job.phase = .completed
            job.providerStatus = "completed"
            job.finishedAt = Date()
            job.videoURL = "\(baseURL)/files/\(job.id).mp4"
        }
    }
}
