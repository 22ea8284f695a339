import HailuoFuzzing
import Testing

@Test func placeholder() {
    #expect(FuzzTarget.allCases.count == 1)
}
