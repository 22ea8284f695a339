import Foundation
import HailuoCore
import Synchronization

/// Fans engine events out to every subscriber's `AsyncStream`, from any thread.
final class EventHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<EngineEvent>.Continuation]>([:])

    /// A new stream of every event from now on; ends when the hub finishes.
    func subscribe() -> AsyncStream<EngineEvent> {
        let (stream, continuation) = AsyncStream<EngineEvent>.makeStream(bufferingPolicy: .bufferingNewest(4096))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { $0[id] = nil }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func emit(_ event: EngineEvent) {
        let all = subscribers.withLock { Array($0.values) }
        for continuation in all { continuation.yield(event) }
    }

    func finish() {
        let all = subscribers.withLock { current in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for continuation in all { continuation.finish() }
    }
}
