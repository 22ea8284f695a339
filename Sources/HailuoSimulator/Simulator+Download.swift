import Foundation
import Hummingbird

extension Simulator {
    /// `GET /files/<id>.mp4?Expires=..&Signature=..`: the sample clip, with ranges, signature and expiry.
    func download(_ incoming: IncomingRequest) -> Answer {
        guard let numeric = SignedLink.numericID(inPath: incoming.path), GenerationID(decoding: numeric) != nil else {
            let response = ProviderResponse.error(
                status: 404, message: "Cannot GET \(incoming.path)", path: incoming.path)
            return Answer(response: response, status: 404)
        }
        guard let expiresText = incoming.queryItems["Expires"], let expires = Int64(expiresText),
            let signature = incoming.queryItems["Signature"],
            SignedLink.isValid(numericID: numeric, expires: expires, signature: signature)
        else {
            let response = ProviderResponse.error(
                status: 403, message: "Access denied: the signature does not match", path: incoming.path)
            return Answer(response: response, status: 403, generationID: numeric)
        }
        let fault = state.withLock { $0.takeFault(for: .download, header: incoming.headerFault) { _ in true } }
        var answer = Answer(response: Response(status: .ok), status: 200, generationID: numeric, fault: fault)
        if let fault, let response = ProviderResponse.fault(fault, path: incoming.path) {
            answer.response = response
            answer.status = ProviderResponse.statusCode(of: fault) ?? 0
            return answer
        }
        if fault == .expiredLink || Double(expires) < clockNow() {
            answer.response = ProviderResponse.error(
                status: 403, message: "Access denied: Request has expired (Expires=\(expires))", path: incoming.path
            )
            answer.status = 403
            return answer
        }

        let file = SampleVideo.bytes
        var headers: HTTPFields = [.contentType: "video/mp4", .acceptRanges: "bytes"]
        var range = 0..<file.count
        var status = 200
        switch Self.parseRange(incoming.rangeHeader, size: file.count) {
        case .none:
            break
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.count)"
            answer.response = Response(status: .rangeNotSatisfiable, headers: headers, body: ResponseBody())
            answer.status = 416
            return answer
        case .range(let requested):
            range = requested
            status = 206
            headers[.contentRange] = "bytes \(requested.lowerBound)-\(requested.upperBound - 1)/\(file.count)"
        }
        let slice = Data(file[range])
        answer.status = status
        switch fault {
        case .reset?:
            answer.response = ProviderResponse.dropped(
                after: slice, prefixBytes: slice.count / 2, contentType: "video/mp4", status: status, headers: headers
            )
            answer.status = 0
        default:
            answer.response = Response(
                status: HTTPResponse.Status(code: status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: slice))
            )
            if fault == .slow { answer.delay = configuration.slowDelay }
        }
        return answer
    }

    /// A parsed `Range` header.
    enum ByteRange: Equatable {
        /// No usable single range: send the whole file.
        case none
        /// A range entirely past the end: 416.
        case unsatisfiable
        /// The bytes to send.
        case range(Range<Int>)
    }

    /// Parses `bytes=N-`, `bytes=N-M` and `bytes=-N` against a file of `size` bytes.
    static func parseRange(_ header: String?, size: Int) -> ByteRange {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return .none }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .none }
        let first = parts[0].trimmingCharacters(in: .whitespaces)
        let last = parts[1].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0 else { return .none }
            return .range(max(0, size - suffix)..<size)
        }
        guard let start = Int(first), start >= 0 else { return .none }
        guard start < size else { return .unsatisfiable }
        if last.isEmpty { return .range(start..<size) }
        guard let end = Int(last), end >= start else { return .none }
        return .range(start..<min(end + 1, size))
    }
}
