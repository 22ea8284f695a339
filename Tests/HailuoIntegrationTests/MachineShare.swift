import Testing

/// Who may run beside whom on a 2-core machine. The proof suites (SSH, kill storms, the fault
/// matrix, sweeps, resize storms) start many processes at once; run beside the timing-bound
/// integration tests they pushed a create past its read timeout. A proof suite's tests run with
/// the machine to themselves; the other integration tests share it with each other, as before.
actor MachineShare {
    static let shared = MachineShare()

    private var sharers = 0
    private var soleUser = false
    private var queue: [(alone: Bool, continuation: CheckedContinuation<Void, Never>)] = []

    /// Waits for a turn, in arrival order: alone, or beside other sharers.
    func enter(alone: Bool) async {
        if queue.isEmpty && canEnter(alone: alone) {
            admit(alone: alone)
            return
        }
        await withCheckedContinuation { queue.append((alone, $0)) }
    }

    /// Ends a turn and lets in whoever can go next.
    func leave(alone: Bool) {
        if alone { soleUser = false } else { sharers -= 1 }
        while let next = queue.first, canEnter(alone: next.alone) {
            queue.removeFirst()
            admit(alone: next.alone)
            next.continuation.resume()
        }
    }

    private func canEnter(alone: Bool) -> Bool { alone ? !soleUser && sharers == 0 : !soleUser }

    private func admit(alone: Bool) {
        if alone { soleUser = true } else { sharers += 1 }
    }
}

/// A suite trait that runs each of the suite's test cases inside a ``MachineShare`` turn.
struct MachineShareTrait: SuiteTrait, TestTrait, TestScoping {
    /// Whether the tests need the machine to themselves.
    let alone: Bool

    var isRecursive: Bool { true }

    /// A turn per test case only (not for the suite, nor the function around its cases).
    func scopeProvider(for test: Test, testCase: Test.Case?) -> MachineShareTrait? {
        testCase == nil ? nil : self
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await MachineShare.shared.enter(alone: alone)
        do {
            try await function()
        } catch {
            await MachineShare.shared.leave(alone: alone)
            throw error
        }
        await MachineShare.shared.leave(alone: alone)
    }
}

extension Trait where Self == MachineShareTrait {
    /// Each test runs with no other integration test beside it.
    static var aloneOnTheMachine: Self { MachineShareTrait(alone: true) }
    /// Each test runs beside other sharing tests, never beside one that needs the machine alone.
    static var sharesTheMachine: Self { MachineShareTrait(alone: false) }
}
