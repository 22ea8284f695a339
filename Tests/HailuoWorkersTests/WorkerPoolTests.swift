import Foundation
import Synchronization
import Testing

@testable import HailuoWorkers

/// The pool behind hailuo's global executor: it runs what it is given, in order, on its own
/// named threads, keeps time for sleeping tasks, and starts threads only when work needs them.
@Suite("Worker pool", .timeLimit(.minutes(1)))
struct WorkerPoolTests {
    /// Things recorded from the pool's threads.
    final class Record<Element: Sendable>: Sendable {
        private let items = Mutex<[Element]>([])
        func add(_ item: Element) { items.withLock { $0.append(item) } }
        var values: [Element] { items.withLock { $0 } }

        /// Waits until there are `count` items (the pool runs them on its own threads).
        func wait(for count: Int) -> [Element] {
            while items.withLock({ $0.count }) < count { Thread.sleep(forTimeInterval: 0.002) }
            return values
        }
    }

    @Test func closuresRunInTheOrderGivenOnTheNamedThread() {
        let pool = WorkerPool(name: "test-order", width: 1)
        defer { pool.stop() }
        let order = Record<Int>()
        let names = Record<String>()
        for index in 0..<200 {
            pool.run {
                order.add(index)
                if index == 0 { names.add(threadName()) }
            }
        }
        #expect(order.wait(for: 200) == Array(0..<200))
        #expect(names.values == ["test-order-1"])
    }

    @Test func threadsStartOnlyWhenWorkNeedsThemAndNeverMoreThanTheWidth() {
        let pool = WorkerPool(name: "test-lazy", width: 3)
        defer { pool.stop() }
        #expect(pool.startedThreads == 0)
        let done = Record<Int>()
        let gate = DispatchSemaphore(value: 0)
        // Five blocking closures: three threads take three, the rest wait for a free thread.
        for index in 0..<5 {
            pool.run {
                gate.wait()
                done.add(index)
            }
        }
        #expect(pool.startedThreads == 3)
        for _ in 0..<5 { gate.signal() }
        #expect(Set(done.wait(for: 5)) == Set(0..<5))
        #expect(pool.startedThreads == 3)
    }

