/// First in, first out, without moving the elements on each removal.
struct WorkQueue<Element> {
    private var elements: [Element?] = []
    private var head = 0

    var isEmpty: Bool { head == elements.count }
    var count: Int { elements.count - head }

    mutating func append(_ element: Element) { elements.append(element) }

    mutating func popFirst() -> Element? {
        guard head < elements.count else { return nil }
        let element = elements[head]
        elements[head] = nil
        head += 1
        if head == elements.count {
            elements.removeAll(keepingCapacity: elements.count <= 1024)
            head = 0
        } else if head >= 64, head * 2 >= elements.count {
            elements.removeFirst(head)
            head = 0
        }
        return element
    }
}

/// Work waiting for a deadline (nanoseconds on the monotonic clock), kept sorted latest first so
/// the earliest comes off the end; equal deadlines leave in the order they came.
struct TimerList<Element> {
    private var entries: [(deadline: UInt64, element: Element)] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The earliest deadline.
    var earliest: UInt64? { entries.last?.deadline }

    /// Adds `element`; true when it is now the earliest.
    @discardableResult
    mutating func insert(_ element: Element, at deadline: UInt64) -> Bool {
        // First index whose deadline is not later than this one: after every later deadline and
        // after every equal one already here, so the earlier arrival leaves first.
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].deadline > deadline { low = middle + 1 } else { high = middle }
        }
        entries.insert((deadline, element), at: low)
        return low == entries.count - 1
    }

    /// Moves everything due at or before `now` to the end of `queue`, earliest first.
    mutating func moveDue(before now: UInt64, into queue: inout WorkQueue<Element>) {
        while let last = entries.last, last.deadline <= now {
            queue.append(entries.removeLast().element)
        }
    }
}
