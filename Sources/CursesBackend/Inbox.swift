import Synchronization

/// Messages for the UI thread from any thread: ``post(_:)`` queues under a mutex and wakes the
/// pipe; the UI thread polls ``fileDescriptor`` and takes everything with ``drain()``.
public final class Inbox<Message: Sendable>: Sendable {
    private let pending = Mutex<[Message]>([])
    /// The pipe that wakes the UI thread (also handed to ``TerminationSignals/install(wake:)``).
    public let wakeHandle: WakePipe

    public init() {
        wakeHandle = WakePipe()
    }

    /// The descriptor to poll (pass it to ``CursesTerminal/waitForInput(until:wakeFD:)``).
    public var fileDescriptor: Int32 { wakeHandle.readFD }

    /// Queues `message` and wakes the UI thread. Safe from any thread.
    public func post(_ message: Message) {
        // Only the first message after a drain writes the pipe: a flood of events costs one byte.
        let wasEmpty = pending.withLock { queue in
            let empty = queue.isEmpty
            queue.append(message)
            return empty
        }
        if wasEmpty { wakeHandle.wake() }
    }

    /// Every queued message, oldest first. The pipe is emptied before the queue is taken, so a
    /// message posted meanwhile always leaves a wake behind.
    public func drain() -> [Message] {
        wakeHandle.drain()
        return pending.withLock { queue in
            let messages = queue
            queue.removeAll(keepingCapacity: true)
            return messages
        }
    }
}
