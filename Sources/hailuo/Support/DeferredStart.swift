import HailuoEngine
import Synchronization

/// Starts the engine (polling, lease renewal, the balance, the store watcher) once, when the
/// screen has shown the store's jobs, so that work does not compete with the first read of a
/// large store. Should the jobs never arrive (an unreadable store), it starts after
/// ``latest`` anyway. ``finish()`` waits for a start in flight and refuses later ones, so a
/// shutdown never overtakes or precedes a start.
final class DeferredStart: Sendable {
    /// The longest the engine waits for the screen.
    static let latest: Duration = .seconds(2)

    private struct State {
        var task: Task<Void, Never>?
        var finished = false
    }

    private let engine: GenerationEngine
    private let state = Mutex(State())

    init(engine: GenerationEngine) {
        self.engine = engine
        Task { [weak self] in
            try? await Task.sleep(for: Self.latest)
            self?.start()
        }
    }

    /// Starts the engine, the first time only, unless ``finish()`` came first (safe from any thread).
    func start() {
        state.withLock { state in
            guard state.task == nil, !state.finished else { return }
            let engine = engine
            state.task = Task { await engine.start() }
        }
    }

    /// Waits until a start that was asked for has finished; no start happens after this.
    func finish() async {
        let task = state.withLock { state in
            state.finished = true
            return state.task
        }
        await task?.value
    }
}
