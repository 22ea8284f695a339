import Foundation

#if compiler(>=6.3)
    @_spi(ExperimentalCustomExecutors) import _Concurrency
#endif

/// Runs Swift concurrency's global executor on a ``WorkerPool`` instead of libdispatch, so a
/// quiet hailuo sleeps: no monitor timer each second, no worker threads made and retired.
///
/// The main actor stays on the platform's main executor. `HAILUO_EXECUTOR=platform` keeps the
/// platform's global executor too (to compare, or should the pool ever misbehave).
public enum GlobalExecutor {
    /// The pool behind the global executor once ``install()`` has run.
    public static let pool = WorkerPool(name: "hailuo-pool", width: defaultWidth)

    /// As many threads as Swift's own cooperative pool: one per processor (Foundation's
    /// `activeProcessorCount`, which counts processors online, not the affinity mask).
    public static var defaultWidth: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Makes ``pool`` the global executor. Call first thing in `main`, before any task starts;
    /// returns false (and changes nothing) when `HAILUO_EXECUTOR=platform` asks for the platform's,
    /// or off Linux, or with a compiler older than Swift 6.3 (which has no executor factories).
    @discardableResult
    public static func install(environment: [String: String]) -> Bool {
        guard environment["HAILUO_EXECUTOR"] != "platform" else { return false }
        #if compiler(>=6.3) && os(Linux)
            _createExecutors(factory: PoolExecutorFactory.self)
            return true
        #else
            return false
        #endif
    }
}

#if compiler(>=6.3) && os(Linux)
    /// The executors Swift concurrency asks for: the platform's main executor, the pool for the rest.
    struct PoolExecutorFactory: ExecutorFactory {
        static var mainExecutor: any MainExecutor { PlatformExecutorFactory.mainExecutor }
        static var defaultExecutor: any TaskExecutor { GlobalExecutor.pool.executor }
    }
#endif
