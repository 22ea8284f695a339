import Glibc

/// Plain POSIX threads for the pools: detached, with the asynchronous signals blocked (they
/// belong to the threads that wait for them; faults and traps still reach the crash handlers),
/// named for `top -H` and htop.
enum WorkerThread {
    /// Starts `body` on a new detached thread; false when the system refuses one.
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        // Signals are blocked while the thread is made so it starts with them blocked.
        var all = sigset_t()
        var previous = sigset_t()
        sigfillset(&all)
        for fault in [SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS, SIGABRT] { sigdelset(&all, fault) }
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var thread = pthread_t()
        let result = pthread_create(
            &thread, &attributes,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        if result != 0 {
            Unmanaged<Body>.fromOpaque(box).release()
            return false
        }
        return true
    }

    /// The pool whose thread this is (an opaque pointer to it), nil on other threads.
    static var currentPool: UnsafeMutableRawPointer? {
        get { pthread_getspecific(poolKey) }
        set { pthread_setspecific(poolKey, newValue) }
    }

    private static let poolKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