    @Test func workAPoolThreadAddsIsLeftToItUnlessMoreIsWaiting() {
        let pool = WorkerPool(name: "test-own", width: 2)
        defer { pool.stop() }
        let names = Record<String>()
        pool.run { names.add(threadName()) }
        _ = names.wait(for: 1)
        while pool.idleThreadCount < 1 { Thread.sleep(forTimeInterval: 0.001) }
        // One thread, idle, and room for a second: the child could start one, but is kept for
        // the thread that added it (nothing else waits), and runs there once the parent returns.
        pool.run {
            names.add(threadName())
            pool.run { names.add(threadName()) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let seen = names.wait(for: 3)
        #expect(seen[1] == seen[2], "the child ran on \(seen[2]), not on its parent's thread \(seen[1])")
        #expect(pool.startedThreads == 1)
    }

    @Test func twoPiecesOfWorkAPoolThreadAddsRunAtOnce() {
        let pool = WorkerPool(name: "test-pair", width: 2)
        defer { pool.stop() }
        let met = Record<String>()
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        pool.run {
            // Each waits for the other: they can only finish side by side, one on each thread.
            pool.run {
                first.signal()
                met.add(second.wait(timeout: .now() + 5) == .success ? "a" : "a alone")
            }
            pool.run {
                second.signal()
                met.add(first.wait(timeout: .now() + 5) == .success ? "b" : "b alone")
            }
        }
        #expect(Set(met.wait(for: 2)) == ["a", "b"])
    }

    @Test func timersThatFallDueTogetherRunSideBySide() {
        let pool = WorkerPool(name: "test-due", width: 2)
        defer { pool.stop() }
        let warm = Record<Int>()
        // Two idle threads: one keeps time, the other waits for work.
        pool.run { warm.add(1) }
        pool.run { warm.add(2) }
        _ = warm.wait(for: 2)
        let met = Record<String>()
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let deadline = MonotonicClock.nanoseconds() + 30_000_000
        // Each waits for the other: they can only finish if the second is handed to the idle
        // thread rather than left behind the first.
        pool.addTimer(
            .closure {
                first.signal()
                met.add(second.wait(timeout: .now() + 5) == .success ? "a" : "a alone")
            }, at: deadline)
        pool.addTimer(
            .closure {
                second.signal()
                met.add(first.wait(timeout: .now() + 5) == .success ? "b" : "b alone")
            }, at: deadline)
        #expect(Set(met.wait(for: 2)) == ["a", "b"])
    }

    @Test func stoppingEndsTheThreadsAfterWhatIsQueued() {
        let pool = WorkerPool(name: "test-stop", width: 2)
        let done = Record<Int>()
        for index in 0..<50 { pool.run { done.add(index) } }
        pool.stop()
        while pool.startedThreads > 0 { Thread.sleep(forTimeInterval: 0.002) }
        #expect(done.values.count == 50)
        pool.run { done.add(99) }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(!done.values.contains(99), "a stopped pool runs nothing new")
    }

    @Test func tasksThatPreferThePoolRunOnItAcrossActorHops() async {
        let pool = WorkerPool(name: "test-tasks", width: 2)
        defer { pool.stop() }
        actor Counter {
            var value = 0
            func add() { value += 1 }
        }
        let counter = Counter()
        let names = await Task(executorPreference: pool.executor) { () -> [String] in
            var seen: [String] = [threadName()]
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<2000 { group.addTask { await counter.add() } }
            }
            seen.append(threadName())
            return seen
        }.value
        #expect(await counter.value == 2000)
        #expect(names.allSatisfy { $0.hasPrefix("test-tasks-") }, "ran on \(names)")
        #expect(pool.startedThreads <= 2)
    }

    @Test func sleepingTasksWakeInDeadlineOrderAndNeverEarly() async {
        let pool = WorkerPool(name: "test-sleep", width: 2)
        defer { pool.stop() }
        let woke = Record<Int>()
        let clock = ContinuousClock()
        let start = clock.now
        let slept = await Task(executorPreference: pool.executor) { () -> [Duration] in
            await withTaskGroup(of: Duration.self) { group in
                for milliseconds in [300, 100, 200, 0] {
                    group.addTask {
                        let begin = clock.now
                        try? await Task.sleep(for: .milliseconds(milliseconds))
                        woke.add(milliseconds)
                        return clock.now - begin - .milliseconds(milliseconds)
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }.value
        #expect(woke.values == [0, 100, 200, 300])
        #expect(slept.allSatisfy { $0 >= .zero }, "a sleep ended before its time: \(slept)")
        #expect(clock.now - start >= .milliseconds(300))
    }

    @Test func sleepUntilADeadlineOnEitherClock() async throws {
        let pool = WorkerPool(name: "test-until", width: 1)
        defer { pool.stop() }
        try await Task(executorPreference: pool.executor) {
            let continuous = ContinuousClock.now + .milliseconds(50)
            try await Task.sleep(until: continuous, clock: .continuous)
            #expect(ContinuousClock.now >= continuous)
            let suspending = SuspendingClock.now + .milliseconds(50)
            try await Task.sleep(until: suspending, clock: .suspending)
            #expect(SuspendingClock.now >= suspending)
            try await Task.sleep(nanoseconds: 1_000_000)
        }.value
    }

    @Test func cancellingAnHourLongSleepEndsItAtOnce() async {
        let pool = WorkerPool(name: "test-cancel", width: 1)
        defer { pool.stop() }
        let sleeper = Task(executorPreference: pool.executor) { () -> Bool in
            do {
                try await Task.sleep(for: .seconds(3600))
                return false
            } catch {
                return error is CancellationError
            }
        }
        try? await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        // The suite's time limit fails this if the sleep runs its hour.
        #expect(await sleeper.value)
    }

    @Test func anEarlierTimerFromAnotherThreadWakesTheTimekeeper() {
        let pool = WorkerPool(name: "test-outside", width: 1)
        defer { pool.stop() }
        let ran = Record<String>()
        pool.run { ran.add("start") }
        #expect(ran.wait(for: 1) == ["start"])
        let hour: UInt64 = 3_600_000_000_000
        pool.addTimer(.closure { ran.add("hour") }, at: MonotonicClock.nanoseconds() + hour)
        Thread.sleep(forTimeInterval: 0.02)  // the one thread now keeps time for the hour
        pool.addTimer(.closure { ran.add("soon") }, at: MonotonicClock.nanoseconds() + 20_000_000)
        #expect(ran.wait(for: 2) == ["start", "soon"])
    }

    @Test func aNewEarlierTimerWakesTheTimekeeper() async {
        let pool = WorkerPool(name: "test-keeper", width: 1)
        defer { pool.stop() }
        let woke = Record<String>()
        // The one thread keeps time for the hour-long sleep; a later, shorter sleep must still
        // wake on time rather than after the hour.
        let long = Task(executorPreference: pool.executor) {
            try? await Task.sleep(for: .seconds(3600))
            woke.add("long")
        }
        try? await Task.sleep(for: .milliseconds(20))
        await Task(executorPreference: pool.executor) {
            try? await Task.sleep(for: .milliseconds(30))
            woke.add("short")
        }.value
        #expect(woke.values == ["short"])
        long.cancel()
        await long.value
        #expect(woke.values == ["short", "long"])
    }
}

/// The calling thread's name as the kernel has it (a synchronous function: async code may not
/// ask which thread it is on).
private func threadName() -> String {
    ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
}
