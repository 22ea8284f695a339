import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoTestSupport
import Hummingbird
import Logging
import Testing

/// The downloader against a tiny fake CDN on 127.0.0.1 (real HTTP, real files).
@Suite("Downloader over HTTP", .sharesTheMachine)
struct DownloadTests {
    private static let utc = TimeZone(identifier: "UTC")!
    private static let created = Date(timeIntervalSince1970: 1_741_064_767)  // 2025-03-04 05:06:07 UTC
    private static let now = Date(timeIntervalSince1970: 1_750_000_000)
    private static let fileName = "20250304-0506-a-fox-in-the-snow-ab12cd34.mp4"

    private func job(_ url: String?) -> Job {
        Job.fixture(
            id: "ab12cd34", phase: .completed, prompt: "A fox in the snow", promptOptimizer: false,
            firstFrame: "/home/me/fox.png", baseURL: "http://127.0.0.1", createdAt: Self.created,
            submittedAt: Self.created.addingTimeInterval(2), finishedAt: Self.created.addingTimeInterval(270),
            generationID: "gen-42", videoURL: url)
    }

    /// A link to the fake CDN that expires an hour after ``now`` and carries a signature.
    private func signed(_ port: Int, _ path: String, expires: Date = now.addingTimeInterval(3600)) -> String {
        "http://127.0.0.1:\(port)/\(path)?Expires=\(Int(expires.timeIntervalSince1970))&Signature=SECRET-SIG&Key-Pair-Id=K"
    }

