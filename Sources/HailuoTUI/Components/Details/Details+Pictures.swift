import HailuoCore
import TUIKit

extension Details {
    /// The pane's content area inside its border.
    static func content(of rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// Rows of the pane's content below which no pictures are shown (the facts come first).
    static let pictureMinimumHeight = 12

    /// The pictures at the top of the pane for `job`: a downloaded clip as a strip of frames
    /// (first, middle and last; more where the pane is wide), else the job's input frames.
    /// Text-only jobs, and panes too small, show none.
    static func placedPictures(for job: Job, in content: Rect, pictures: Pictures) -> [PlacedPicture] {
        guard content.height >= pictureMinimumHeight, content.width >= 24 else { return [] }
        let rows = min(8, max(3, (content.height - 2) / 3))
        if let video = job.filePath {
            var frameWidth = PictureGeometry.columns(rows: rows, pixelSize: nil)
            var frameRows = rows
            if 3 * (frameWidth + 1) - 1 > content.width {
                frameWidth = (content.width - 2) / 3
                frameRows = min(rows, PictureGeometry.rows(columns: frameWidth, pixelSize: nil))
            }
            let count = max(3, min(6, (content.width + 1) / (frameWidth + 1)))
            let request = pictures.request(
                .clipStrip(video: video, count: count), box: Size(width: frameWidth, height: frameRows))
            let rect = Rect(x: content.x, y: content.y, width: content.width, height: frameRows)
            return [PlacedPicture(rect: rect, content: .picture(request))]
        }
        let inputs: [(String, String)] = [
            (job.firstFramePath ?? job.parameters.firstFrame, "first frame"),
            (job.lastFramePath ?? job.parameters.lastFrame, "last frame"),
        ].compactMap { reference, caption in reference.map { ($0, caption) } }
        guard !inputs.isEmpty else { return [] }
        let width = min(PictureGeometry.columns(rows: rows, pixelSize: nil), (content.width - 1) / 2)
        return inputs.enumerated().map { index, input in
            let rect = Rect(x: content.x + index * (width + 1), y: content.y, width: width, height: rows)
            let (reference, caption) = input
            if case .remote? = try? ImageReference.classify(reference) {
                return PlacedPicture(rect: rect, content: .note(Composer.urlNote), caption: caption)
            }
            let request = pictures.request(.image(reference), box: Size(width: rect.width, height: rect.height))
            return PlacedPicture(rect: rect, content: .picture(request), caption: caption)
        }
    }

    /// Rows the pictures take at the top of the content, caption row and a blank row included.
    static func pictureRows(_ placed: [PlacedPicture]) -> Int {
        guard let bottom = placed.map(\.rect.maxY).max(), let top = placed.map(\.rect.y).min() else { return 0 }
        return bottom - top + 2
    }
}
