import Foundation
import HailuoCore
import Testing

@Suite("Wire decoding of every response shape in docs/PROVIDER.md")
struct WireDecodingTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("H3 Max may answer a list of videos: the first with a link is the clip")
    func videoAsAList() throws {
        let list = #"{"id":"g1","status":"completed","video":[{"url":""},{"url":"https://cdn.example/a.mp4"}]}"#
        #expect(try WireDecoding.pollResult(from: Array(list.utf8)).videoURL == "https://cdn.example/a.mp4")
        let object = #"{"id":"g1","status":"completed","video":{"url":"https://cdn.example/b.mp4"}}"#
        #expect(try WireDecoding.pollResult(from: Array(object.utf8)).videoURL == "https://cdn.example/b.mp4")
        let empty = #"{"id":"g1","status":"completed","video":[]}"#
        #expect(try WireDecoding.pollResult(from: Array(empty.utf8)).videoURL == nil)
    }

    @Test func createWithGenerationIDAndTokensUsed() throws {
        let result = try WireDecoding.createResult(
            from: bytes(#"{"generation_id":"222226666699999","status":"queued","meta":{"usage":{"tokens_used":1}}}"#))
        #expect(result.generationID == "222226666699999")
        #expect(result.status == "queued")
        #expect(result.usageJSON == #"{"tokens_used":1}"#)
    }

    @Test func createWithIDAndCreditsUsedAndModelSuffix() throws {
        let result = try WireDecoding.createResult(
            from: bytes(
                #"{"id":"349865017168125:minimax/hailuo-2.3","status":"queued","meta":{"usage":{"credits_used":120}}}"#)
        )
        #expect(result.generationID == "349865017168125:minimax/hailuo-2.3")
        #expect(result.usageJSON == #"{"credits_used":120}"#)
    }

    @Test func createWithNumericID() throws {
        let result = try WireDecoding.createResult(from: bytes(#"{"generation_id":12345,"status":"queued"}"#))
        #expect(result.generationID == "12345")
    }

    @Test func createWithoutAnyIDIsAnError() {
        #expect(throws: WireError.self) { try WireDecoding.createResult(from: bytes(#"{"status":"queued"}"#)) }
    }

    @Test(arguments: ["", "{", #"{"generation_id": "1""#, "[1,2]", "not json"])
    func malformedBodiesAreErrors(_ text: String) {
        #expect(throws: WireError.self) { try WireDecoding.createResult(from: bytes(text)) }
        #expect(throws: WireError.self) { try WireDecoding.pollResult(from: bytes(text)) }
    }

    @Test func pollCompletedWithURL() throws {
        let result = try WireDecoding.pollResult(
            from: bytes(
                #"{"id":"1","status":"completed","video":{"url":"https://cdn.example/v.mp4?Expires=1&Signature=x"},"error":null}"#
            ))
        #expect(result.meaning == .completed)
        #expect(result.videoURL == "https://cdn.example/v.mp4?Expires=1&Signature=x")
        #expect(result.errorMessage == nil)
    }

    @Test func pollCompletedWithNullOrEmptyVideoHasNoURL() throws {
        #expect(try WireDecoding.pollResult(from: bytes(#"{"status":"completed","video":null}"#)).videoURL == nil)
        #expect(try WireDecoding.pollResult(from: bytes(#"{"status":"completed","video":{"url":""}}"#)).videoURL == nil)
    }

    @Test func errorShapes() throws {
        let named = try WireDecoding.pollResult(
            from: bytes(#"{"status":"error","error":{"name":"GenerationError","message":"content flagged"}}"#))
        #expect(named.meaning == .failed)
        #expect(named.errorMessage == "GenerationError: content flagged")
        let detail = try WireDecoding.pollResult(
            from: bytes(
                #"{"status":"failed","error":{"detail":[{"loc":["body","prompt"],"msg":"too long","type":"value_error"}]}}"#
            ))
        #expect(detail.meaning == .failed)
        #expect(detail.errorMessage == "too long (at body.prompt)")
        let text = try WireDecoding.pollResult(from: bytes(#"{"status":"error","error":"upstream exploded"}"#))
        #expect(text.errorMessage == "upstream exploded")
    }

    @Test(arguments: [
        ("queued", StatusMeaning.pending), ("waiting", .pending), ("active", .pending), ("generating", .pending),
        ("processing", .pending), ("preparing", .pending), ("completed", .completed), ("succeeded", .completed),
        ("success", .completed), ("error", .failed), ("failed", .failed), ("throttled", .unknown),
        ("COMPLETED", .completed),
        ("", .unknown),
    ])
    func statusWords(_ word: String, _ meaning: StatusMeaning) {
        #expect(ProviderStatus.meaning(of: word) == meaning)
    }

    @Test func providerErrorBody() {
        let body = WireDecoding.errorBody(
            from: bytes(
                #"{"message":"Body validation error!\nInvalid enum value. Expected '768P' | '1080P', received '720P'","path":"/v2/video/generations","requestId":"req-42","statusCode":400,"timestamp":"2026-01-01T00:00:00Z"}"#
            ),
            status: 400)
        #expect(body.message.hasPrefix("Body validation error!"))
        #expect(body.requestID == "req-42")
        #expect(body.statusCode == 400)
        let html = WireDecoding.errorBody(from: bytes("<html>Bad Gateway</html>"), status: 502)
        #expect(html.message == "<html>Bad Gateway</html>")
        #expect(html.requestID == nil)
    }
}
