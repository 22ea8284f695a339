import Foundation

/// Runs the built `hailuo` binary with a private environment (its own XDG folders).
struct CLIRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL
    var environment: [String: String]

    init(home: URL, extra: [String: String] = [:]) {
        self.home = home
        var environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_VIDEOS_DIR": home.appendingPathComponent("videos").path,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HAILUO_DEMO_TIME_SCALE": "1000",
        ]
        environment.merge(extra) { _, new in new }
        self.environment = environment
    }

    /// The `hailuo` executable built beside the test bundle.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("hailuo").path)
            && folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("hailuo")
    }

    /// Runs `hailuo args...`, killing it if it outlives `limit` seconds. Waits without blocking
    /// a concurrency thread (pipes are drained on GCD threads).
    func run(_ arguments: [String], stdin: String? = nil, limit: Double = 60) async throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let outData = PipeDrain(out), errData = PipeDrain(err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
                if process.isRunning { process.terminate() }
            }
        }
        return Outcome(status: status, stdout: outData.text(), stderr: errData.text())
    }
}

/// Reads a pipe to its end on a GCD thread.
final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var bytes = Data()

    init(_ pipe: Pipe) {
        DispatchQueue.global().async {
            self.bytes = pipe.fileHandleForReading.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// Everything the pipe carried, as bytes (waits for its end).
    func data() -> Data {
        done.wait()
        return bytes
    }

    /// Everything the pipe carried, as text (waits for its end).
    func text() -> String { String(decoding: data(), as: UTF8.self) }
}
