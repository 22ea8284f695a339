import Foundation
import HailuoFuzzing

/// Says which run crashed: the target and index of the current run are kept in globals that a
/// signal handler (SIGILL and SIGTRAP from a Swift trap, SIGSEGV, SIGBUS, SIGABRT, SIGFPE) writes
/// with `write(2)` only, then the handler found before
/// (the Swift runtime's backtracer) takes the fault.
enum CrashReport {
    nonisolated(unsafe) private static var targetCode = 0
    nonisolated(unsafe) private static var index = 0
    nonisolated(unsafe) private static var seed: UInt64 = 0
    /// The handlers found at install (the runtime's backtracer), by signal number, run after ours.
    nonisolated(unsafe) private static var previous: [sigaction] = Array(repeating: sigaction(), count: 65)

    /// Remembers `seed` and installs the handler.
    static func install(seed: UInt64) {
        Self.seed = seed
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in CrashReport.report(signal: number) }
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }

    /// Records the run about to start.
    static func note(target: FuzzTarget, index: Int) {
        targetCode = FuzzTarget.allCases.firstIndex(of: target) ?? 0
        Self.index = index
    }

    private static func report(signal: Int32) {
        writeText("\nCRASH (signal ")
        writeNumber(UInt64(signal))
        writeText(") in run: --target ")
        switch targetCode {
        case 0: writeText("decode")
        case 1: writeText("image")
        case 2: writeText("editor")
        default: writeText("picture")
        }
        writeText(" --seed ")
        writeNumber(seed)
        writeText(" --replay ")
        writeNumber(UInt64(max(index, 0)))
        writeText("\n")
        // Returning re-runs the faulting instruction (or abort() raises again), now under the old handler.
        if signal >= 0, signal < previous.count { sigaction(signal, &previous[Int(signal)], nil) }
    }

    private static func writeText(_ text: StaticString) {
        _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
    }

    private static func writeNumber(_ value: UInt64) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            var rest = value
            repeat {
                position -= 1
                buffer[position] = UInt8(48 + rest % 10)
                rest /= 10
            } while rest > 0
            _ = write(2, buffer.baseAddress! + position, buffer.count - position)
        }
    }
}
