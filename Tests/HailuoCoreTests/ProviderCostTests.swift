import Foundation
import HailuoCore
import Testing

@Suite("The provider's cost figures and the client request id")
struct ProviderCostTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func theBodysUSDWinsOverDisagreeingHeaders() {
        let reading = ProviderCost.read(
            usage: Usage(creditsUsed: 588_000, usdSpent: 0.294),
            trace: AnswerTrace(creditsUsed: "1176000", usdSpent: "0.588"))
        #expect(reading.cost == ProviderCost(usd: 0.294, source: .usageUSD))
        #expect(reading.rejected.isEmpty)
    }

    @Test func withoutABodyTheUSDHeaderThenCreditsAreUsed() {
        #expect(ProviderCost.read(usage: nil, trace: AnswerTrace(usdSpent: "0.5145")).cost?.usd == 0.5145)
        #expect(ProviderCost.read(usage: Usage(creditsUsed: 588_000), trace: AnswerTrace()).cost?.usd == 0.294)
        let headerCredits = ProviderCost.read(usage: nil, trace: AnswerTrace(creditsUsed: "1000000"))
        #expect(headerCredits.cost == ProviderCost(usd: 0.5, source: .headerCredits))
    }

    @Test(arguments: ["-1", "abc", "nan", "inf", "-0.5", "1e400", " "])
    func anUnusableHeaderIsIgnoredAndNamed(text: String) {
        let reading = ProviderCost.read(usage: nil, trace: AnswerTrace(creditsUsed: text, usdSpent: text))
        #expect(reading.cost == nil)
        #expect(reading.rejected.contains("x-aimlapi-usd-spent"))
        #expect(reading.rejected.count == 2)
    }

    @Test func negativeBodyFiguresFallBackToTheHeaders() {
        let reading = ProviderCost.read(
            usage: Usage(creditsUsed: -3, usdSpent: -1), trace: AnswerTrace(usdSpent: "0.294000000"))
        #expect(reading.cost == ProviderCost(usd: 0.294, source: .headerUSD))
        #expect(reading.rejected == ["meta.usage.usd_spent", "meta.usage.credits_used"])
    }

    @Test func tokensUsedIsNotMoney() throws {
        let result = try WireDecoding.createResult(
            from: bytes(#"{"generation_id":"1","status":"queued","meta":{"usage":{"tokens_used":588000}}}"#))
        #expect(result.usage?.tokensUsed == 588_000)
        #expect(result.cost.cost == nil)
        #expect(result.cost.rejected.isEmpty)
    }

    @Test func usageIsDecodedFromPollsAndGarbageIsNamed() throws {
        let poll = try WireDecoding.pollResult(
            from: bytes(#"{"id":"1","status":"completed","meta":{"usage":{"credits_used":"x","usd_spent":0.1995}}}"#))
        #expect(poll.usage?.usdSpent == 0.1995)
        #expect(poll.usage?.creditsUsed == nil)
        #expect(poll.cost.cost?.usd == 0.1995)
        #expect(poll.cost.rejected == ["meta.usage.credits_used"])
    }

    @Test func theBalanceAnswer() throws {
        #expect(
            try WireDecoding.balance(from: bytes(#"{"current_balance": 123.45, "currency": "USD"}"#))
                == Balance(amount: 123.45, currency: "USD"))
        #expect(throws: WireError.self) { try WireDecoding.balance(from: bytes(#"{"currency": "USD"}"#)) }
        #expect(throws: WireError.self) { try WireDecoding.balance(from: bytes("<html>oops</html>")) }
        #expect(throws: WireError.self) { try WireDecoding.balance(from: bytes(#"{"current_balance": "lots"}"#)) }
    }

    @Test func clientRequestIDs() {
        #expect(ClientRequestID.isValid("k3f9x2ab"))
        #expect(ClientRequestID.isValid("A-z_0.9:x"))
        #expect(ClientRequestID.isValid(String(repeating: "a", count: 128)))
        #expect(!ClientRequestID.isValid(String(repeating: "a", count: 129)))
        #expect(!ClientRequestID.isValid(""))
        #expect(!ClientRequestID.isValid("has space"))
        #expect(!ClientRequestID.isValid("é"))
        #expect(!ClientRequestID.isValid("a/b"))
        #expect(ClientRequestID.validated("bad id") == nil)
    }
}
