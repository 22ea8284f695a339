import HailuoCore
import TUIKit

extension Composer {
    /// What an image field shows beside the prompt once its text checks out.
    enum ThumbnailSubject: Equatable {
        /// A local image: its picture.
        case image(path: String, pixelSize: Size?)
        /// A URL: sent as is and never fetched here, so words instead of a picture.
        case url
    }

    /// Each image field whose current text checked out, with what it shows; cleared or refused
    /// fields show nothing.
    func thumbnailSubjects() -> [(slot: ImageSlot, subject: ThumbnailSubject)] {
        ImageSlot.allCases.compactMap { slot in
            // The verdict first: the layout asks this on every frame, and most frames have none.
            guard let verdict = verdicts[slot], verdict.isUsable else { return nil }
            let typed = reference(slot)
            guard !typed.isEmpty, verdict.reference == typed else { return nil }
            if verdict.isRemote { return (slot, .url) }
            guard let path = verdict.localPath else { return nil }
            return (slot, .image(path: path, pixelSize: verdict.pixelSize))
        }
    }

    /// The words a URL field shows in place of a picture.
    static let urlNote = "URL, not previewed"

    /// Columns the thumbnails want beside a prompt box `rows` tall on a screen `screenWidth`
    /// wide: each image at its aspect ratio (a caption row under it), a URL's note, one column
    /// between; at most a third of the screen. 0 when there is nothing to show or no room.
    func thumbnailColumns(rows: Int, screenWidth: Int) -> Int {
        let subjects = thumbnailSubjects()
        guard !subjects.isEmpty, rows >= 3 else { return 0 }
        let widths = subjects.map { Self.thumbnailWidth($0.subject, rows: rows) }
        let wanted = widths.reduce(0, +) + widths.count - 1
        let room = screenWidth / 3
        return room >= 8 ? min(wanted, room) : 0
    }

    private static func thumbnailWidth(_ subject: ThumbnailSubject, rows: Int) -> Int {
        switch subject {
        case .image(_, let pixelSize): max(6, PictureGeometry.columns(rows: rows - 1, pixelSize: pixelSize))
        case .url: 10
        }
    }

    /// The thumbnails placed in `panel` (beside the prompt box): left to right, first frame then
    /// last, each with its caption on the bottom row; the room is shared in proportion when short.
    func placedThumbnails(in panel: Rect, pictures: Pictures) -> [PlacedPicture] {
        let subjects = thumbnailSubjects()
        guard !subjects.isEmpty, panel.width > 0, panel.height >= 3 else { return [] }
        let wanted = subjects.map { Self.thumbnailWidth($0.subject, rows: panel.height) }
        let room = panel.width - (subjects.count - 1)
        let total = wanted.reduce(0, +)
        var x = panel.x
        var placed: [PlacedPicture] = []
        for (index, entry) in subjects.enumerated() {
            let width =
                index == subjects.count - 1
                ? panel.maxX - x : max(1, total <= room ? wanted[index] : wanted[index] * room / max(1, total))
            let rect = Rect(x: x, y: panel.y, width: width, height: panel.height - 1)
            let caption = entry.slot == .first ? "first frame" : "last frame"
            switch entry.subject {
            case .image(let path, _):
                let request = pictures.request(.image(path), box: Size(width: rect.width, height: rect.height))
                placed.append(PlacedPicture(rect: rect, content: .picture(request), caption: caption))
            case .url:
                placed.append(PlacedPicture(rect: rect, content: .note(Self.urlNote), caption: caption))
            }
            x += width + 1
        }
        return placed
    }
}
