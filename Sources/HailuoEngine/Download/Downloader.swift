import AsyncHTTPClient
import Foundation
import HailuoCore
import Logging
import NIOCore

/// Saves a completed job's video into a folder, safely and resumably.
///
/// One call of ``download(job:into:now:progress:)``:
/// 1. refuses a job without a link (``DownloadError/noURL``) and a link whose `Expires=` time has
///    passed (``DownloadError/expired(_:)``) before any request is made;
/// 2. streams the body into `<name>.mp4.part` inside the folder (never into memory), resuming an
///    earlier, interrupted try with `Range: bytes=N-` (206 appends, 200 starts over, 416 means
///    the part was already complete);
/// 3. checks the file (not empty, an MP4 `ftyp` box), renames it to its final name
///    (``FileNaming``; a taken name gets `-2`, `-3`, …) and writes a JSON sidecar
///    (``DownloadSidecar``) beside it.
///
/// An interruption (network error, read timeout, cancellation) keeps the `.part` file, so the next
/// call resumes it. The HTTP client belongs to the caller, who shuts it down.
/// Two downloads of the same job must not run at once (the caller serializes them).
public final class Downloader: Sendable {
    /// Progress is reported at most once per this many bytes (plus at start and at the end).
    public static let progressStep: Int64 = 64 * 1024
    /// A 403 this close to the link's expiry time is taken as "expired" (clock skew).
    static let expirySkew: TimeInterval = 60

    private let httpClient: HTTPClient
    private let readTimeout: Duration
    private let totalTimeout: Duration
    private let timeZone: TimeZone
    private let logger: Logger?

    /// - Parameters:
    ///   - httpClient: a shared client owned by the caller (never shut down here).
    ///   - readTimeout: the longest wait for the response head or for the next piece of the body.
    ///   - totalTimeout: the deadline for one whole request, body included.
    ///   - timeZone: the zone of the time stamp in file names.
    ///   - logger: where to log (links are logged without their signature).
    public init(
        httpClient: HTTPClient,
        readTimeout: Duration = .seconds(60),
        totalTimeout: Duration = .seconds(3600),
        timeZone: TimeZone = .current,
        logger: Logger? = nil
    ) {
        self.httpClient = httpClient
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.timeZone = timeZone
        self.logger = logger
    }

