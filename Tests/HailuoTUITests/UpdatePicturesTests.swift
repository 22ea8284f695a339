import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: pictures")
struct UpdatePicturesTests {
    /// The composer with `a.png` (1280x720) typed in the first-frame field and checked.
    static func composerWithImage(size: Size = UpdateSupport.wide) -> (AppModel, [Command]) {
        var model = UpdateSupport.model(size: size, jobs: [], focus: .firstFrame)
        model.receive(.input(.paste("a.png")))
        let commands = model.receive(
            .imageChecked(
                .first,
                ImageVerdict(
                    reference: "a.png", isUsable: true, summary: "PNG 1280x720", localPath: "/work/a.png",
                    pixelSize: Size(width: 1280, height: 720))))
        return (model, commands)
    }

    static func pictureRequests(_ commands: [Command]) -> [PictureRequest] {
        commands.compactMap {
            if case .makePicture(let request) = $0 { return request }
            return nil
        }
    }

    @Test("an image that checks out asks for its thumbnail once, sized to the room beside the prompt")
    func thumbnailAskedOnce() throws {
        var (model, commands) = Self.composerWithImage()
        let requests = Self.pictureRequests(commands)
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.source == .image("/work/a.png"))
        #expect(model.layout.thumbnails.width > 0)
        #expect(request.box.width <= model.layout.thumbnails.width)
        #expect(request.box.height == model.layout.thumbnails.height - 1)  // a caption row under it
        // Typing in the prompt does not ask again; the answer is drawn where it was placed.
        model.focus = .prompt
        #expect(Self.pictureRequests(model.press(.character("x"))).isEmpty)
        let picture = Fixtures.syntheticPicture(fitting: request.box)
        model.receive(.pictureMade(request, .pictures([picture], clip: nil)))
        #expect(model.pictures.state(of: request) == .ready(.pictures([picture], clip: nil)))
        #expect(model.view().text.contains("▀▀▀"))
    }

    @Test("clearing the field removes the thumbnail and gives the prompt its width back")
    func clearedFieldHasNoThumbnail() {
        var (model, _) = Self.composerWithImage()
        let narrowed = model.layout.promptBox.width
        model.press(.ctrl("u"))
        #expect(model.composer.reference(.first).isEmpty)
        #expect(model.layout.thumbnails.isEmpty)
        #expect(model.layout.promptBox.width > narrowed)
    }

    @Test("a URL is never fetched: it says so where its thumbnail would be")
    func urlIsNotPreviewed() {
        var model = UpdateSupport.model(size: UpdateSupport.wide, jobs: [], focus: .firstFrame)
        model.receive(.input(.paste("https://example.com/a.png")))
        let commands = model.receive(
            .imageChecked(
                .first,
                ImageVerdict(reference: "https://example.com/a.png", isUsable: true, summary: "URL", isRemote: true)))
        #expect(Self.pictureRequests(commands).isEmpty)
        #expect(model.view().text.contains("previewed"))
    }

    @Test("a refused image shows no thumbnail")
    func refusedImageHasNone() {
        var model = UpdateSupport.model(size: UpdateSupport.wide, jobs: [], focus: .firstFrame)
        model.receive(.input(.paste("b.gif")))
        let commands = model.receive(
            .imageChecked(.first, ImageVerdict(reference: "b.gif", isUsable: false, summary: "GIF is not accepted")))
        #expect(Self.pictureRequests(commands).isEmpty)
        #expect(model.layout.thumbnails.isEmpty)
    }

    @Test("a picture that cannot be made shows why, and nothing else changes")
    func unavailablePictureShowsItsReason() throws {
        var (model, commands) = Self.composerWithImage()
        let request = try #require(Self.pictureRequests(commands).first)
        let before = model.composer
        model.receive(.pictureMade(request, .unavailable("cannot preview: the PNG is truncated")))
        #expect(model.composer == before)
        #expect(model.view().text.contains("truncated"))
    }

    @Test("the details pane of a downloaded job asks for a strip of its clip, of three frames or more")
    func downloadedJobAsksForAStrip() throws {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("done0002")
        let requests = Self.pictureRequests(model.press(.enter))
        let request = try #require(requests.first)
        guard case .clipStrip(let video, let count) = request.source else {
            Issue.record("not a strip: \(request.source)")
            return
        }
        #expect(video == "/home/ana/hailuo/done0002.mp4")
        #expect(count >= 3)
        let frames = (0..<count).map { Fixtures.syntheticPicture(fitting: request.box, shift: $0) }
        let clip = ClipInfo(durationSeconds: 5.9, width: 1366, height: 768, codec: "h264")
        model.receive(.pictureMade(request, .pictures(frames, clip: clip)))
        let screen = model.view().text
        #expect(screen.contains("5.9 s · 1366x768 · h264"))
    }

    @Test("a failed job's pane shows its input frame instead")
    func failedJobShowsItsInputs() throws {
        var jobs = UpdateSupport.mixedJobs
        var failed = jobs[2].job
        failed.parameters.firstFrame = "/work/start.png"
        jobs[2] = JobEntry(job: failed)
        var model = UpdateSupport.model(jobs: jobs, focus: .jobs)
        model.selectJob("fail0003")
        let requests = Self.pictureRequests(model.press(.enter))
        #expect(requests.map(\.source) == [.image("/work/start.png")])
    }

    @Test("without room or with pictures off, nothing is asked")
    func noRoomNoPictures() {
        var environment = AppEnvironment.preview
        environment.showsPictures = false
        var off = UpdateSupport.model(environment: environment, jobs: UpdateSupport.mixedJobs, focus: .jobs)
        off.selectJob("done0002")
        #expect(Self.pictureRequests(off.press(.enter)).isEmpty)
    }

    @Test("the cache keeps the most recently needed pictures and forgets the rest")
    func cacheIsBounded() {
        var pictures = Pictures(depth: .palette256, symbols: .unicode)
        let requests = (0..<(Pictures.capacity + 10)).map {
            pictures.request(.image("/p/\($0).png"), box: Size(width: 10, height: 4))
        }
        for request in requests {
            _ = pictures.commands(for: [request])
            pictures.receive(.unavailable("x"), for: request)
        }
        #expect(pictures.states.count == Pictures.capacity)
        #expect(pictures.state(of: requests[0]) == nil)
        #expect(pictures.state(of: requests[requests.count - 1]) != nil)
        // One forgotten is asked for again when needed again.
        #expect(pictures.commands(for: [requests[0]]) == [.makePicture(requests[0])])
    }

    @Test("L on a downloaded clip takes its last frame; the frame opens a new draft from that job")
    func continueFromTheLastFrame() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("done0002")
        #expect(
            model.press(.character("L")).withoutPictures == [
                .continueFromLastFrame(jobID: "done0002", video: "/home/ana/hailuo/done0002.mp4")
            ])
        let commands = model.receive(.lastFrameExtracted(jobID: "done0002", path: "/home/ana/hailuo/done0002.last.png"))
        #expect(model.focus == .prompt)
        #expect(model.composer.prompt.text == "a lighthouse at night")
        #expect(model.composer.reference(.first) == "/home/ana/hailuo/done0002.last.png")
        #expect(model.composer.reference(.last).isEmpty)
        #expect(commands.contains(.checkImage(.first, "/home/ana/hailuo/done0002.last.png")))
        #expect(model.statusBar.flash?.text.contains("last frame") == true)
    }

    @Test("L on a job with no downloaded clip says why", arguments: ["pend0001", "link0006", "fail0003"])
    func continueNeedsADownload(id: String) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob(id)
        #expect(model.press(.character("L")).withoutPictures.isEmpty)
        #expect(model.statusBar.flash?.text.contains("not downloaded") == true)
    }
}
