import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// Two screens at once on one store (same HOME), against one simulator: both show every job, each job is
/// polled by one process at a time, and quitting one hands its pending jobs to the other.
///
/// Who polled what: each screen reaches the simulator through its own loopback forwarder
/// (``CountingForwarder``), which notes every poll (`GET ...?generation_id=`) passing through it. The
/// simulator's recordings cannot tell two processes apart (same User-Agent, no per-process header), the
/// forwarders can. The engine's design makes one poller per job: a poll needs the job's lease in the store
/// (`JobStore.claim`/`claimPending`, taken in one SQLite write transaction, renewed by `PollScheduler`
/// every `leaseSeconds / 3`), and a quitting engine gives its leases back (`releaseLeases`) so the other
/// takes them at its next renewal.
@Suite("Two sessions on one store", .serialized, .aloneOnTheMachine)
struct TwoSessionsTests {
    static let jobsPerScreen = 3

    @Test func bothScreensShowEveryJobEachJobHasOnePollerAndQuittingHandsJobsOver() async throws {
        // Time scale 25: a 6 s clip takes 9.6 to 12 s, so each job is polled a few times (every 3 s).
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 25))
        let port = try await simulator.start()
        let sandbox = try LiveSandbox(baseURL: "http://127.0.0.1:\(port)")
        defer { sandbox.remove() }
        let first = try CountingForwarder(upstreamPort: port)
        let second = try CountingForwarder(upstreamPort: port)
        defer {
            first.stop()
            second.stop()
        }
        do {
            try await twoScreens(simulator: simulator, sandbox: sandbox, forwarders: (first, second))
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    private func twoScreens(
        simulator: Simulator, sandbox: LiveSandbox, forwarders: (CountingForwarder, CountingForwarder)
    ) async throws {
        let (first, second) = forwarders
        let screenA = try TmuxSession(
            columns: 110, rows: 40, environment: sandbox.environment,
            command: sandbox.command(baseURL: "http://127.0.0.1:\(first.port)"))
        defer { screenA.kill() }
        let screenB = try TmuxSession(
            columns: 110, rows: 40, environment: sandbox.environment,
            command: sandbox.command(baseURL: "http://127.0.0.1:\(second.port)"))
        defer { screenB.kill() }
        try await screenA.waitFor("LIVE", timeout: .seconds(30))
        try await screenB.waitFor("LIVE", timeout: .seconds(30))
        let store = try sandbox.store()
        let leases = Self.watchLeases(store)

        // A submits, then B, then one from the command line (which does not poll: a screen adopts it).
        let fromA = try await Self.submit(on: screenA, label: "A", store: store)
        let fromB = try await Self.submit(on: screenB, label: "B", store: store)
        let cli = try await CLIRunner(home: sandbox.home, extra: ["AIML_API_KEY": sandbox.apiKey]).run([
            "--base-url", sandbox.baseURL, "submit", "--prompt", "Two sessions: from the command line", "--json",
        ])
        #expect(cli.status == 0, "\(cli.stderr)")
        let all = try store.jobs(includeHidden: true).map(\.id)
        #expect(all.count == 2 * Self.jobsPerScreen + 1)
        for screen in [screenA, screenB] {
            try await screen.waitUntil("every job on both screens") { text in all.allSatisfy { text.contains($0) } }
        }

        // A quits (Ctrl-C) while its jobs are pending; B takes them over and finishes them.
        let pendingOfA = try fromA.filter { try store.job(id: $0)?.phase == .pending }
        #expect(!pendingOfA.isEmpty, "A quits with jobs pending")
        leases.cancel()
        var holders = await leases.value
        // One more look while both still run: under a loaded machine the watcher's task can go
        // seconds without a turn, and a job accepted last may not have been seen yet.
        Self.sampleLeases(store, into: &holders)
        for (jobs, screen) in [(fromA, screenA), (fromB, screenB)] {
            let pid = try screen.panePID
            for id in jobs {
                let owners = holders[id, default: []]
                #expect(owners.count == 1, "one lease holder for \(id) while both ran: \(owners.count)")
                #expect(owners.allSatisfy { $0.split(separator: ":").dropFirst().first == "\(pid)" })
            }
        }
        let quitSent = Date()
        try screenA.sendKeys("C-c")
        try await screenA.waitForExit(timeout: .seconds(15))
        let quitDone = Date()
        try await waitForStore("every job completed", timeout: .seconds(60)) {
            try store.jobs(includeHidden: true).allSatisfy { $0.phase == .completed }
        }
        try await screenB.waitUntil("every job completed on B") { text in
            let rows = text.split(separator: "\n")
            return all.allSatisfy { id in rows.contains { $0.contains(id) && $0.contains("completed") } }
        }
        try screenB.sendKeys("C-c")
        try await screenB.waitForExit(timeout: .seconds(15))

        try Self.judge(
            simulator: simulator, store: store, polls: (first.polls(), second.polls()), quit: quitSent...quitDone,
            handedOver: pendingOfA, jobs: all, fromB: fromB)
    }

    /// Checks who polled what and prints the figure.
    private static func judge(
        simulator: Simulator, store: JobStore, polls: ([ForwardedPoll], [ForwardedPoll]), quit: ClosedRange<Date>,
        handedOver: [String],
        jobs: [String], fromB: [String]
    ) throws {
        let (byA, byB) = polls
        let generation = try Dictionary(
            uniqueKeysWithValues: jobs.map { ($0, try #require(try store.job(id: $0)?.generationID)) })
        let recorded = simulator.recordedRequests().filter { $0.kind == .poll }
        #expect(recorded.count == byA.count + byB.count, "every poll went through one of the two screens")
        var counts: [Int] = []
        var both = 0
        var handed = 0
        for id in jobs {
            let gid = generation[id]!
            let a = byA.filter { $0.generationID == gid }
            let b = byB.filter { $0.generationID == gid }
            counts.append(a.count + b.count)
            #expect(try store.pollCount(jobID: id) == a.count + b.count, "the store counted every poll of \(id)")
            // Polled by both: A polled it, and B did too before A was told to quit (B may take A's
            // jobs only once A gave their leases back, on its way out).
            if !a.isEmpty && b.contains(where: { $0.at < quit.lowerBound }) { both += 1 }
            #expect(a.allSatisfy { $0.at <= quit.upperBound }, "A polled \(id) after it ended")
            if handedOver.contains(id), !b.isEmpty, b.allSatisfy({ $0.at >= quit.lowerBound }) { handed += 1 }
            if fromB.contains(id) { #expect(a.isEmpty, "A polled \(id), which B submitted and still held") }
        }
        #expect(both == 0, "jobs polled by both screens at once")
        #expect(handed == handedOver.count, "jobs A left pending were finished by B")
        let mean = Double(counts.reduce(0, +)) / Double(max(1, counts.count))
        print(
            "FIGURE two-sessions: jobs \(jobs.count), GETs per job mean \(String(format: "%.1f", mean)) "
                + "max \(counts.max() ?? 0), jobs polled by both \(both), handed over \(handed) of \(handedOver.count)")
    }

    /// Samples, every 100 ms until cancelled, who holds the lease of each pending job: job id to holders seen.
    private static func watchLeases(_ store: JobStore) -> Task<[String: Set<String>], Never> {
        Task {
            var holders: [String: Set<String>] = [:]
            while !Task.isCancelled {
                sampleLeases(store, into: &holders)
                try? await Task.sleep(for: .milliseconds(100))
            }
            return holders
        }
    }

    /// Notes who holds a live lease on each pending job now.
    private static func sampleLeases(_ store: JobStore, into holders: inout [String: Set<String>]) {
        for job in (try? store.jobs(phases: [.pending], includeHidden: true)) ?? [] {
            if let lease = try? store.lease(jobID: job.id), lease.expiresAt > Date() {
                holders[job.id, default: []].insert(lease.owner)
            }
        }
    }

    /// Submits `jobsPerScreen` jobs from `screen` and returns their local ids once the provider accepted them.
    private static func submit(on screen: TmuxSession, label: String, store: JobStore) async throws -> [String] {
        let before = Set(try store.jobs(includeHidden: true).map(\.id))
        for job in 1...jobsPerScreen {
            try screen.type(" screen \(label) job \(job)")
            try screen.sendKeys("C-s")
            try await waitForStore("job \(job) of \(label) accepted") {
                try store.jobs(includeHidden: true).filter { !before.contains($0.id) && $0.generationID != nil }
                    .count == job
            }
        }
        return try store.jobs(includeHidden: true).map(\.id).filter { !before.contains($0) }
    }
}

/// One poll a forwarder passed on: the generation id asked about and when.
struct ForwardedPoll: Sendable {
    var generationID: String
    var at: Date
}

/// A TCP forwarder on 127.0.0.1 in front of the simulator that notes every poll request (`GET` with
/// `generation_id=`) a client sends through it. One per process under test, so polls can be told apart.
final class CountingForwarder: @unchecked Sendable {
    // `seen`, `open` and `stopped` are guarded by `lock`; the rest is set once in `init`.
    /// The port clients connect to.
    let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var seen: [ForwardedPoll] = []
    private var open: Set<Int32> = []
    private var stopped = false

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        listener = try Loopback.listen()
        port = Loopback.port(of: listener)
        Thread.detachNewThread { self.acceptLoop() }
    }

    /// The polls seen so far.
    func polls() -> [ForwardedPoll] { lock.withLock { seen } }

    /// Stops accepting and closes every connection. Safe to call more than once.
    func stop() {
        let sockets: Set<Int32>? = lock.withLock {
            defer { stopped = true }
            return stopped ? nil : open
        }
        guard let sockets else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let upstream = Loopback.connect(port: upstreamPort)
            let accepted = lock.withLock {
                guard !stopped, upstream >= 0 else { return false }
                open.formUnion([client, upstream])
                return true
            }
            guard accepted else {
                close(client)
                if upstream >= 0 { close(upstream) }
                continue
            }
            let ends = PumpEnds()
            Thread.detachNewThread { self.pump(from: client, to: upstream, sniff: true, ends: ends) }
            Thread.detachNewThread { self.pump(from: upstream, to: client, sniff: false, ends: ends) }
        }
    }

    /// Copies bytes until either side closes, then shuts both down; the second pump to end closes them.
    private func pump(from source: Int32, to target: Int32, sniff: Bool, ends: PumpEnds) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var line: [UInt8] = []
        copying: while true {
            let count = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            if sniff { scan(buffer[0..<count], line: &line) }
            var sent = 0
            while sent < count {
                let wrote = buffer[sent..<count].withUnsafeBytes {
                    send(target, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else { break copying }
                sent += wrote
            }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(target, Int32(SHUT_RDWR))
        if ends.finishOne() {
            lock.withLock {
                open.remove(source)
                open.remove(target)
            }
            close(source)
            close(target)
        }
    }

    /// Splits the client's stream into lines and notes each `GET` request line asking for a generation id.
    /// Lines longer than 8 KB (request bodies) are not kept.
    private func scan(_ bytes: ArraySlice<UInt8>, line: inout [UInt8]) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                note(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            } else if line.count < 8192 {
                line.append(byte)
            }
        }
    }

    /// A request line can follow the body of the request before it on the same line (a POST body has no
    /// line end), so the method is searched for, not expected at the start.
    private func note(_ line: String) {
        guard let method = line.range(of: "GET /"),
            let marker = line.range(of: "generation_id=", range: method.upperBound..<line.endIndex)
        else { return }
        let raw = line[marker.upperBound...].prefix { $0 != "&" && $0 != " " && $0 != "\r" }
        let id = String(raw).removingPercentEncoding ?? String(raw)
        lock.withLock { seen.append(ForwardedPoll(generationID: id, at: Date())) }
    }
}

/// Counts the two pumps of one connection down to the last.
private final class PumpEnds: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 2

    /// `true` for the second (last) caller.
    func finishOne() -> Bool {
        lock.withLock {
            running -= 1
            return running == 0
        }
    }
}
