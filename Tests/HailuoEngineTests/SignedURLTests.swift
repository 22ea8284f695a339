import Foundation
import HailuoEngine
import Testing

@Suite("SignedURL")
struct SignedURLTests {
    @Test("Expires= is read as unix seconds")
    func readsExpires() {
        let url = "https://cdn.example.com/v/abc.mp4?Expires=1767225600&Signature=xyz~_-&Key-Pair-Id=K1"
        #expect(SignedURL.expiry(of: url) == Date(timeIntervalSince1970: 1_767_225_600))
    }

    @Test("the parameter name is matched without regard to case", arguments: ["expires", "EXPIRES", "eXpIrEs"])
    func caseInsensitive(name: String) {
        let url = "https://cdn.example.com/a.mp4?sig=1&\(name)=1700000000"
        #expect(SignedURL.expiry(of: url) == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test(
        "no query, no Expires, or a value that is not a number gives nil",
        arguments: [
            "https://cdn.example.com/a.mp4",
            "https://cdn.example.com/a.mp4?Signature=abc",
            "https://cdn.example.com/a.mp4?Expires=soon",
            "https://cdn.example.com/a.mp4?Expires=-5",
            "https://cdn.example.com/a.mp4?Expires=",
            "https://cdn.example.com/a.mp4#Expires=1700000000",
        ])
    func missing(url: String) {
        #expect(SignedURL.expiry(of: url) == nil)
    }

    @Test("a fragment after the query does not spoil the value")
    func fragmentAfterQuery() {
        let url = "https://cdn.example.com/a.mp4?Expires=1700000000#t=5"
        #expect(SignedURL.expiry(of: url) == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("X-Amz-Date plus X-Amz-Expires gives the end of the link's life")
    func amazonStyle() {
        let url =
            "https://b.s3.amazonaws.com/a.mp4?X-Amz-Algorithm=AWS4&X-Amz-Date=20250101T000000Z"
            + "&X-Amz-Expires=3600&X-Amz-Signature=abc"
        // 2025-01-01T01:00:00Z
        #expect(SignedURL.expiry(of: url) == Date(timeIntervalSince1970: 1_735_693_200))
    }

    @Test("a malformed X-Amz-Date is ignored")
    func amazonMalformed() {
        let url = "https://b.s3.amazonaws.com/a.mp4?X-Amz-Date=2025-01-01&X-Amz-Expires=3600"
        #expect(SignedURL.expiry(of: url) == nil)
    }

    @Test("withoutSignature drops the query and fragment")
    func stripsQuery() {
        #expect(
            SignedURL.withoutSignature("https://cdn.example.com/v/a.mp4?Expires=1&Signature=SECRET#x")
                == "https://cdn.example.com/v/a.mp4")
        #expect(SignedURL.withoutSignature("https://cdn.example.com/v/a.mp4#frag") == "https://cdn.example.com/v/a.mp4")
    }

    @Test("withoutSignature leaves a plain link alone")
    func plainLink() {
        #expect(SignedURL.withoutSignature("http://127.0.0.1:8080/video.mp4") == "http://127.0.0.1:8080/video.mp4")
    }

    @Test("withoutSignature drops credentials in the authority")
    func stripsUserInfo() {
        #expect(
            SignedURL.withoutSignature("https://user:pa@ss@cdn.example.com/a.mp4?Signature=s")
                == "https://cdn.example.com/a.mp4")
    }
}
