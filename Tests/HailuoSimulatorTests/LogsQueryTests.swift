import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator request-log queries")
struct LogsQueryTests {
    @Test("Dates: with or without an offset or fractions, date only; impossible dates refused")
    func dates() {
        let july = 1_782_864_000.0
        #expect(LogsQuery.parseDate("2026-07-01T00:00:00Z") == july)
        #expect(LogsQuery.parseDate("2026-07-01T00:00:00") == july)
        #expect(LogsQuery.parseDate("2026-07-01T00:00:00.250Z") == july + 0.25)
        #expect(LogsQuery.parseDate("2026-07-01T02:00:00+02:00") == july)
        #expect(LogsQuery.parseDate("2026-07-01") == july)
        #expect(LogsQuery.parseDate("2026-13-40T00:00:00Z") == nil)
        #expect(LogsQuery.parseDate("2026-02-30") == nil)
        #expect(LogsQuery.parseDate("2026-06-30T20:00:00-04:00") == july)
        #expect(LogsQuery.parseDate("2028-02-29") != nil)
        #expect(LogsQuery.parseDate("2026-07-01T24:00:00Z") == nil)
        #expect(LogsQuery.parseDate("2026-07-01T00:00:00Zjunk") == nil)
        #expect(LogsQuery.parseDate("2026-07-01T00:00") == nil)
        #expect(LogsQuery.parseDate("yesterday") == nil)
        #expect(LogsQuery.parseDate("") == nil)
    }

    @Test("Periods: a positive number of hours or days")
    func periods() {
        #expect(LogsQuery.periodSeconds("24h") == 86_400)
        #expect(LogsQuery.periodSeconds("7d") == 604_800)
        #expect(LogsQuery.periodSeconds("0h") == nil)
        #expect(LogsQuery.periodSeconds("-1d") == nil)
        #expect(LogsQuery.periodSeconds("24") == nil)
        #expect(LogsQuery.periodSeconds("1w") == nil)
    }

    @Test("Parsing keeps repeated values apart and applies the defaults")
    func parse() throws {
        let pairs: [(name: String, value: String)] = [
            ("period", "24h"), ("model", "a,b"), ("model", "c"), ("status", "failed"),
        ]
        let query = try LogsQuery.parse(pairs, now: 1_000_000).get()
        #expect(query.models == ["a,b", "c"])
        #expect(query.statuses == ["failed"])
        #expect(query.limit == 50 && query.offset == 0)
        #expect(query.start == 1_000_000 - 86_400 && query.end == 1_000_000)
        let many = (0...50).map { (name: "model", value: "m\($0)") } + [(name: "period", value: "1h")]
        #expect(throws: LogsQueryError.self) { try LogsQuery.parse(many, now: 0).get() }
    }
}
