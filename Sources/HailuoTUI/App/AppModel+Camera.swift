import HailuoCore
import TUIKit

extension AppModel {
    /// The camera command list's keys (bound in the `cameraList` scope only while it is shown).
    mutating func camera(_ action: KeyAction) -> [Command] {
        switch action {
        case .moveCameraChoice(let step): composer.moveCameraChoice(by: step)
        case .insertCameraCommand: return take(composer.insertCameraCommand())
        case .closeCameraList: composer.closeCameraList()
        default: break
        }
        return []
    }
}
