import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator

/// What one fault-matrix row did to one engine: the facts the test asserts on.
struct FaultMatrixReport: Sendable {
    var row: FaultMatrixCase
    var family: EndpointFamily
    /// Issued generation ids that are neither in the store nor owned by an unconfirmed job.
    var jobsLost = 0
    /// Create POSTs beyond the one allowed (a resend the row does not allow, or a second upstream job).
    var duplicatePOSTs = 0
    /// Messages the user would see, judged as sentences.
    var messagesChecked = 0
    /// Everything that differs from the row's expectation, in words.
    var problems: [String] = []
}

/// Runs one fault-matrix row through a real engine against its own simulator.
enum FaultMatrixEngineRun {
    /// Submits one job with the row's fault injected, lets the engine settle it, downloads when the
    /// row is about downloads, and compares everything with the row.
    static func run(_ row: FaultMatrixCase, family: EndpointFamily) async throws -> FaultMatrixReport {
        var report = FaultMatrixReport(row: row, family: family)
        guard let fault = row.simulatorFault else {
            report.problems.append("the simulator does not know the fault \(row.fault)")
            return report
        }
        // A `slow` answer (4 s) outlasts the engine's read timeout (2 s); a normal one never does.
        let harness = try await Harness(family: family, simulator: SimulatorConfiguration(slowDelay: 4))
        defer { Task { await harness.close() } }
        let engine = try harness.engine(readTimeout: 2)
        let seen = FaultMatrixMessages(engine)
        await engine.start()
        let count = row.kind == .poll && fault != .expiredLink ? 2 : 1
        harness.simulator.inject(fault, on: row.kind, count: count)

        let submitted = try await engine.submit(GenerationParameters(prompt: "matrix \(row) \(family)"))
        var job = try await harness.settle(engine, submitted.id, seconds: 30)
        if row.kind == .download || row.firstDownloadSaves, job.phase == .completed {
            job = await download(job, row: row, engine: engine, into: &report)
        }
        check(job, row: row, harness: harness, seen: seen.messages, into: &report)
        return report
    }

    /// The first download try (and a second one when the row expects the first to fail).
    private static func download(
        _ job: Job, row: FaultMatrixCase, engine: GenerationEngine, into report: inout FaultMatrixReport
    ) async -> Job {
        do {
            let saved = try await engine.download(job.id)
            if !row.firstDownloadSaves { report.problems.append("the first download saved the file despite the fault") }
            return saved
        } catch {
            let message = String(describing: error)
            if row.firstDownloadSaves { report.problems.append("the first download failed: \(message)") }
            if let fragment = row.message, !message.contains(fragment) {
                report.problems.append("download message lacks \"\(fragment)\": \(message)")
            }
            if row.requestID, !message.contains("requestId ") {
                report.problems.append("download message lacks the requestId: \(message)")
            }
        }
        do {
            return try await engine.download(job.id)
        } catch {
            report.problems.append("the second download failed too: \(error)")
            return (try? engine.job(id: job.id)) ?? job
        }
    }

    private static func check(
        _ job: Job, row: FaultMatrixCase, harness: Harness, seen: [String], into report: inout FaultMatrixReport
    ) {
        if job.phase != row.phase {
            report.problems.append(
                "phase \(job.phase.rawValue), expected \(row.phase.rawValue) (\(job.errorMessage ?? ""))")
        }
        if row.kind == .download || row.firstDownloadSaves, row.phase == .completed {
            if job.filePath.map({ FileManager.default.fileExists(atPath: $0) }) != true {
                report.problems.append("no video file saved")
            }
        }
        let creates = harness.requests(.create)
        let issued = harness.simulator.issuedGenerationIDs()
        // Lost: an id the provider issued that the store neither holds nor marks unconfirmed.
        for id in issued where job.generationID != id && job.phase != .unconfirmed {
            report.jobsLost += 1
            report.problems.append("issued id \(id) is not in the store")
        }
        let allowed = row.resendAllowed ? 2 : 1
        report.duplicatePOSTs += max(0, creates.count - allowed) + max(0, issued.count - 1)
        if row.resendAllowed && creates.count != 2 {
            report.problems.append("expected one resend after the refusal, saw \(creates.count) creates")
        }
        // The job's own message (failed or unconfirmed jobs).
        if job.phase == .failed || job.phase == .unconfirmed {
            let message = job.errorMessage ?? ""
            report.messagesChecked += 1
            if let fragment = row.message, !message.contains(fragment) {
                report.problems.append("job message lacks \"\(fragment)\": \(message)")
            }
            if row.requestID && row.kind == .create && job.errorRequestID == nil {
                report.problems.append("no requestId stored")
            }
            let requestID = row.kind == .create ? job.errorRequestID : nil
            for problem in FaultMatrixSentence.problems(message, requestID: requestID) {
                report.problems.append("job message: \(problem): \(message)")
            }
        }
        // Connection notes and download failures seen on the way.
        for message in seen {
            report.messagesChecked += 1
            for problem in FaultMatrixSentence.problems(message) {
                report.problems.append("event message: \(problem): \(message)")
            }
        }
        if row.kind == .poll, let fragment = row.message, job.phase == .completed,
            !seen.contains(where: { $0.contains(fragment) })
        {
            report.problems.append("no connection note with \"\(fragment)\"; saw \(seen)")
        }
    }
}
