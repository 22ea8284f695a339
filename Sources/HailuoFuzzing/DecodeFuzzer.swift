import Foundation
import HailuoCore

/// Fuzzes ``WireDecoding``: random bytes, provider-shaped answers bent structurally, and those
/// answers mutated byte by byte.
///
/// Invariants: no crash and no hang; a decode returns a result or throws ``WireError`` (typed
/// throws make anything else impossible to compile); a create result has a non-empty id, a poll
/// result a non-empty status and a non-blank URL when it has one; an error body always has a
/// message; kept `meta.usage` is valid JSON; and every kept text, rendered with
/// ``InertText/render(_:limit:)`` or ``InertText/oneLine(_:limit:)`` as the app shows it, holds no
/// control or invisible formatting character (and, on one line, no line break).
enum DecodeFuzzer {
    static func run(_ random: inout FuzzRandom) -> (message: String, input: String)? {
        let bytes = input(&random)
        let status = random.pick([400, 401, 403, 404, 422, 429, 500, 502, 503, 504])
        if let message = check(bytes, status: status) {
            return (message, FuzzText.hex(bytes))
        }
        return nil
    }

    /// A random input: raw bytes, a bent answer, or a bent answer with byte mutations.
    static func input(_ random: inout FuzzRandom) -> [UInt8] {
        switch random.below(10) {
        case 0: return random.bytes(random.smallLength(max: 256))
        case 1...4: return Array(FuzzAnswers.answer(&random).encoded.utf8)
        default:
            var bytes = Array(FuzzAnswers.answer(&random).encoded.utf8)
            ByteMutator.mutate(&bytes, &random)
            return bytes
        }
    }

    /// Decodes `bytes` every way the engine does; returns the first broken invariant.
    static func check(_ bytes: [UInt8], status: Int) -> String? {
        do throws(WireError) {
            let created = try WireDecoding.createResult(from: bytes)
            if created.generationID.isEmpty { return "create: an empty generation id was accepted" }
            if let problem = displayProblem(created.generationID, "create id") { return problem }
            if let problem = displayProblem(created.status, "create status") { return problem }
            if let problem = usageProblem(created.usageJSON) { return problem }
        } catch {
            if error.reason.isEmpty { return "create: a WireError without a reason" }
        }
        do throws(WireError) {
            let polled = try WireDecoding.pollResult(from: bytes)
            if polled.status.isEmpty { return "poll: an empty status was accepted" }
            _ = polled.meaning
            if let url = polled.videoURL, url.trimmingCharacters(in: .whitespaces).isEmpty {
                return "poll: a blank video URL was kept"
            }
            for (text, name) in [
                (polled.id, "poll id"), (polled.status, "poll status"), (polled.videoURL, "poll url"),
                (polled.errorMessage, "poll error"),
            ] {
                if let problem = displayProblem(text, name) { return problem }
            }
            if let problem = usageProblem(polled.usageJSON) { return problem }
        } catch {
            if error.reason.isEmpty { return "poll: a WireError without a reason" }
        }
        let body = WireDecoding.errorBody(from: bytes, status: status)
        if body.message.isEmpty { return "error body: an empty message" }
        for (text, name) in [(body.message, "error message"), (body.requestID, "request id"), (body.path, "path")] {
            if let problem = displayProblem(text, name) { return problem }
        }
        return nil
    }

    /// Whether `text` made inert the two ways the app does (quoted as a value, or on one line)
    /// still holds something unsafe.
    static func displayProblem(_ text: String?, _ name: String) -> String? {
        guard let text else { return nil }
        let rendered = InertText.render(text)
        if rendered.unicodeScalars.contains(where: InertText.isUnsafe) {
            return "\(name): InertText.render left an unsafe character in \(FuzzText.escaped(rendered))"
        }
        if text.count > InertText.defaultLimit, !rendered.hasSuffix("…") {
            return "\(name): InertText.render did not shorten \(text.count) characters"
        }
        let line = InertText.oneLine(text)
        if line.unicodeScalars.contains(where: { InertText.isUnsafe($0) || $0 == "\n" || $0 == "\r" }) {
            return "\(name): InertText.oneLine left an unsafe character in \(FuzzText.escaped(line))"
        }
        return nil
    }

    /// Whether kept usage text fails to parse back as JSON.
    static func usageProblem(_ usage: String?) -> String? {
        guard let usage else { return nil }
        if (try? JSONSerialization.jsonObject(with: Data(usage.utf8), options: [.fragmentsAllowed])) == nil {
            return "usage kept as text that is not JSON: \(FuzzText.escaped(usage))"
        }
        return nil
    }
}
