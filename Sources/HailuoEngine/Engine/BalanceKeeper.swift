import Foundation
import HailuoCore

/// Keeps the latest balance reading and refreshes it in the background: one request in flight at
/// a time, at most one per ``minimumInterval``. A refresh asked for sooner is done when the interval
/// has passed (asks in between fold into that one); nothing waits for it.
actor BalanceKeeper {
    /// Seconds between two balance requests, at least.
    let minimumInterval: Double
    private let fetch: @Sendable () async -> Balance?
    private let publish: @Sendable (BalanceReading) -> Void
    private let isDemo: Bool
    private(set) var latest: BalanceReading?
    private var lastRequest: ContinuousClock.Instant?
    private var wanted = false
    private var worker: Task<Void, Never>?
    private var stopped = false

    init(
        minimumInterval: Double = 60, isDemo: Bool, fetch: @escaping @Sendable () async -> Balance?,
        publish: @escaping @Sendable (BalanceReading) -> Void
    ) {
        self.minimumInterval = minimumInterval
        self.isDemo = isDemo
        self.fetch = fetch
        self.publish = publish
    }

    /// Asks for a fresh reading; returns at once.
    func refresh() {
        guard !stopped else { return }
        wanted = true
        guard worker == nil else { return }
        worker = Task { await self.work() }
    }

    /// Keeps a reading made elsewhere (a one-off fetch) and publishes it.
    func keep(_ reading: BalanceReading) {
        latest = reading
        publish(reading)
    }

    /// Stops refreshing; a request in flight is cancelled.
    func stop() {
        stopped = true
        worker?.cancel()
        worker = nil
    }

    private func work() async {
        while wanted, !stopped, !Task.isCancelled {
            if let last = lastRequest {
                let next = last + .seconds(minimumInterval)
                if next > .now { try? await Task.sleep(until: next, clock: .continuous) }
                guard !Task.isCancelled, !stopped else { break }
            }
            wanted = false
            lastRequest = .now
            if let balance = await fetch(), !Task.isCancelled {
                let reading = BalanceReading(balance: balance, at: Date(), isDemo: isDemo)
                latest = reading
                publish(reading)
            }
        }
        worker = nil
    }
}
