import HailuoPreview
import Testing

@Suite struct PreviewSmokeTests {
    @Test func aMissingFileIsAReasonNotACrash() {
        #expect(throws: PreviewError.self) { try ImageDecoder.decode(fileAt: "/nonexistent/picture.png") }
    }
}