    @Test("a complete download lands under its name with a sidecar and no signature stored")
    func complete() async throws {
        try await DownloadFixture.run { fixture in
            let progress = ProgressLog()
            let saved = try await fixture.downloader.download(
                job: job(signed(fixture.port, "video.mp4")), into: fixture.folder, now: Self.now
            ) { progress.append($0) }

            #expect(saved.lastPathComponent == Self.fileName)
            #expect(try Data(contentsOf: saved) == DownloadCDN.video)
            #expect(!FileManager.default.fileExists(atPath: saved.path + ".part"))
            #expect(fixture.cdn.requests.map(\.range) == [nil])

            let sidecarURL = fixture.folder.appendingPathComponent("20250304-0506-a-fox-in-the-snow-ab12cd34.json")
            let text = try String(contentsOf: sidecarURL, encoding: .utf8)
            #expect(!text.contains("SECRET"))
            #expect(!text.contains("Expires"))
            let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(sidecar["source_url"] as? String == "http://127.0.0.1:\(fixture.port)/video.mp4")
            #expect(sidecar["prompt"] as? String == "A fox in the snow")
            #expect(sidecar["model"] as? String == "minimax/hailuo-02")
            #expect(sidecar["duration"] as? Int == 6)
            #expect(sidecar["resolution"] as? String == "768P")
            #expect(sidecar["prompt_optimizer"] as? Bool == false)
            #expect(sidecar["first_frame"] as? String == "/home/me/fox.png")
            #expect(sidecar["last_frame"] is NSNull)
            #expect(sidecar["generation_id"] as? String == "gen-42")
            #expect(sidecar["id"] as? String == "ab12cd34")
            #expect(sidecar["created_at"] as? String == "2025-03-04T05:06:07Z")
            #expect(sidecar["finished_at"] as? String == "2025-03-04T05:10:37Z")
            #expect(sidecar["file"] as? String == Self.fileName)
            let downloadedAt = try #require(sidecar["downloaded_at"] as? String)
            #expect(downloadedAt.hasPrefix("2025-06-15T"))  // `now` (2025-06-15T15:06:40Z) plus the seconds spent
            #expect(text.contains("\n  \"created_at\""))  // pretty-printed

            let events = progress.events
            #expect(events.count >= 3)
            #expect(
                events.last
                    == DownloadProgress(
                        jobID: "ab12cd34", received: Int64(DownloadCDN.video.count),
                        total: Int64(DownloadCDN.video.count)))
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.received <= $1.received })
            // Not more often than every 64 KiB, except the final report.
            let steps = zip(events, events.dropFirst()).map { $1.received - $0.received }
            #expect(steps.dropLast().allSatisfy { $0 == 0 || $0 >= Downloader.progressStep })
        }
    }

    @Test("a second download of the same job does not overwrite the first")
    func secondDownloadGetsSuffix() async throws {
        try await DownloadFixture.run { fixture in
            let link = signed(fixture.port, "video.mp4")
            let first = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now)
            let second = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now)
            #expect(first.lastPathComponent == Self.fileName)
            #expect(second.lastPathComponent == "20250304-0506-a-fox-in-the-snow-ab12cd34-2.mp4")
            #expect(
                FileManager.default.fileExists(
                    atPath: fixture.folder.appendingPathComponent("20250304-0506-a-fox-in-the-snow-ab12cd34-2.json")
                        .path))
        }
    }

    @Test("a cut connection keeps the .part; the next call resumes with Range and the bytes match")
    func resumeAfterCut() async throws {
        try await DownloadFixture.run { fixture in
            let link = signed(fixture.port, "cut.mp4")
            let part = fixture.folder.appendingPathComponent(Self.fileName + ".part")

            await #expect {
                _ = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now)
            } throws: { error in
                guard case .network = error as? DownloadError else { return false }
                return true
            }
            let kept = try Data(contentsOf: part)
            #expect(kept.count > 0)
            #expect(kept.count < DownloadCDN.video.count)
            #expect(kept == DownloadCDN.video.prefix(kept.count))

            let progress = ProgressLog()
            let saved = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now) {
                progress.append($0)
            }
            #expect(try Data(contentsOf: saved) == DownloadCDN.video)
            #expect(fixture.cdn.requests.map(\.range) == [nil, "bytes=\(kept.count)-"])
            #expect(progress.events.first?.received == Int64(kept.count))
            #expect(!FileManager.default.fileExists(atPath: part.path))
        }
    }

    @Test("a server that ignores Range (200) makes the download start over")
    func rangeIgnored() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.makeFolder()
            let part = fixture.folder.appendingPathComponent(Self.fileName + ".part")
            try Data(repeating: 0xEE, count: 1000).write(to: part)
            let saved = try await fixture.downloader.download(
                job: job(signed(fixture.port, "norange.mp4")), into: fixture.folder, now: Self.now)
            #expect(try Data(contentsOf: saved) == DownloadCDN.video)
            #expect(fixture.cdn.requests.map(\.range) == ["bytes=1000-"])
        }
    }

    @Test("a 416 for a complete .part finishes it without new bytes")
    func alreadyComplete() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.makeFolder()
            let part = fixture.folder.appendingPathComponent(Self.fileName + ".part")
            try DownloadCDN.video.write(to: part)
            let saved = try await fixture.downloader.download(
                job: job(signed(fixture.port, "video.mp4")), into: fixture.folder, now: Self.now)
            #expect(try Data(contentsOf: saved) == DownloadCDN.video)
            #expect(fixture.cdn.requests.map(\.range) == ["bytes=\(DownloadCDN.video.count)-"])
            #expect(fixture.cdn.requests.map(\.status) == [416])
        }
    }

    @Test("an expired link is reported as expired and no request is made")
    func expiredBeforeRequest() async throws {
        try await DownloadFixture.run { fixture in
            let expiry = Self.now.addingTimeInterval(-1)
            let link = signed(fixture.port, "video.mp4", expires: expiry)
            await #expect(throws: DownloadError.expired(expiry)) {
                _ = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now)
            }
            #expect(fixture.cdn.requests.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: fixture.folder.path))
        }
    }

    @Test("a 403 right at the link's expiry is reported as expired")
    func forbiddenNearExpiry() async throws {
        try await DownloadFixture.run { fixture in
            let expiry = Self.now.addingTimeInterval(20)
            let link = signed(fixture.port, "forbidden.mp4", expires: expiry)
            await #expect(throws: DownloadError.expired(expiry)) {
                _ = try await fixture.downloader.download(job: job(link), into: fixture.folder, now: Self.now)
            }
            #expect(fixture.cdn.requests.count == 1)
        }
    }

    @Test("a 403 long before expiry is an HTTP error with the server's message")
    func forbiddenOtherwise() async throws {
        try await DownloadFixture.run { fixture in
            await #expect(throws: DownloadError.http(status: 403, message: "Access denied")) {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "forbidden.mp4")), into: fixture.folder, now: Self.now)
            }
        }
    }

    @Test("a 404 is an HTTP error")
    func notFound() async throws {
        try await DownloadFixture.run { fixture in
            await #expect {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "missing.mp4")), into: fixture.folder, now: Self.now)
            } throws: { error in
                guard case .http(status: 404, _) = error as? DownloadError else { return false }
                return true
            }
        }
    }

    @Test("a body that is not an MP4 is refused and set aside as .bad")
    func notMP4() async throws {
        try await DownloadFixture.run { fixture in
            await #expect(throws: DownloadError.notMP4) {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "page.html")), into: fixture.folder, now: Self.now)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path)
            #expect(names == [Self.fileName + ".bad"])
        }
    }

    @Test("an empty body is reported as empty")
    func emptyBody() async throws {
        try await DownloadFixture.run { fixture in
            await #expect(throws: DownloadError.empty) {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "empty.mp4")), into: fixture.folder, now: Self.now)
            }
        }
    }

    @Test("a job without a link fails with noURL before any request")
    func noURL() async throws {
        try await DownloadFixture.run { fixture in
            await #expect(throws: DownloadError.noURL) {
                _ = try await fixture.downloader.download(job: job(nil), into: fixture.folder, now: Self.now)
            }
            #expect(fixture.cdn.requests.isEmpty)
        }
    }

    @Test("a stalled body hits the read timeout and keeps the .part")
    func stall() async throws {
        // 3 s: under a fully loaded test run (tmux screens, several binaries) the first half has
        // been seen to take more than 1 s to arrive.
        try await DownloadFixture.run(readTimeout: .seconds(3)) { fixture in
            await #expect {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "stall.mp4")), into: fixture.folder, now: Self.now)
            } throws: { error in
                guard case .network = error as? DownloadError else { return false }
                return true
            }
            let part = fixture.folder.appendingPathComponent(Self.fileName + ".part")
            // What arrived before the stall is kept, uncorrupted (under a loaded test run the
            // watch may fire before every byte of the first half was written).
            let kept = try Data(contentsOf: part)
            #expect(kept.count <= DownloadCDN.video.count / 2)
            #expect(DownloadCDN.video.starts(with: kept))
        }
    }

    @Test("a .part that is a symbolic link is refused")
    func symlinkedPart() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.makeFolder()
            let outside = fixture.folder.deletingLastPathComponent()
                .appendingPathComponent("outside-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: outside) }
            try FileManager.default.createSymbolicLink(
                atPath: fixture.folder.appendingPathComponent(Self.fileName + ".part").path,
                withDestinationPath: outside.path)
            await #expect(throws: DownloadError.outsideFolder) {
                _ = try await fixture.downloader.download(
                    job: job(signed(fixture.port, "video.mp4")), into: fixture.folder, now: Self.now)
            }
            #expect(!FileManager.default.fileExists(atPath: outside.path))
            #expect(fixture.cdn.requests.isEmpty)
        }
    }
}

