import Foundation
import HailuoCore
import Testing

@Suite("Redactor")
struct RedactorTests {
    let key = "sk-live-4f9a8b7c6d5e4f3a2b1c"

    @Test func registeredSecretIsReplacedEverywhereEvenInsideLongerText() {
        let redactor = Redactor(secrets: [key])
        let text = "key=\(key) again:\(key)suffix prefix\(key)"
        let out = redactor.redact(text)
        #expect(!out.contains(key))
        #expect(out == "key=[redacted] again:[redacted]suffix prefix[redacted]")
    }

    @Test func secretsAreRegisteredTrimmedAndEmptyOnesIgnored() {
        let redactor = Redactor(secrets: ["  \(key)\n", "", "   "])
        #expect(redactor.redact("a \(key) b") == "a [redacted] b")
        #expect(redactor.redact("plain text stays") == "plain text stays")
    }

    @Test func longerSecretWinsOverOneItContains() {
        let redactor = Redactor(secrets: ["abc123", "abc123def456"])
        #expect(redactor.redact("x abc123def456 y abc123") == "x [redacted] y [redacted]")
    }

    @Test(arguments: [
        ("Bearer abc.DEF-123", "Bearer [redacted]"),
        ("bearer abc", "Bearer [redacted]"),
        ("BEARER   tok/en+=", "Bearer [redacted]"),
        ("[Bearer x123]", "[Bearer [redacted]]"),
        ("\"Bearer abc\"", "\"Bearer [redacted]\""),
    ])
    func bearerTokensAreReplacedInAnyCase(input: String, expected: String) {
        #expect(Redactor().redact(input) == expected)
    }

    @Test func bearerRedactionIsIdempotentAndLeavesTheBareWordAlone() {
        let redactor = Redactor()
        #expect(redactor.redact("Bearer [redacted] next") == "Bearer [redacted] next")
        #expect(redactor.redact("a bearer") == "a bearer")
        #expect(redactor.redact("unbearer token") == "unbearer token")
    }

    @Test(arguments: [
        ("Authorization: Bearer sk-1\nnext line", "Authorization: [redacted]\nnext line"),
        ("authorization: Basic dXNlcjpwYXNz", "authorization: [redacted]"),
        (#"{"Authorization": "Bearer sk-1", "a": 1}"#, #"{"Authorization": "[redacted]", "a": 1}"#),
        (
            #"[("Authorization", "Bearer sk-1"), ("Accept", "x")]"#,
            #"[("Authorization", "[redacted]"), ("Accept", "x")]"#
        ),
        ("authorization=token123 rest", "authorization=[redacted]"),
    ])
    func authorizationHeaderValuesAreReplaced(input: String, expected: String) {
        #expect(Redactor().redact(input) == expected)
    }

    @Test func theWordAuthorizationInProseIsKept() {
        #expect(Redactor().redact("authorization failed for job 3") == "authorization failed for job 3")
    }

    @Test func dataURLPayloadBecomesItsDecodedSize() {
        let payload = Data((0..<300).map { UInt8($0 % 251) }).base64EncodedString()
        let text = #"{"first_frame_image": "data:image/png;base64,\#(payload)", "x": 1}"#
        let out = Redactor().redact(text)
        #expect(out == #"{"first_frame_image": "data:image/png;base64,[300 bytes]", "x": 1}"#)
    }

    @Test func dataURLWithPaddingAndJSONEscapedSlashesIsFullyRemoved() {
        let payload = Data((0..<100).map { UInt8(255 - $0) }).base64EncodedString()  // 100 bytes: one "=" pad
        #expect(payload.hasSuffix("="))
        let escaped = payload.replacingOccurrences(of: "/", with: "\\/")
        let out = Redactor().redact("DATA:image/jpeg;BASE64,\(escaped)\" tail")
        #expect(out == "DATA:image/jpeg;BASE64,[100 bytes]\" tail")
    }

    @Test func longBase64RunsAreReplacedAndShortOnesKept() {
        let long = String(repeating: "QUJD", count: 50)  // 200 chars
        let short = String(long.dropFirst())  // 199 chars
        #expect(Redactor().redact("x \(long) y") == "x [base64, 200 chars] y")
        #expect(Redactor().redact("x \(short) y") == "x \(short) y")
    }

    @Test func aRunEndsAfterItsPaddingSoAKeyBeforeAPayloadStays() {
        let payload = String(repeating: "QUJD", count: 60)  // 240 chars
        #expect(Redactor().redact("raw=\(payload) next") == "raw=[base64, 240 chars] next")
        #expect(Redactor().redact("a \(payload)==\(payload)") == "a [base64, 242 chars][base64, 240 chars]")
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Job 42 completed: https://cdn.example.com/v.mp4?Expires=1700000000 — 猫が走る 🐈"
        #expect(Redactor(secrets: [key]).redact(text) == text)
    }
}