    /// Downloads the job's video into `folder` and returns the saved file's URL.
    ///
    /// - Parameters:
    ///   - job: a job with a `videoURL`.
    ///   - folder: the download folder; created (with its parents) when missing.
    ///   - now: the current time, used to judge the link's expiry.
    ///   - progress: called with the bytes on disk so far; not more often than every
    ///     ``progressStep`` bytes.
    /// - Throws: only ``DownloadError``; cancellation becomes ``DownloadError/cancelled``.
    public func download(
        job: Job,
        into folder: URL,
        now: Date = Date(),
        progress: @escaping @Sendable (DownloadProgress) -> Void = { _ in }
    ) async throws(DownloadError) -> URL {
        do {
            return try await perform(job: job, folder: folder, now: now, progress: progress)
        } catch let error as DownloadError {
            logger?.notice("download failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
            throw error
        } catch {
            let mapped = Self.classify(error)
            logger?.notice("download failed", metadata: ["job": "\(job.id)", "error": "\(mapped)"])
            throw mapped
        }
    }

    // MARK: - Steps

    private func perform(
        job: Job, folder: URL, now: Date, progress: @escaping @Sendable (DownloadProgress) -> Void
    ) async throws -> URL {
        guard let link = job.videoURL?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty else {
            throw DownloadError.noURL
        }
        let expiry = SignedURL.expiry(of: link) ?? job.videoURLExpiresAt
        if let expiry, expiry <= now { throw DownloadError.expired(expiry) }
        guard let scheme = URL(string: link)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw DownloadError.network("the link \(SignedURL.withoutSignature(link)) is not an http(s) URL")
        }

        let clock = ContinuousClock()
        let started = clock.now
        let directory = try DownloadFiles.prepareFolder(folder)
        let baseName = FileNaming.fileName(for: job, timeZone: timeZone)
        let part = try DownloadFiles.child(baseName + ".part", of: directory)
        let bad = try DownloadFiles.child(baseName + ".bad", of: directory)

        let transfer = Transfer(
            link: link, part: part, jobID: job.id, expiry: expiry,
            elapsedNow: { now.addingTimeInterval(Self.seconds(clock.now - started)) },
            progress: progress)
        var offset = try DownloadFiles.partialSize(part)
        logger?.info(
            "download starting",
            metadata: [
                "job": "\(job.id)", "source": "\(SignedURL.withoutSignature(link))", "resume_from": "\(offset)",
            ])
        if try await run(transfer, from: offset) == .rangeMismatch {
            offset = 0
            _ = try await run(transfer, from: offset)
        }

        try Task.checkCancellation()
        try DownloadFiles.verifyMP4(part, badURL: bad)
        let finalName = FileNaming.availableFileName(baseName, in: directory)
        let target = try DownloadFiles.child(finalName, of: directory)
        let sidecarURL = try DownloadFiles.child(FileNaming.sidecarName(for: finalName), of: directory)
        try DownloadFiles.publish(part, as: target)

        let downloadedAt = transfer.elapsedNow()
        let sidecar = DownloadSidecar(job: job, file: finalName, downloadedAt: downloadedAt)
        let data: Data
        do {
            data = try sidecar.jsonData()
        } catch {
            throw DownloadError.fileSystem("cannot encode the sidecar for \(finalName) (\(error))")
        }
        try DownloadFiles.writeAtomically(data, to: sidecarURL)
        logger?.info(
            "download finished",
            metadata: [
                "job": "\(job.id)", "file": "\(target.path)", "bytes": "\(DownloadFiles.size(of: target))",
            ])
        return target
    }