// MARK: - Fixture

/// Collects progress reports from the downloader's task.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [DownloadProgress] = []

    func append(_ event: DownloadProgress) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(event)
    }

    var events: [DownloadProgress] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// A running fake CDN, an HTTP client, a downloader and a temporary folder (not yet created).
struct DownloadFixture {
    let port: Int
    let cdn: DownloadCDN
    let downloader: Downloader
    let folder: URL

    func makeFolder() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Starts everything, runs `body`, then stops the server, shuts the client down and removes the folder.
    static func run(
        readTimeout: Duration = .seconds(30), _ body: (DownloadFixture) async throws -> Void
    ) async throws {
        let cdn = DownloadCDN()
        let server = try await cdn.start()
        // Configured as the engine configures its client: AHC's own read timeout backs up the
        // downloader's watch, so a stalled body always ends.
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .seconds(5),
            read: .nanoseconds(
                Int64(readTimeout.components.seconds) * 1_000_000_000 + readTimeout.components.attoseconds
                    / 1_000_000_000))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let root = try TemporaryFolder("hailuo-dl").url
        let fixture = DownloadFixture(
            port: server.port, cdn: cdn,
            downloader: Downloader(
                httpClient: client, readTimeout: readTimeout, timeZone: TimeZone(identifier: "UTC")!),
            folder: root.appendingPathComponent("videos"))
        do {
            try await body(fixture)
        } catch {
            await server.stop()
            try? await client.shutdown()
            TemporaryFolder.remove(root)
            throw error
        }
        await server.stop()
        try await client.shutdown()
        TemporaryFolder.remove(root)
    }
}

