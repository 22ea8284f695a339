import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Errors of `Simulator.start()`.
public enum SimulatorError: Error, Sendable {
    /// `start()` was called while an earlier `start()` was still binding.
    case alreadyStarting
    /// The server stopped before it was listening.
    case stoppedBeforeListening
}

/// A fake AI/ML API (MiniMax Hailuo video endpoints, both families) on loopback HTTP.
///
/// Routes (the provider's routes, docs/PROVIDER.md; all but the catalogue need `Authorization: Bearer <key>`):
/// - vendor: `POST /v2/generate/video/minimax/generation`, `GET ...?generation_id=ID`;
/// - unified: `POST /v2/video/generations`, `GET ...?generation_id=ID`;
/// - money: `GET /v1/models[?id=ID][&include=pricing]` (no key; `ETag` / `If-None-Match`),
///   `GET /v2/billing`, `GET /v2/logs?period=24h|start=..&end=..[&model=..][&status=..][&limit=N][&offset=N]`;
/// - downloads (no auth, signed): `GET /files/<id>.mp4?Expires=<unix s>&Signature=<hex>`,
///   with `Range: bytes=N-` / `bytes=N-M` / `bytes=-N` (206) support;
/// - control (no auth, not recorded): `POST /__sim/faults` (a `FaultRule` JSON object or an array of
///   them; `on` defaults to `any`, a missing `count` means 1, `"count": null` means every request),
///   `GET /__sim/requests`, `GET /__sim/issued`, `POST /__sim/advance?seconds=N` (provider seconds),
///   `POST /__sim/reset`, `POST /__sim/playground` (`{"model", "prompt", "duration", "resolution"}`:
///   `addPlaygroundJob`, answers `{"generation_id": ID}`).
///
/// Money and tracing (API.md "Money and tracing"): create and poll answers carry `x-inference-id`,
/// the echo of a valid `X-Client-Request-Id`, `meta.usage` `{"credits_used", "usd_spent"}` and the
/// `x-aimlapi-credits-used` / `x-aimlapi-usd-spent` headers with the job's price (`SimulatorPrices`,
/// or the catalogue as changed at run time); a failed job's answers say 0. The balance loses a job's
/// price when the job completes on simulated time; every create has a request-log row.
///
/// Jobs live on simulated time: `queued` for the first 10 % of their span, then `generating`, then
/// `completed`; a 6 s clip takes 240...300 provider seconds, a 10 s clip 480...540, divided by
/// `timeScale` in real time. Ids are stateless (see `GenerationID`): another instance answers them.
/// Prompt markers pick other endings; see `SimulatorPromptMarker` (`[sim:fail]`, `[sim:fail-early]`, `[sim:error-detail]`,
/// `[sim:error-text]`, `[sim:unknown-status]`, `[sim:no-url]`, `[sim:lost]`).
///
/// Faults come from the configuration (per run), from `inject` / `POST /__sim/faults`, or from a
/// request's `X-Simulator-Fault: <raw value>` header (an unknown value answers 400); see `SimulatorFault`.
public final class Simulator: Sendable {
    /// The configuration this simulator was made with.
    public let configuration: SimulatorConfiguration

    let state: LockedState<SimulatorState>
    private let server = LockedState(ServerState())
    let logger: Logger

    private struct ServerState {
        var task: Task<Void, Never>?
        var group: ServiceGroup?
        var port: Int?
    }

    /// Seconds `stop()` waits for a graceful shutdown before it cancels what is left.
    static let stopGracePeriod: Double = 2

    /// A simulator that is not listening yet; call `start()`.
    public init(configuration: SimulatorConfiguration = .init()) {
        self.configuration = configuration
        self.state = LockedState(SimulatorState(runFaults: configuration.faults, catalogue: configuration.catalogue))
        if let logger = configuration.logger {
            self.logger = logger
        } else {
            var logger = Logger(label: "hailuo.simulator")
            logger.logLevel = .warning
            self.logger = logger
        }
    }

