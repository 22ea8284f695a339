import HailuoCore
import TUIKit

extension AppModel {
    /// Every picture the screen shows at `layout`: the image fields' thumbnails beside the prompt
    /// and the details pane's strip. The update asks for these; the view draws these.
    func placedPictures(_ layout: ScreenLayout) -> [PlacedPicture] {
        composerPictures(layout) + detailsPictures(layout) + comparePictures()
    }

    /// The compare view's pictures, when it is open.
    func comparePictures() -> [PlacedPicture] {
        guard environment.showsPictures, let compare else { return [] }
        return compare.cells(compareJobs, size: size, pictures: pictures).map(\.picture)
    }

    /// The image fields' thumbnails beside the prompt box.
    func composerPictures(_ layout: ScreenLayout) -> [PlacedPicture] {
        guard environment.showsPictures, layout.showsComposer, !layout.thumbnails.isEmpty else { return [] }
        return composer.placedThumbnails(in: layout.thumbnails, pictures: pictures)
    }

    /// The details pane's strip of clip frames, or the selected job's input frames.
    func detailsPictures(_ layout: ScreenLayout) -> [PlacedPicture] {
        guard environment.showsPictures, let rect = layout.details, let job = jobs.selected?.job else { return [] }
        return Details.placedPictures(for: job, in: Details.content(of: rect), pictures: pictures)
    }

    /// Opens a new draft from a job's clip: its prompt and parameters, the extracted last frame
    /// as the first frame, no last frame. The image check runs on the new first frame.
    mutating func continueDraft(from jobID: String, firstFrame path: String) -> [Command] {
        guard let job = jobs.entries[jobID]?.job else {
            show("\(jobID) is gone from the store; the frame is at \(InertText.render(path, limit: 80))", error: true)
            return []
        }
        var parameters = job.parameters
        parameters.firstFrame = path
        parameters.lastFrame = nil
        let checks = composer.load(parameters)
        moveFocus(to: .prompt)
        var text = "continuing \(job.id) from its last frame (\(Formatting.fileName(path))); edit, then Ctrl-S sends"
        if let model = composer.modelSpec, model.firstFrame == .notAccepted {
            text += "; \(Formatting.shortModel(model.id.rawValue)) takes no first frame: F2 picks another model"
        }
        show(text)
        return checks
    }
}
