import Glibc

/// A mutex with two conditions on the monotonic clock: one the idle threads wait on, one only the
/// thread keeping time waits on (so a new timer wakes that thread, not an idle one).
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let idle = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let timekeeper = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(idle, &attributes)
        pthread_cond_init(timekeeper, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(timekeeper)
        pthread_cond_destroy(idle)
        pthread_mutex_destroy(mutex)
        timekeeper.deallocate()
        idle.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Waits (lock held) until an idle thread is signalled.
    func wait() { pthread_cond_wait(idle, mutex) }

    /// Wakes one idle thread.
    func signal() { pthread_cond_signal(idle) }

    /// Waits (lock held) until `deadline` on the monotonic clock, in nanoseconds, or a signal.
    func waitAsTimekeeper(until deadline: UInt64) {
        var time = timespec(
            tv_sec: Int(min(deadline / 1_000_000_000, UInt64(Int.max))), tv_nsec: Int(deadline % 1_000_000_000))
        pthread_cond_timedwait(timekeeper, mutex, &time)
    }

    /// Wakes the thread keeping time.
    func signalTimekeeper() { pthread_cond_signal(timekeeper) }

    /// Wakes every thread (stopping).
    func broadcast() {
        pthread_cond_broadcast(idle)
        pthread_cond_broadcast(timekeeper)
    }
}

/// Nanoseconds on `CLOCK_MONOTONIC`, the clock the pool's waits use.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
