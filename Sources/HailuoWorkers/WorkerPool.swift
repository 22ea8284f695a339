import Glibc

/// A fixed-width set of threads that run Swift jobs and plain closures in the order they come,
/// with a timer list for jobs that wait (`Task.sleep`).
///
/// It stands in for libdispatch where hailuo would otherwise sit on its pools: idle threads
/// sleep on a condition until there is work, one of them (the timekeeper) sleeps until the
/// earliest timer, and none of them ever wakes on its own. libdispatch's pool arms a one-second
/// monitor timer as soon as its first worker starts and retires idle workers after five seconds,
/// so a quiet process wakes every second and makes threads again for each bit of work.
///
/// Threads start as work needs them, up to `width`, and live until ``stop()``.
public final class WorkerPool: @unchecked Sendable {
    /// One thing to run: a Swift job or a closure.
    enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    private let name: String
    private let width: Int
    private let lock = ConditionLock()
    // Everything below is guarded by `lock`.
    private var ready = WorkQueue<Work>()
    private var timers = TimerList<Work>()
    private var threads = 0
    private var idleThreads = 0
    /// Idle threads already signalled, not yet running: not counted as free.
    private var signalledThreads = 0
    private var timekeeper = false
    private var stopping = false
    /// Set once in `init`, before the pool is shared.
    private var scheduler: WorkerPoolExecutor?

    /// A pool named `name` (its threads are `name-1`, `name-2`, …, as `top -H` shows them) of at
    /// most `width` threads.
    public init(name: String, width: Int) {
        precondition(width > 0, "a pool needs at least one thread")
        self.name = name
        self.width = width
        scheduler = WorkerPoolExecutor(pool: self)
    }

    /// Threads started so far (they start as work needs them).
    public var startedThreads: Int { lock.withLock { threads } }

    /// Threads waiting for work (not the one keeping time).
    var idleThreadCount: Int { lock.withLock { idleThreads } }

    /// Runs `work` on one of the pool's threads; returns at once.
    public func run(_ work: @escaping @Sendable () -> Void) {
        add(.closure(work))
    }

    /// The pool as a Swift task executor (`Task(executorPreference:)`), timers included.
    public var executor: any TaskExecutor { scheduler! }

    /// Lets the threads finish what is queued (timers that have not come are dropped) and end.
    /// Returns at once; work added afterwards is not run.
    public func stop() {
        lock.withLock { stopping = true }
        lock.broadcast()
    }

    func add(_ work: Work) {
        let onOwnThread = isOwnThread
        let wake = lock.withLock { () -> Wake in
            guard !stopping else { return .nobody }
            ready.append(work)
            // Work a pool thread adds while nothing else waits (a task resuming the one that
            // awaited it, the usual case) is left for that thread, which takes it as soon as its
            // job returns: waking a second thread for it would cost two wake-ups instead of none.
            // Anything more is handed out as usual.
            if onOwnThread, ready.count == 1 { return .nobody }
            return wakeForWork()
        }
        perform(wake)
    }

    /// Whether the calling thread is one of this pool's.
    private var isOwnThread: Bool { WorkerThread.currentPool == Unmanaged.passUnretained(self).toOpaque() }

    /// Runs `work` once the monotonic clock reaches `deadline` (nanoseconds).
    func addTimer(_ work: Work, at deadline: UInt64) {
        let onOwnThread = isOwnThread
        let wake = lock.withLock { () -> Wake in
            guard !stopping else { return .nobody }
            let becomesFirst = timers.insert(work, at: deadline)
            if timekeeper { return becomesFirst ? .timekeeper : .nobody }
            // A job on one of the pool's threads that starts a sleep (the usual case) goes back
            // to the loop when it returns, and keeps time then: nobody needs waking.
            return onOwnThread ? .nobody : wakeForWork()
        }
        perform(wake)
    }

    /// Whom to wake, decided under the lock and done after it (a thread woken while the lock is
    /// held would only wait for it again).
    private enum Wake {
        case nobody
        case idleThread
        case timekeeper
        case newThread(number: Int)
    }

    /// Called with the lock held when there is something for a thread to do.
    private func wakeForWork() -> Wake {
        if idleThreads > signalledThreads {
            signalledThreads += 1
            return .idleThread
        }
        if threads < width {
            threads += 1
            return .newThread(number: threads)
        }
        return timekeeper ? .timekeeper : .nobody
    }

    private func perform(_ wake: Wake) {
        switch wake {
        case .nobody: break
        case .idleThread: lock.signal()
        case .timekeeper: lock.signalTimekeeper()
        case .newThread(let number): startThread(number: number)
        }
    }

    private func startThread(number: Int) {
        let threadName = "\(name)-\(number)"
        let started = WorkerThread.start { [self] in
            ThreadName.set(threadName)
            WorkerThread.currentPool = Unmanaged.passUnretained(self).toOpaque()
            work()
        }
        if !started { lock.withLock { threads -= 1 } }
    }

    /// How near the next timer must be for a thread that leaves keeping time to run a job to
    /// wake another one to keep it. A farther timer waits for this thread to come back: jobs
    /// here are short, and each wake-up saved is one an idle hailuo does not make.
    static let handOverHorizon: UInt64 = 100_000_000

    /// A thread's life: run what is ready, keep time if nobody does, otherwise sleep.
    private func work() {
        lock.lock()
        while true {
            let now = MonotonicClock.nanoseconds()
            timers.moveDue(before: now, into: &ready)
            if let next = ready.popFirst() {
                // Another thread is woken for what else is ready (timers that fell due together),
                // or to keep time for a timer due soon while this one runs its job.
                var wake = Wake.nobody
                let timerSoon = timers.earliest.map { !timekeeper && $0 < now &+ Self.handOverHorizon } ?? false
                if !ready.isEmpty || timerSoon, idleThreads > signalledThreads {
                    signalledThreads += 1
                    wake = .idleThread
                }
                lock.unlock()
                perform(wake)
                run(next)
                lock.lock()
                continue
            }
            if stopping { break }
            if let deadline = timers.earliest, !timekeeper {
                timekeeper = true
                lock.waitAsTimekeeper(until: deadline)
                timekeeper = false
                continue
            }
            idleThreads += 1
            lock.wait()
            idleThreads -= 1
            if signalledThreads > 0 { signalledThreads -= 1 }
        }
        threads -= 1
        lock.unlock()
    }

    private func run(_ work: Work) {
        switch work {
        case .job(let job): job.runSynchronously(on: scheduler!.asUnownedTaskExecutor())
        case .closure(let closure): closure()
        }
    }
}
