import Foundation
import HailuoCore
import HailuoTUI
import HailuoTUIRuntime
import Synchronization

/// An engine that accepts every submission at once and reports what it was asked; `finish`
/// sends the event of a job completing.
final class FakeEngine: ScreenEngine {
    private let state = Mutex(State())
    private let stream: AsyncStream<EngineEvent>
    private let continuation: AsyncStream<EngineEvent>.Continuation

    private struct State {
        var submitted: [GenerationParameters] = []
        var jobs: [Job] = []
        var completeOnSubmit = true
        var groups: [JobGroup] = []
        var jobReads: [Int?] = []
        var groupReads = 0
    }

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: EngineEvent.self)
    }

    /// The `limit` of every read of jobs, in order (`nil`: every job).
    var jobReads: [Int?] { state.withLock { $0.jobReads } }
    /// How many times the groups were read.
    var groupReads: Int { state.withLock { $0.groupReads } }

    /// Sends `event` as the engine would (another process's changes, say).
    func send(_ event: EngineEvent) { continuation.yield(event) }

    /// Adds a group the engine knows, as another process storing a batch would.
    func addGroup(_ group: JobGroup) { state.withLock { $0.groups.insert(group, at: 0) } }

    /// What was submitted, in order.
    var submitted: [GenerationParameters] { state.withLock { $0.submitted } }

    func submit(_ parameters: GenerationParameters) async -> EngineSubmission {
        let job = state.withLock { state in
            state.submitted.append(parameters)
            let now = Date()
            let job = Job(
                id: "fake\(String(format: "%04d", state.submitted.count))", generationID: "gen-1", phase: .pending,
                providerStatus: "queued", parameters: parameters, family: .vendor, baseURL: "http://127.0.0.1:1",
                profile: "default", createdAt: now, updatedAt: now, submittedAt: now)
            state.jobs.insert(job, at: 0)
            return job
        }
        // The provider finishes the clip a moment later: the engine says so as an event.
        var done = job
        done.phase = .completed
        done.providerStatus = "completed"
        done.finishedAt = Date()
        done.updatedAt = Date()
        done.videoURL = "https://cdn.example.com/\(job.id).mp4"
        let finished = done
        Task {
            try? await Task.sleep(for: .milliseconds(50))
            self.state.withLock { $0.jobs[0] = finished }
            self.continuation.yield(.jobChanged(finished))
            self.continuation.yield(.balance(BalanceReading(balance: Balance(amount: 12.34), at: Date(), isDemo: true)))
        }
        return .stored(job)
    }

    func submitVariants(_ parameters: GenerationParameters, count: Int) async -> EngineGroupSubmission {
        let group = JobGroup(
            id: "group\(String(format: "%03d", submitted.count))", kind: .variants,
            name: JobGroup.variantsName(count: count, prompt: parameters.prompt), createdAt: Date(), total: count)
        var jobs: [Job] = []
        for _ in 0..<count {
            if case .stored(var job) = await submit(parameters) {
                job.groupID = group.id
                jobs.append(job)
                let grouped = job
                state.withLock { state in
                    if let index = state.jobs.firstIndex(where: { $0.id == grouped.id }) {
                        state.jobs[index].groupID = grouped.groupID
                    }
                }
            }
        }
        state.withLock { $0.groups.insert(group, at: 0) }
        return .stored(group, jobs)
    }

    func setFavourite(jobID: String, _ favourite: Bool) async throws -> Job {
        try state.withLock { state in
            guard let index = state.jobs.firstIndex(where: { $0.id == jobID }) else { throw FakeError.notHere }
            state.jobs[index].favourite = favourite
            return state.jobs[index]
        }
    }

    func groups() async throws -> [JobGroup] {
        state.withLock { state in
            state.groupReads += 1
            return state.groups
        }
    }

    func pollNow(_ id: String) async throws -> Bool { true }
    func download(_ id: String) async throws -> Job { throw FakeError.notHere }
    func retry(_ id: String) async throws -> Job { throw FakeError.notHere }
    func resubmit(_ id: String) async throws -> Job { throw FakeError.notHere }
    func dismiss(_ id: String) async throws -> Job { throw FakeError.notHere }
    func setHidden(_ id: String, _ hidden: Bool) async throws -> Job { throw FakeError.notHere }

    func jobs(limit: Int?) async throws -> [Job] {
        state.withLock { state in
            state.jobReads.append(limit)
            return limit.map { Array(state.jobs.prefix($0)) } ?? state.jobs
        }
    }

    func history(jobID: String) async throws -> [JobEvent] { [] }
    func expectedGenerationWindow(for job: Job) -> ClosedRange<Double> { 240...300 }
    func quote(_ parameters: GenerationParameters) async -> PriceQuote { .known(usd: 0.294, source: .catalogue) }
    /// The catalogue lists every model but `video-01`.
    func modelRoster(refresh: Bool) async -> ModelRoster {
        let listed = ModelCatalog.ids.filter { $0 != "video-01" }.map { ListedModel(id: $0.rawValue, type: "video") }
        return ModelRoster(listing: listed, checkedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }
    func events() -> AsyncStream<EngineEvent> { stream }

    enum FakeError: Error { case notHere }
}