    /// Binds and starts serving; returns the port once the server is listening.
    /// Calling it again while running returns the same port.
    @discardableResult
    public func start() async throws -> Int {
        let ready = ReadySignal()
        let alreadyRunning: Int?? = server.withLock { server in
            if let port = server.port { return .some(port) }
            if server.task != nil { return .some(nil) }
            let app = Application(
                responder: CallbackResponder<BasicRequestContext> { [self] request, _ in
                    await self.respond(to: request)
                },
                configuration: ApplicationConfiguration(
                    address: .hostname(configuration.host, port: configuration.port),
                    serverName: nil
                ),
                onServerRunning: { channel in
                    ready.resolve(.success(channel.localAddress?.port ?? 0))
                },
                logger: logger
            )
            let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
            server.group = group
            server.task = Task {
                do {
                    try await group.run()
                    ready.resolve(.failure(SimulatorError.stoppedBeforeListening))
                } catch {
                    ready.resolve(.failure(error))
                }
            }
            return nil
        }
        switch alreadyRunning {
        case .some(.some(let port)): return port
        case .some(.none): throw SimulatorError.alreadyStarting
        case .none: break
        }
        do {
            let port = try await ready.wait()
            server.withLock { $0.port = port }
            return port
        } catch {
            let task = server.withLock { server -> Task<Void, Never>? in
                defer {
                    server.task = nil
                    server.group = nil
                }
                return server.task
            }
            task?.cancel()
            await task?.value
            throw error
        }
    }

    /// Starts (if needed) and serves until the calling task is cancelled, then stops gracefully.
    /// Meant for `hailuo simulate`: run it in a task and cancel that task on SIGINT/SIGTERM.
    public func runUntilCancelled() async throws {
        try await start()
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        await stop()
    }

    /// The port while running, nil before `start()` and after `stop()`.
    public var port: Int? { server.withLock { $0.port } }

    /// `http://HOST:PORT` once started (empty before).
    public var baseURL: String {
        guard let port else { return "" }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)"
    }

    /// Stops the server gracefully: the listener closes, idle connections close, a `slow` fault's
    /// wait ends early, and requests in flight finish; whatever is left after a short grace period
    /// is cancelled. Returns when the server is down. Safe to call twice.
    public func stop() async {
        let (task, group) = server.withLock { server -> (Task<Void, Never>?, ServiceGroup?) in
            defer {
                server.task = nil
                server.group = nil
                server.port = nil
            }
            return (server.task, server.group)
        }
        guard let task else { return }
        await group?.triggerGracefulShutdown()
        let deadline = Task {
            try? await Task.sleep(for: .seconds(Self.stopGracePeriod))
            if !Task.isCancelled { task.cancel() }
        }
        await task.value
        deadline.cancel()
    }

    /// Applies `fault` to the next `count` requests of kind `on` (`nil` = every one, until `reset()`).
    public func inject(_ fault: SimulatorFault, on: RequestKind, count: Int? = 1) {
        inject(FaultRule(fault: fault, on: on, count: count))
    }

    /// Adds `rule` after the already injected ones.
    public func inject(_ rule: FaultRule) {
        state.withLock { $0.injected.append(rule) }
    }

    /// Every request received so far (control routes excepted), oldest first.
    public func recordedRequests() -> [RecordedRequest] {
        state.withLock { $0.recordings }
    }

    /// Every id a create issued, as handed out (unified ids with `:model`), including ids whose
    /// answer was lost to a fault or a `[sim:lost]` marker.
    public func issuedGenerationIDs() -> [String] {
        state.withLock { $0.issued }
    }

    /// Moves simulated time forward by `seconds` provider seconds (at `timeScale` 60, 60 provider
    /// seconds are 1 real second). Also ages download links by `seconds / timeScale` real seconds.
    public func advanceClock(by seconds: Double) {
        let scale = timeScale
        state.withLock { $0.clockOffset += seconds / scale }
    }

    /// Forgets recordings, issued ids, injected faults, request counts and the `/v2/logs` rate-limit
    /// window, re-arms the configuration's faults and restores its catalogue. Jobs keep running (their
    /// ids still answer), and the balance and the request logs keep them.
    public func reset() {
        let runFaults = configuration.faults
        let catalogue = configuration.catalogue
        state.withLock { state in
            state.recordings = []
            state.issued = []
            state.injected = []
            state.runFaults = runFaults
            state.catalogue = catalogue
            state.requestCounts = [:]
            state.logsWindow = []
        }
    }

    /// The time scale in use (a non-positive configured value counts as 1).
    var timeScale: Double { configuration.timeScale > 0 ? configuration.timeScale : 1 }

    /// Wall-clock seconds since 1970 plus the advanced offset.
    func clockNow() -> Double {
        Date().timeIntervalSince1970 + state.withLock { $0.clockOffset }
    }
}

/// Hands the listening port (or the start failure) from the server task to `start()`.
private final class ReadySignal: Sendable {
    private let box = LockedState<(result: Result<Int, any Error>?, waiter: CheckedContinuation<Int, any Error>?)>(
        (nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter = box.withLock { box -> CheckedContinuation<Int, any Error>? in
            guard box.result == nil else { return nil }
            box.result = result
            defer { box.waiter = nil }
            return box.waiter
        }
        waiter?.resume(with: result)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = box.withLock { box -> Result<Int, any Error>? in
                if let result = box.result { return result }
                box.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
