import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("View snapshots: camera commands")
struct CameraSnapshotTests {
    static let small = Size(width: 80, height: 24)

    @Test func theListUnderThePromptAndAWarning() {
        var model = Fixtures.main(size: Self.small)
        model.focus = .prompt
        model.composer.setPrompt("A lighthouse at night ")
        model.typeText("[p")
        model.press(.down)
        #expect(model.composer.shownCameraList?.chosen == .panRight)
        Snapshot.check("camera-list-80x24", Snapshot.render(model.view()))

        model.press(.escape)
        model.typeText("ush sideways] ")
        #expect(model.composer.cameraNote?.isWarning == true)
        Snapshot.check("camera-warning-80x24", Snapshot.render(model.view()))
    }
}