/// A fake CDN: `/video.mp4` (Range aware), `/cut.mp4` (drops the connection halfway unless asked
/// for a range), `/norange.mp4` (ignores Range), `/stall.mp4` (sends half, then goes quiet),
/// `/forbidden.mp4` (403), `/page.html` (not an MP4), `/empty.mp4`. It records every request.
final class DownloadCDN: @unchecked Sendable {
    struct Hit: Sendable {
        var path: String
        var range: String?
        var status: Int
    }

    /// A fake MP4 of 300 000 bytes: a real `ftyp` box, then deterministic filler.
    static let video: Data = {
        var bytes: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)
        var state: UInt32 = 0x1234_5678
        while bytes.count < 300_000 {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes.append(UInt8(truncatingIfNeeded: state >> 24))
        }
        return Data(bytes)
    }()

    private let lock = NSLock()
    private var hits: [Hit] = []

    var requests: [Hit] {
        lock.lock()
        defer { lock.unlock() }
        return hits
    }

    private func record(_ path: String, _ range: String?, _ status: Int) {
        lock.lock()
        defer { lock.unlock() }
        hits.append(Hit(path: path, range: range, status: status))
    }

    /// A running server: its port and how to stop it.
    struct Running {
        let port: Int
        let task: Task<Void, any Error>

        func stop() async {
            task.cancel()
            _ = await task.result
        }
    }

    struct Dropped: Error {}

    func start() async throws -> Running {
        let router = Router()
        let video = Self.video
        router.get("video.mp4") { request, _ -> Response in
            let response = Self.ranged(video, range: request.headers[.range])
            self.record("video.mp4", request.headers[.range], Int(response.status.code))
            return response
        }
        router.get("norange.mp4") { request, _ -> Response in
            self.record("norange.mp4", request.headers[.range], 200)
            return Response(
                status: .ok, headers: [.contentType: "video/mp4"], body: .init(byteBuffer: ByteBuffer(bytes: video)))
        }
        router.get("cut.mp4") { request, _ -> Response in
            if let range = request.headers[.range] {
                let response = Self.ranged(video, range: range)
                self.record("cut.mp4", range, Int(response.status.code))
                return response
            }
            self.record("cut.mp4", nil, 200)
            let half = ByteBuffer(bytes: video.prefix(video.count / 2))
            return Response(
                status: .ok, headers: [.contentType: "video/mp4"],
                body: ResponseBody(contentLength: video.count) { writer in
                    try await writer.write(half)
                    throw Dropped()
                })
        }
        router.get("stall.mp4") { request, _ -> Response in
            self.record("stall.mp4", request.headers[.range], 200)
            let half = ByteBuffer(bytes: video.prefix(video.count / 2))
            return Response(
                status: .ok, headers: [.contentType: "video/mp4"],
                body: ResponseBody(contentLength: video.count) { writer in
                    try await writer.write(half)
                    try await Task.sleep(for: .seconds(30))
                    throw Dropped()
                })
        }
        router.get("forbidden.mp4") { request, _ -> Response in
            self.record("forbidden.mp4", request.headers[.range], 403)
            return Response(
                status: .forbidden, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"message": "Access denied"}"#)))
        }
        router.get("page.html") { request, _ -> Response in
            self.record("page.html", request.headers[.range], 200)
            return Response(
                status: .ok, headers: [.contentType: "text/html"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><body>Please sign in</body></html>")))
        }
        router.get("empty.mp4") { request, _ -> Response in
            self.record("empty.mp4", request.headers[.range], 200)
            return Response(status: .ok, headers: [.contentType: "video/mp4"], body: .init())
        }

        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "download-test-cdn")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            task.cancel()
            _ = await task.result
            throw Dropped()
        }
        return Running(port: port, task: task)
    }

    /// 200 for no Range, 206 for `bytes=N-` inside the file, 416 past its end.
    private static func ranged(_ data: Data, range: String?) -> Response {
        guard let range, range.hasPrefix("bytes="), range.hasSuffix("-"),
            let start = Int(range.dropFirst("bytes=".count).dropLast())
        else {
            return Response(
                status: .ok, headers: [.contentType: "video/mp4"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        guard start < data.count else {
            return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(data.count)"])
        }
        return Response(
            status: .partialContent,
            headers: [.contentType: "video/mp4", .contentRange: "bytes \(start)-\(data.count - 1)/\(data.count)"],
            body: .init(byteBuffer: ByteBuffer(bytes: data.dropFirst(start))))
    }
}
