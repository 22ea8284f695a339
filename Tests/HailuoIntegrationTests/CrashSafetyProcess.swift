import Foundation

/// How a process the crash test started came to an end.
enum CrashSafetyEnding: Sendable, Equatable {
    /// Our SIGKILL ended it.
    case killed
    /// It exited on its own with this status (before the kill was due).
    case exited(Int32)
    /// A signal other than our SIGKILL ended it: a crash.
    case signalled(Int32)
}

/// Runs the built `hailuo` and kills it with SIGKILL after a chosen delay, the way a power cut or
/// `kill -9` would. Waits until the process is reaped, so its pid is really gone (a zombie would
/// still look alive to the store's lease check).
enum CrashSafetyProcess {
    static func runAndKill(
        _ arguments: [String], environment: [String: String], after delay: Double, stderr: URL
    ) async throws -> CrashSafetyEnding {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)  // the open below reports a failure
        let errorFile = try FileHandle(forWritingTo: stderr)
        defer { try? errorFile.close() }
        process.standardError = errorFile
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { ended in
                let status = ended.terminationStatus
                switch ended.terminationReason {
                case .uncaughtSignal where status == SIGKILL: continuation.resume(returning: .killed)
                case .uncaughtSignal: continuation.resume(returning: .signalled(status))
                default: continuation.resume(returning: .exited(status))
                }
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
    }
}

/// SplitMix64: a small seeded generator, so a failing run can be repeated with its printed seed.
struct CrashSafetyRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
