import Testing

@testable import CursesBackend

@Suite struct ColorReductionTests {
    @Test func keepsWhatTheTerminalHas() {
        #expect(ColorReduction.reduce(208, colors: 256) == (208, false))
        #expect(ColorReduction.reduce(9, colors: 16) == (9, false))
    }

    @Test func foldsDown() {
        #expect(ColorReduction.reduce(196, colors: 16) == (9, false))  // pure red -> bright red
        #expect(ColorReduction.reduce(9, colors: 8) == (1, true))
        #expect(ColorReduction.reduce(21, colors: 8).index == 4)  // blue
        #expect(ColorReduction.reduce(232, colors: 16) == (0, false))  // near-black grey
    }
}
