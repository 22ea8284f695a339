import HailuoPreview
import TUIKit
import Testing

@Suite struct FittedSizeTests {
    @Test(arguments: [
        (1920, 1080, Size(width: 40, height: 12), Size(width: 40, height: 11)),  // wide: the width decides
        (1080, 1920, Size(width: 40, height: 12), Size(width: 14, height: 12)),  // tall: the height decides
        (100, 100, Size(width: 40, height: 12), Size(width: 24, height: 12)),  // square: twice as many columns
        (32, 16, Size(width: 16, height: 8), Size(width: 16, height: 4)),
        (10_000, 1, Size(width: 40, height: 12), Size(width: 40, height: 1)),  // at least one row
        (1, 10_000, Size(width: 40, height: 12), Size(width: 1, height: 12)),  // at least one column
        (640, 480, Size(width: 1, height: 1), Size(width: 1, height: 1)),  // a tiny box
        (1, 1, Size(width: 80, height: 24), Size(width: 48, height: 24)),
    ])
    func fits(width: Int, height: Int, box: Size, expected: Size) {
        let size = CellArt.fittedSize(width: width, height: height, in: box)
        #expect(size == expected)
        #expect(size.width <= box.width && size.height <= box.height)
    }

    @Test func anEmptyBoxOrImageFitsNothing() {
        #expect(
            CellArt.fittedSize(width: 100, height: 100, in: Size(width: 0, height: 10)) == Size(width: 0, height: 0))
        #expect(CellArt.fittedSize(width: 0, height: 100, in: Size(width: 10, height: 10)) == Size(width: 0, height: 0))
    }

    @Test func everyFitStaysInItsBoxAndKeepsTheShape() {
        for width in [1, 3, 17, 640, 1920, 4000] {
            for height in [1, 5, 480, 1080, 3000] {
                for box in [
                    Size(width: 1, height: 1), Size(width: 7, height: 3), Size(width: 40, height: 12),
                    Size(width: 200, height: 5),
                ] {
                    let size = CellArt.fittedSize(width: width, height: height, in: box)
                    #expect(size.width >= 1 && size.height >= 1 && size.width <= box.width && size.height <= box.height)
                    #expect(size.width == box.width || size.height == box.height, "\(width)x\(height) in \(box)")
                }
            }
        }
    }
}
