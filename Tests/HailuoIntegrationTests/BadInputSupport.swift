import Foundation

/// One run of a program, with its output as raw bytes (to look for escape sequences) and how it ended.
struct RawOutcome: Sendable {
    var status: Int32
    /// Ended by a signal (a crash such as a Swift trap, or our kill after the limit).
    var signalled: Bool
    /// Killed because it outlived its limit (it hung).
    var timedOut: Bool
    var stdout: Data
    var stderr: Data

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    /// Whether it ended on its own with one of the CLI's documented exit codes, without a crash report.
    var endedCleanly: Bool {
        !signalled && !timedOut && [0, 1, 2, 3, 4].contains(status)
            && !stderrText.contains("Fatal error") && !stderrText.contains("Stack dump")
    }
}

/// Runs a program with a whole environment and a time limit, keeping stdout and stderr as bytes.
enum RawRunner {
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: Data? = nil,
        limit: Double = 30
    ) async throws -> RawOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let outData = PipeDrain(out), errData = PipeDrain(err)
        let killed = LockedFlag()
        let (status, reason): (Int32, Process.TerminationReason) = try await withCheckedThrowingContinuation {
            continuation in
            process.terminationHandler = {
                continuation.resume(returning: ($0.terminationStatus, $0.terminationReason))
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
                if process.isRunning {
                    killed.set()
                    kill(process.processIdentifier, SIGKILL)
                }
            }
        }
        return RawOutcome(
            status: status, signalled: reason == .uncaughtSignal, timedOut: killed.isSet,
            stdout: outData.data(), stderr: errData.data())
    }
}

/// A flag set once from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Terminal-unsafe bytes in program output.
enum TerminalBytes {
    /// Offsets of C0 controls other than newline and tab, DEL, and the UTF-8 forms of C1 controls
    /// and of bidi overrides/isolates (U+202A...U+202E, U+2066...U+2069).
    /// With `bidi` false, bidi characters are allowed (JSON output carries the user's own text as is).
    static func unsafeOffsets(in data: Data, bidi: Bool = true) -> [Int] {
        var found: [Int] = []
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
                found.append(index)
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                found.append(index)
            } else if bidi, byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                (0xAA...0xAE).contains(bytes[index + 2])
            {
                found.append(index)
            } else if bidi, byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x81,
                (0xA6...0xA9).contains(bytes[index + 2])
            {
                found.append(index)
            }
            index += 1
        }
        return found
    }

    /// Whether `data` holds nothing a terminal would act on (only text, newlines and tabs).
    static func isInert(_ data: Data, bidi: Bool = true) -> Bool { unsafeOffsets(in: data, bidi: bidi).isEmpty }
}
