import Testing

@testable import HailuoTUI

/// The name a table row shows for a saved file: the last part of its path.
@Suite("File names in the table")
struct FormattingFileNameTests {
    @Test(arguments: [
        ("/home/ana/Videos/hailuo/clip.mp4", "clip.mp4"),
        ("clip.mp4", "clip.mp4"),
        ("/home/ana/Videos/", "Videos"),
        ("videos//", "videos"),
        ("/", "/"),
        ("", ""),
        ("/home/ana/Vidéos/海の夕日.mp4", "海の夕日.mp4"),
    ])
    func theLastPartOfThePath(path: String, name: String) {
        #expect(Formatting.fileName(path) == name)
    }
}
