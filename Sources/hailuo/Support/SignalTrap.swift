import Dispatch
import Foundation

/// Runs `body` so that SIGINT, SIGTERM and SIGHUP cancel it (it then cleans up normally)
/// instead of killing the process mid-write.
enum SignalTrap {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let signals = [SIGINT, SIGTERM, SIGHUP]
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for number in signals { signal(number, SIG_DFL) }
        }
        return try await task.value
    }
}
