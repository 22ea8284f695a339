@_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) import _Concurrency

/// A ``WorkerPool`` as Swift concurrency sees it: a task executor that also keeps time, so
/// `Task.sleep` waits on the pool's timers rather than on libdispatch's.
final class WorkerPoolExecutor: TaskExecutor, SchedulingExecutor, @unchecked Sendable {
    private unowned let pool: WorkerPool

    init(pool: WorkerPool) { self.pool = pool }

    func enqueue(_ job: consuming ExecutorJob) {
        pool.add(.job(UnownedJob(job)))
    }

    /// `Task.sleep(for:)`: runs `job` once `delay` has passed on `clock`.
    func enqueue<C: Clock>(_ job: consuming ExecutorJob, after delay: C.Duration, tolerance: C.Duration?, clock: C) {
        guard let nanoseconds = Self.nanoseconds(delay) else {
            // A clock whose durations are not `Swift.Duration` (none in hailuo): the platform's
            // executor keeps the time rather than a guess here.
            Self.platformScheduler.enqueue(job, after: delay, tolerance: tolerance, clock: clock)
            return
        }
        pool.addTimer(.job(UnownedJob(job)), at: MonotonicClock.nanoseconds() &+ nanoseconds)
    }

    /// `Task.sleep(until:clock:)`: runs `job` once `clock` reaches `instant`.
    func enqueue<C: Clock>(_ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C) {
        enqueue(job, after: clock.now.duration(to: instant), tolerance: tolerance, clock: clock)
    }

    /// Whole nanoseconds in `delay` (0 when it is negative), or nil for another duration type.
    static func nanoseconds<D: DurationProtocol>(_ delay: D) -> UInt64? {
        guard let duration = delay as? Duration else { return nil }
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        // A century is as good as forever and leaves room to add the clock's reading.
        return overflow ? UInt64.max / 2 : min(UInt64.max / 2, whole &+ UInt64(attoseconds / 1_000_000_000))
    }

    /// The platform's executor, for clocks hailuo does not use (it always keeps time).
    private static var platformScheduler: any SchedulingExecutor {
        guard let scheduler = PlatformExecutorFactory.defaultExecutor as? any SchedulingExecutor else {
            fatalError("the platform executor cannot schedule jobs")
        }
        return scheduler
    }
}
