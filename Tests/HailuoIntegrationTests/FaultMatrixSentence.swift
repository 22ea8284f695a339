import Foundation
import HailuoCore
import HailuoEngine

/// Judges whether a message shown to a user reads as a sentence a person understands: not empty,
/// words rather than a raw Swift error description or JSON, no control characters (hostile text
/// shown inert, as `\e` or `\u{009B}`, is fine).
enum FaultMatrixSentence {
    /// Text that only a raw error description or a JSON body would contain.
    static let rawMarkers = [
        "{\"", "\":", "[{", "Error(", "HTTPClientError", "NIOCore", "NIOConnectionError", "IOError", "errnoCode",
        "Optional(", "DecodingError", "Domain=", "Swift.", "CodingKeys", "dataCorrupted", "keyNotFound",
        "typeMismatch", "valueNotFound", "WireError", "APIError", "DownloadError", "StoreError",
    ]

    /// What is wrong with `message` as a sentence for a person (empty when nothing is).
    /// - Parameter requestID: the provider's requestId the message must quote, when it gave one.
    static func problems(_ message: String, requestID: String? = nil) -> [String] {
        var problems: [String] = []
        let words = message.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
        if words.count < 3 { problems.append("fewer than three words") }
        for marker in rawMarkers where message.contains(marker) {
            problems.append("raw text \"\(marker)\"")
        }
        let control = message.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        if control { problems.append("a control character") }
        if let requestID, !message.contains(requestID) { problems.append("no requestId \(requestID)") }
        return problems
    }
}

/// Collects what an engine tells its front ends about the connection and downloads: the
/// messages a user would see besides a job's own error.
final class FaultMatrixMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    private var listener: Task<Void, Never>?

    /// Starts listening to `engine` (call before the action whose messages are wanted).
    init(_ engine: GenerationEngine) {
        let stream = engine.events()
        listener = Task { [weak self] in
            for await event in stream {
                guard let text = Self.text(of: event) else { continue }
                self?.lock.withLock { self?.collected.append(text) }
            }
        }
    }

    deinit { listener?.cancel() }

    /// The messages seen so far, oldest first.
    var messages: [String] { lock.withLock { collected } }

    private static func text(of event: EngineEvent) -> String? {
        switch event {
        case .connection(.offline(let text)), .connection(.unauthorized(let text)): text
        case .downloadFailed(_, let message): message
        default: nil
        }
    }
}
