import Foundation
import HailuoPreview
import HailuoSimulator
import HailuoTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Clips and fake tools for the clip reader's tests.
enum ClipFixtures {
    /// Whether the tests that run the real ffmpeg can run here.
    static let ffmpegPresent = ClipReader.isAvailable

    /// Writes the simulator's sample clip (640x360, 3 s, H.264) into `folder`.
    static func sampleClip(in folder: TemporaryFolder, name: String = "sample.mp4") throws -> String {
        try folder.write(name, SampleVideo.bytes)
    }

    /// A 64x36 clip of 3 s at 10 fps: red for the first second, green after, and only its very last
    /// frame blue (so a "last frame" that is one frame early shows green). Made with ffmpeg.
    static func colourClip(in folder: TemporaryFolder) throws -> String {
        let path = folder.file("colours.mp4")
        let graph =
            "color=c=red:s=64x36:r=10:d=1[a];color=c=green:s=64x36:r=10:d=1.9[b];"
            + "color=c=blue:s=64x36:r=10:d=0.1[c];[a][b][c]concat=n=3:v=1:a=0[out0]"
        try runFFmpeg([
            "-v", "error", "-y", "-f", "lavfi", "-i", graph, "-pix_fmt", "yuv420p", "-c:v", "libx264", "-g", "10",
            path,
        ])
        return path
    }

    /// The average colour of the PNG at `path` (ffmpeg scales it to one pixel).
    static func averageColour(ofPNG path: String) throws -> (red: Int, green: Int, blue: Int) {
        let bytes = try runFFmpeg([
            "-v", "error", "-i", path, "-vf", "scale=1:1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ])
        guard bytes.count == 3 else { throw FixtureError("expected 3 bytes of colour, got \(bytes.count)") }
        return (Int(bytes[0]), Int(bytes[1]), Int(bytes[2]))
    }

    /// Writes an executable shell script `name` into `folder`.
    /// (Written through a close-on-exec descriptor: one inherited by a child started meanwhile would
    /// make running the script fail with "text file busy".)
    static func script(_ name: String, _ body: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.file(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw FixtureError("cannot write \(path)") }
        let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw FixtureError("cannot write \(path)") }
        return path
    }

    /// Runs the real ffmpeg; returns its stdout.
    @discardableResult
    static func runFFmpeg(_ arguments: [String]) throws -> [UInt8] {
        guard let ffmpeg = ClipTools.locate().ffmpeg else { throw FixtureError("no ffmpeg") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = ["-nostdin"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("ffmpeg \(arguments) failed") }
        return [UInt8](bytes)
    }

    /// Whether process `pid` is gone (or only a zombie waiting for its parent to collect it) within `patience`.
    ///
    /// A process sent SIGKILL dies when the kernel next schedules it, not at the instant `kill` returns: a
    /// grandchild left to init can still be running for a moment on a loaded machine. So this looks again
    /// until it is gone or `patience` runs out; a process that lives on fails it.
    static func isGone(_ pid: Int32, patience: Duration = .seconds(10)) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        while true {
            if isGoneNow(pid) { return true }
            if clock.now >= deadline { return false }
            usleep(20_000)
        }
    }

    private static func isGoneNow(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return kill(pid, 0) != 0
        }
        guard let close = stat.range(of: ") ", options: .backwards) else { return false }
        return stat[close.upperBound...].first == "Z"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
