import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator primitives")
struct PrimitiveTests {
    @Test("SHA-256 and HMAC-SHA256 match published test vectors")
    func hashVectors() {
        #expect(
            SHA256Digest.hex(SHA256Digest.hash(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Digest.hex(SHA256Digest.hash([]))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(
            SHA256Digest.hex(SHA256Digest.hash(long))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 4231 test case 2
        #expect(
            SHA256Digest.hex(
                SHA256Digest.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("Range headers parse as the HTTP spec says")
    func ranges() {
        #expect(Simulator.parseRange(nil, size: 100) == .none)
        #expect(Simulator.parseRange("bytes=10-", size: 100) == .range(10..<100))
        #expect(Simulator.parseRange("bytes=10-19", size: 100) == .range(10..<20))
        #expect(Simulator.parseRange("bytes=90-200", size: 100) == .range(90..<100))
        #expect(Simulator.parseRange("bytes=-30", size: 100) == .range(70..<100))
        #expect(Simulator.parseRange("bytes=100-", size: 100) == .unsatisfiable)
        #expect(Simulator.parseRange("bytes=1-2,5-6", size: 100) == .none)
        #expect(Simulator.parseRange("items=1-2", size: 100) == .none)
    }

    @Test("Redaction replaces base64 payloads with their size")
    func redaction() {
        let payload = String(repeating: "QUJD", count: 100)
        let text = #"{"image":"data:image/jpeg;base64,"# + payload + #"","prompt":"hi"}"#
        let redacted = Redaction.redact(text)
        #expect(redacted == #"{"image":"data:image/jpeg;base64,[300 bytes]","prompt":"hi"}"#)
        let raw = String(repeating: "A", count: 400)
        #expect(Redaction.redact("x \(raw) y") == "x [300 bytes] y")
        #expect(Redaction.redact(#"{"prompt":"a normal prompt"}"#) == #"{"prompt":"a normal prompt"}"#)
    }

    @Test("The sample video is a small MP4 with ftyp first and moov before mdat")
    func sampleVideo() throws {
        let bytes = SampleVideo.bytes
        #expect(bytes.count == 36_913)
        #expect(Array(bytes[4..<8]) == Array("ftyp".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        let moov = try #require(text.range(of: "moov"))
        let mdat = try #require(text.range(of: "mdat"))
        #expect(moov.lowerBound < mdat.lowerBound)
        #expect(text.contains("avc1"))
        #expect(SampleVideo.width * 9 == SampleVideo.height * 16)
    }

    @Test("Markers choose outcomes; 1080P with 10 s wins over markers")
    func markers() {
        #expect(JobOutcome.choose(prompt: "a [sim:fail]", duration: 6, resolution: "768P") == .failsWithMessage)
        #expect(JobOutcome.choose(prompt: "a [sim:no-url]", duration: 10, resolution: "768P") == .completesWithoutURL)
        #expect(
            JobOutcome.choose(prompt: "a [sim:fail]", duration: 10, resolution: "1080P") == .failsResolutionDuration)
        #expect(JobOutcome.choose(prompt: "plain", duration: 6, resolution: "1080P") == .completes)
        #expect(JobOutcome.choose(prompt: "a [sim:fail-early]", duration: 6, resolution: "768P") == .failsEarly)
        #expect(JobOutcome.losesAnswer(prompt: "x [sim:lost]"))
        #expect(!JobOutcome.losesAnswer(prompt: "x [sim:fail]"))
        #expect(
            SimulatorPromptMarker.allCases.map(\.rawValue) == [
                "[sim:fail]", "[sim:fail-early]", "[sim:error-detail]", "[sim:error-text]", "[sim:unknown-status]",
                "[sim:no-url]",
                "[sim:lost]",
            ])
    }
}
