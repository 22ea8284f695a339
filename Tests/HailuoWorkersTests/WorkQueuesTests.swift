import Testing

@testable import HailuoWorkers

/// The pool's two lists: first in, first out for ready work; timers by deadline, ties in order.
@Suite("Work queues")
struct WorkQueuesTests {
    @Test func theReadyQueueIsFirstInFirstOutAcrossItsCompaction() {
        var queue = WorkQueue<Int>()
        var expected: [Int] = []
        var next = 0
        var taken: [Int] = []
        // Uneven rounds: the queue's head moves, compacts and empties many times.
        for round in 0..<300 {
            for _ in 0..<(round % 7 + 1) {
                queue.append(next)
                expected.append(next)
                next += 1
            }
            for _ in 0..<(round % 5 + 1) {
                if let value = queue.popFirst() { taken.append(value) }
            }
        }
        while let value = queue.popFirst() { taken.append(value) }
        #expect(taken == expected)
        #expect(queue.isEmpty)
    }

    @Test func timersLeaveByDeadlineAndEqualDeadlinesInArrivalOrder() {
        var timers = TimerList<String>()
        let firsts = [
            timers.insert("c", at: 30), timers.insert("a", at: 10), timers.insert("b", at: 20),
            timers.insert("a2", at: 10),
        ]
        // An equal deadline does not become the first: it leaves after the one already there.
        #expect(firsts == [true, true, false, false])
        #expect(timers.earliest == 10)
        var ready = WorkQueue<String>()
        timers.moveDue(before: 20, into: &ready)
        var out: [String] = []
        while let value = ready.popFirst() { out.append(value) }
        #expect(out == ["a", "a2", "b"])
        #expect(timers.earliest == 30)
        #expect(timers.count == 1)
    }

    @Test func delaysBecomeNanosecondsWithoutOverflow() {
        #expect(WorkerPoolExecutor.nanoseconds(Duration.milliseconds(1500)) == 1_500_000_000)
        #expect(WorkerPoolExecutor.nanoseconds(Duration.seconds(-3)) == 0)
        #expect(WorkerPoolExecutor.nanoseconds(Duration.seconds(Int64.max)) == UInt64.max / 2)
    }
}
