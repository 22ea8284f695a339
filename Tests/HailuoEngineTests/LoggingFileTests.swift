import Foundation
import HailuoCore
import HailuoEngine
import Logging
import Testing

@Suite("Logging to the state folder")
struct LoggingFileTests {
    static let key = "sk-live-9f8e7d6c5b4a39281706"

    private func logText(_ paths: HailuoPaths) throws -> String {
        try String(contentsOf: paths.logFile, encoding: .utf8)
    }

    @Test func theLogFileIs0600InA0700FolderAndHoldsTheLine() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        var logger = HailuoLogging.makeLogger(paths: paths, redactor: Redactor(), label: "hailuo.test")
        logger[metadataKey: "job"] = "h-42"
        logger.info("submitted", metadata: ["model": "minimax/hailuo-02"])
        logger.debug("not written at info level")
        #expect(try ConfigSandbox.mode(of: paths.stateDirectory) == 0o700)
        #expect(try ConfigSandbox.mode(of: paths.logFile) == 0o600)
        let lines = try logText(paths).split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix(" info hailuo.test: submitted job=h-42 model=minimax/hailuo-02"))
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z .*/) != nil)
    }

    @Test func anExistingLooseLogFileIsTightenedAndAppendedTo() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        try paths.createStateDirectory()
        try "old line\n".write(to: paths.logFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: paths.logFile.path)
        let logger = HailuoLogging.makeLogger(paths: paths, redactor: Redactor())
        logger.warning("new line")
        #expect(try ConfigSandbox.mode(of: paths.logFile) == 0o600)
        let lines = try logText(paths).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "old line")
        #expect(lines.last?.hasSuffix("warning hailuo: new line") == true)
    }

    @Test func theKeyAuthorizationAndImageDataNeverReachTheFile() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_KEY"] = Self.key
        let settings = try sandbox.load()
        let logger = HailuoLogging.makeLogger(settings: settings, label: "hailuo.http")
        let image = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).base64EncodedString()
        let bareBase64 = Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 13) }).base64EncodedString()
        logger.info("POST with key \(Self.key) and header Authorization: Bearer \(Self.key)")
        logger.info(
            "request body",
            metadata: [
                "body": "{\"first_frame_image\":\"data:image/png;base64,\(image)\"}",
                "headers": "[(\"Authorization\", \"Bearer \(Self.key)\")]",
                "raw": "\(bareBase64)",
                "token": "bearer other-token-value-123",
            ])
        struct Failure: Error, CustomStringConvertible {
            var description: String { "refused key \(LoggingFileTests.key)" }
        }
        logger.error("failed", error: Failure())
        let text = try logText(HailuoPaths(environment: sandbox.environment))
        #expect(!text.contains(Self.key))
        #expect(!text.contains("9f8e7d6c5b4a"))
        #expect(!text.contains("other-token-value-123"))
        #expect(!text.contains(String(image.prefix(40))))
        #expect(!text.contains(String(bareBase64.prefix(40))))
        #expect(text.contains("data:image/png;base64,[3000 bytes]"))
        #expect(text.contains("[base64, \(bareBase64.count) chars]"))
        #expect(text.contains("Bearer [redacted]"))
        #expect(text.split(separator: "\n").count == 3)
    }

    @Test func escapeSequencesAndNewlinesAreMadeInert() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        let logger = HailuoLogging.makeLogger(paths: paths, redactor: Redactor())
        logger.info("server said: \u{1B}]0;owned\u{07}\u{1B}[2J\nsecond line")
        let text = try logText(paths)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(text.split(separator: "\n").count == 1)
        #expect(text.contains("\\e]0;owned\\u{0007}\\e[2J\\nsecond line"))
    }

    @Test func manyThreadsWriteWholeLines() async throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        let sink = try HailuoLogging.openSink(paths: paths)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let logger = HailuoLogging.makeLogger(sink: sink, redactor: Redactor(), label: "t\(task)")
                    for index in 0..<50 { logger.info("line \(index) \(String(repeating: "x", count: 100))") }
                }
            }
        }
        let lines = try logText(paths).split(separator: "\n")
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { $0.hasSuffix(String(repeating: "x", count: 100)) && $0.contains(": line ") })
    }

    @Test func anUnwritableStateFolderGivesASilentLogger() throws {
        let sandbox = try ConfigSandbox()
        try Data().write(to: sandbox.stateHome)  // a file where the folder should be
        let paths = HailuoPaths(environment: sandbox.environment)
        let logger = HailuoLogging.makeLogger(paths: paths, redactor: Redactor())
        logger.info("goes nowhere")
        #expect(!FileManager.default.fileExists(atPath: paths.logFile.path))
    }
}
