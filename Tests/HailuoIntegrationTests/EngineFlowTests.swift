import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

@Suite("Engine against the simulator over real HTTP", .serialized, .sharesTheMachine)
struct EngineFlowTests {
    @Test(arguments: EndpointFamily.allCases)
    func submitPollCompleteDownload(family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        let image = try harness.writeImage("first.png", width: 640, height: 360)
        let submitted = try await engine.submit(
            GenerationParameters(prompt: "A paper boat 🚣 on a rainy street", firstFrame: image))
        #expect(submitted.phase == .pending)
        #expect(submitted.generationID != nil)
        #expect(submitted.firstFrameSHA256?.count == 64)

        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .completed)
        #expect(job.videoURL != nil)
        #expect(job.videoURLExpiresAt != nil)

        let creates = harness.requests(.create)
        #expect(creates.count == 1)
        let imageField = family == .vendor ? "first_frame_image" : "image_url"
        #expect(creates.first?.bodyKeys.contains(imageField) == true)
        #expect(creates.first?.bodyText?.contains("data:image/png;base64,") == true)
        let optimizerField = family == .vendor ? "prompt_optimizer" : "enhance_prompt"
        #expect(creates.first?.bodyKeys.contains(optimizerField) == true)

        let polls = harness.requests(.poll, for: job.generationID)
        #expect(polls.count >= 1)
        #expect(try engine.pollCount(jobID: job.id) == polls.count)

        let downloaded = try await engine.download(job.id)
        let file = try #require(downloaded.filePath)
        let downloadsBefore = harness.requests(.download).count
        #expect(try await engine.download(job.id).filePath == file)  // already saved: no second copy
        #expect(harness.requests(.download).count == downloadsBefore)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.count > 8)
        #expect(String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp")
        #expect(file.hasPrefix(harness.downloads.path))
        let sidecar = URL(fileURLWithPath: file).deletingPathExtension().appendingPathExtension("json")
        let sidecarText = try String(contentsOf: sidecar, encoding: .utf8)
        #expect(sidecarText.contains(job.generationID!))
        #expect(!sidecarText.contains("Signature"))
        #expect(!sidecarText.contains("base64"))
    }

    @Test func validationFailureSendsAndStoresNothing() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let parameters = GenerationParameters(prompt: "x", duration: 10, resolution: .p1080)
        await #expect(throws: SubmitError.self) { try await engine.submit(parameters) }
        #expect(harness.simulator.recordedRequests().isEmpty)
        #expect(try engine.jobs(includeHidden: true).isEmpty)
    }

    @Test func autoDownloadSavesTheVideoWhenTheJobCompletes() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(autoDownload: true)
        await engine.start()
        let job = try await engine.submit(GenerationParameters(prompt: "auto download me"))
        var saved: Job?
        for _ in 0..<400 {
            if let current = try engine.job(id: job.id), current.filePath != nil {
                saved = current
                break
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        let file = try #require(saved?.filePath)
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test func expiredLinkIsReportedAsExpiredWithoutARequest() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        harness.simulator.inject(.expiredLink, on: .poll, count: nil)
        let submitted = try await engine.submit(GenerationParameters(prompt: "expire me"))
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .completed)
        let before = harness.requests(.download).count
        await #expect(throws: DownloadError.self) { try await engine.download(job.id) }
        #expect(harness.requests(.download).count == before)
        do {
            try await engine.download(job.id)
        } catch {
            #expect(String(describing: error).contains("expired"))
        }
    }

    @Test func aRestartResumesUnfinishedJobs() async throws {
        let harness = try await Harness(timeScale: 400)
        defer { Task { await harness.close() } }
        let first = try harness.engine()
        let submitted = try await first.submit(GenerationParameters(prompt: "survive a restart"))
        #expect(submitted.phase == .pending)
        await first.shutdown()  // quits before the job is done (never started polling)

        let second = try harness.engine()
        await second.start()
        let job = try await harness.settle(second, submitted.id)
        #expect(job.phase == .completed)
        #expect(harness.requests(.create).count == 1)
    }

    @Test func requestsPerCompletedJobAreCountedInTheStore() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        var ids: [String] = []
        for index in 0..<5 {
            ids.append(try await engine.submit(GenerationParameters(prompt: "job \(index)")).id)
        }
        var total = 0
        for id in ids {
            let job = try await harness.settle(engine, id)
            #expect(job.phase == .completed)
            let counted = try engine.pollCount(jobID: id)
            #expect(counted == harness.requests(.poll, for: job.generationID).count)
            total += counted
        }
        #expect(total >= ids.count)
    }
}
