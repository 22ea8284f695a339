import Foundation
import HailuoCore
import HailuoTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Figure 6: a 20 MB PNG through preflight and request building: throughput and the peak memory
/// the build adds beyond what the process held before.
struct LargeImage {
    let folder: URL
    /// Builds to time (the first one is also the memory measurement).
    let rounds: Int

    func measure() throws -> [Figure] {
        let byteCount = ImagePreflight.maxByteCount
        let path = folder.appendingPathComponent("large.png").path
        try Data(SyntheticImage.png(width: 1280, height: 720, padTo: byteCount)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parameters = GenerationParameters(prompt: "A large first frame", firstFrame: path)

        // Give freed memory (the image made above) back first, so it cannot hide the build's own.
        ProcessMemory.trim()
        ProcessMemory.resetPeak()
        let before = ProcessMemory.residentBytes()
        var bodyBytes = try build(parameters)
        let extra = max(0, ProcessMemory.peakBytes() - before)

        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds { bodyBytes = try build(parameters) }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let megabytes = Double(byteCount * rounds) / 1_000_000
        let throughput = megabytes / max(seconds, 1e-9)
        let group = "6 large image"
        let extraRatio = Double(extra) / Double(byteCount)
        return [
            Figure(
                group: group, name: "preflight + request build of a 20 MiB PNG",
                value: Format.number(throughput, 0) + " MB/s", goal: "≥ 300 MB/s", met: throughput >= 300),
            Figure(
                group: group, name: "peak extra memory (body \(bodyBytes / 1_000_000) MB)",
                value: Format.number(Double(extra) / 1_000_000) + " MB", ratio: extraRatio, goal: "≤ 2× the file",
                met: extraRatio <= 2),
        ]
    }

    /// One preflight and build; returns the body's size (the body itself is dropped at once).
    private func build(_ parameters: GenerationParameters) throws -> Int {
        let issues = RequestBuilder.check(parameters)
        guard issues.isEmpty else { throw BenchFailure("the large image was refused: \(issues)") }
        return try RequestBuilder.prepare(parameters, family: .vendor).body.count
    }
}

/// The process's resident memory, from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// Current resident set (VmRSS), bytes; 0 where unavailable.
    static func residentBytes() -> Int { field("VmRSS:") }

    /// Peak resident set since start or the last ``resetPeak()`` (VmHWM), bytes.
    static func peakBytes() -> Int { field("VmHWM:") }

    /// Returns free heap memory to the system, so resident figures count live memory only.
    static func trim() {
        // glibc's malloc_trim, looked up at run time (Swift's Glibc module does not export it).
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
        typealias MallocTrim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }

    /// Resets VmHWM to the current resident set (writing 5 to `/proc/self/clear_refs`).
    static func resetPeak() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) } ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

/// A benchmark that could not run (as opposed to a goal missed, which the table shows).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