    /// Runs one request under the read-timeout watch.
    private func run(_ transfer: Transfer, from offset: Int64) async throws -> TransferOutcome {
        let activity = DownloadActivity()
        let limit = readTimeout
        return try await withThrowingTaskGroup(of: TransferOutcome?.self) { group in
            group.addTask { try await self.stream(transfer, from: offset, activity: activity) }
            group.addTask {
                try await activity.waitUntilIdle(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            guard let outcome = first else {
                throw DownloadError.network("no data arrived for \(Self.describe(limit))")
            }
            return outcome
        }
    }

    /// Sends the request and writes the body into the `.part` file.
    private func stream(_ transfer: Transfer, from offset: Int64, activity: DownloadActivity) async throws
        -> TransferOutcome
    {
        var request = HTTPClientRequest(url: transfer.link)
        request.method = .GET
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        let response = try await httpClient.execute(
            request, deadline: .now() + .nanoseconds(Self.nanoseconds(totalTimeout)), logger: logger)
        activity.touch()
        let status = Int(response.status.code)
        let length = response.headers.first(name: "Content-Length").flatMap { Int64($0) }

        let start: Int64
        let total: Int64?
        switch status {
        case 206:
            let range = ContentRange(response.headers.first(name: "Content-Range"))
            start = range?.start ?? offset
            guard start == offset else { return .rangeMismatch }
            total = range?.total ?? length.map { offset + $0 }
        case 200...299:
            start = 0
            total = length
        case 416 where offset > 0:
            transfer.progress(DownloadProgress(jobID: transfer.jobID, received: offset, total: offset))
            return .complete
        default:
            let message = await Self.excerpt(of: response.body)
            throw failure(status: status, message: message, transfer: transfer)
        }

        let handle = try DownloadFiles.openPart(transfer.part, at: start)
        defer { try? handle.close() }
        var received = start
        var reported = received
        transfer.progress(DownloadProgress(jobID: transfer.jobID, received: received, total: total))
        for try await chunk in response.body {
            activity.touch()
            do {
                try chunk.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
            } catch {
                throw DownloadError.fileSystem(
                    "cannot write \(transfer.part.path) (\(DownloadFiles.reason(error)))")
            }
            received += Int64(chunk.readableBytes)
            if received - reported >= Self.progressStep {
                reported = received
                transfer.progress(DownloadProgress(jobID: transfer.jobID, received: received, total: total))
            }
        }
        // A cancelled body stream may simply end: never take that for the end of the file.
        try Task.checkCancellation()
        do {
            try handle.synchronize()
        } catch {
            throw DownloadError.fileSystem("cannot flush \(transfer.part.path) (\(DownloadFiles.reason(error)))")
        }
        if received != reported {
            transfer.progress(DownloadProgress(jobID: transfer.jobID, received: received, total: total))
        }
        if let total, received < total {
            throw DownloadError.network("the connection closed after \(received) of \(total) bytes")
        }
        return .complete
    }

    /// The error for a status the download cannot use.
    private func failure(status: Int, message: String, transfer: Transfer) -> DownloadError {
        if status == 403 {
            let now = transfer.elapsedNow()
            if let expiry = transfer.expiry, expiry <= now.addingTimeInterval(Self.expirySkew) {
                return .expired(expiry)
            }
            if message.lowercased().contains("expired") {
                return .expired(transfer.expiry ?? now)
            }
        }
        return .http(status: status, message: message)
    }

    // MARK: - Helpers

    /// What one request needs to know.
    private struct Transfer: Sendable {
        let link: String
        let part: URL
        let jobID: String
        let expiry: Date?
        let elapsedNow: @Sendable () -> Date
        let progress: @Sendable (DownloadProgress) -> Void
    }

    private enum TransferOutcome: Sendable {
        case complete
        /// A 206 that did not start where the `.part` ends: start over without `Range`.
        case rangeMismatch
    }

    /// `Content-Range: bytes <start>-<end>/<total|*>`.
    private struct ContentRange {
        let start: Int64
        let total: Int64?

        init?(_ header: String?) {
            guard let header, header.lowercased().hasPrefix("bytes ") else { return nil }
            let spec = header.dropFirst("bytes ".count).trimmingCharacters(in: .whitespaces)
            let halves = spec.split(separator: "/", maxSplits: 1)
            guard let range = halves.first, let dash = range.firstIndex(of: "-"),
                let start = Int64(range[..<dash])
            else { return nil }
            self.start = start
            self.total = halves.count > 1 ? Int64(halves[1]) : nil
        }
    }

    /// A short, printable excerpt of an error body (its `message` field when it is JSON).
    private static func excerpt(of body: HTTPClientResponse.Body) async -> String {
        var bytes = [UInt8]()
        do {
            for try await chunk in body {
                bytes.append(contentsOf: chunk.readableBytesView.prefix(4096 - bytes.count))
                if bytes.count >= 4096 { break }
            }
        } catch {
            // A broken error body still leaves the status to report.
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let message = object["message"] as? String
        {
            // The provider's requestId, when it gave one, is what its support asks for.
            guard let requestID = object["requestId"] as? String, !requestID.isEmpty else { return clean(message) }
            return clean(message) + " [requestId \(clean(requestID))]"
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else { return "" }
        return clean(text)
    }

    private static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return InertText.oneLine(words.joined(separator: " "), limit: 200)
    }

    /// Turns a transport or task error into a ``DownloadError``.
    static func classify(_ error: any Error) -> DownloadError {
        if error is CancellationError || Task.isCancelled { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .remoteConnectionClosed: return .network("the server closed the connection early")
            case .readTimeout: return .network("no data arrived in time")
            case .connectTimeout: return .network("the server could not be reached in time")
            case .deadlineExceeded: return .network("the download took longer than allowed")
            default: return .network(String(describing: error))
            }
        }
        return .network(String(describing: error))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product &+ attoseconds / 1_000_000_000
    }

    static func describe(_ duration: Duration) -> String {
        let value = seconds(duration)
        if value >= 1, value == value.rounded() { return "\(Int(value)) seconds" }
        return "\(Int((value * 1000).rounded())) ms"
    }
}
