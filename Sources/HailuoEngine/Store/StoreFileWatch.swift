import Foundation
import HailuoWorkers
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Sleeps until the store's files are written, by this process or any other, on a thread of its
/// own: the engine's beat without a timer. While nothing writes to the store, it does not wake.
///
/// On Linux it asks inotify about the store's folder and wakes when the database file or its
/// write-ahead log is modified, created or moved in (a commit always writes the log; the log may be
/// removed and made again, which watching the folder still sees). Writes through the shared-memory
/// index (`-shm`) are not file writes and do not wake it; neither do other files in the folder,
/// after a look at their name. Where inotify is missing (other systems, or no watch left), it
/// wakes every `fallbackInterval` instead, as a plain timer would.
///
/// Each wake-up, and at the latest every `safetyInterval`, calls `onWake` on the watch's thread
/// and waits for it to return before looking again, so what one wake-up reports is handled before
/// the next one starts.
final class StoreFileWatch: Sendable {
    private struct State {
        var stopped = false
        var finished: (@Sendable () -> Void)?
    }

    private let folder: String
    private let names: Set<String>
    private let safetyInterval: Double
    private let fallbackInterval: Double
    private let state = Mutex(State())
    /// The pipe that wakes the thread to stop: [read end, write end].
    private let stopPipe: [Int32]

    /// Whether inotify watches the folder (false: the thread wakes on the fallback interval).
    let usesInotify: Bool
    private let inotify: Int32

    /// A watch of the store file at `url` (and its `-wal`), not yet started.
    init(url: URL, safetyInterval: Double, fallbackInterval: Double) {
        folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        names = [name, name + "-wal", name + "-journal"]
        self.safetyInterval = safetyInterval
        self.fallbackInterval = fallbackInterval
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        stopPipe = ends
        #if canImport(Glibc)
            let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
            if descriptor >= 0, inotify_add_watch(descriptor, folder, mask) >= 0 {
                inotify = descriptor
                usesInotify = true
            } else {
                if descriptor >= 0 { close(descriptor) }
                inotify = -1
                usesInotify = false
            }
        #else
            inotify = -1
            usesInotify = false
        #endif
    }

    deinit {
        for end in stopPipe where end >= 0 { close(end) }
        if inotify >= 0 { close(inotify) }
    }

    /// Starts the thread; `finished` runs once it has stopped (at once, if ``stop()`` came first).
    func start(onWake: @escaping @Sendable () -> Void, finished: @escaping @Sendable () -> Void) {
        let alreadyStopped = state.withLock { state -> Bool in
            if state.stopped { return true }
            state.finished = finished
            return false
        }
        if alreadyStopped {
            finished()
            return
        }
        let thread = Thread { [self] in
            ThreadName.set("hailuo-watch")
            run(onWake)
            let done = state.withLock { state -> (@Sendable () -> Void)? in
                defer { state.finished = nil }
                return state.finished
            }
            done?()
        }
        thread.stackSize = 256 << 10
        thread.start()
    }

    /// Stops the thread (it finishes the wake-up in hand first).
    func stop() {
        state.withLock { $0.stopped = true }
        if stopPipe[1] >= 0 {
            var byte: UInt8 = 1
            _ = write(stopPipe[1], &byte, 1)
        }
    }

    private var stopped: Bool { state.withLock { $0.stopped } }

    private func run(_ onWake: @Sendable () -> Void) {
        let interval = usesInotify ? safetyInterval : fallbackInterval
        while !stopped {
            var descriptors = [pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            if usesInotify { descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(max(1, interval * 1000)))
            if stopped { return }
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            // A timeout is the safety net (or, without inotify, the beat itself): look anyway.
            if ready > 0, usesInotify, !drainStoreEvents() { continue }
            onWake()
        }
    }

    /// Reads every queued inotify event; true when one of them is about the store's files.
    private func drainStoreEvents() -> Bool {
        #if canImport(Glibc)
            var aboutStore = false
            let size = 4096
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let count = read(inotify, buffer, size)
                if count <= 0 { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = (buffer + offset).assumingMemoryBound(to: inotify_event.self)
                    let length = Int(event.pointee.len)
                    if length > 0 {
                        let name = String(
                            cString: (buffer + offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(
                                to: CChar.self))
                        if names.contains(name) { aboutStore = true }
                    }
                    offset += MemoryLayout<inotify_event>.size + length
                }
            }
            return aboutStore
        #else
            return true
        #endif
    }
}
