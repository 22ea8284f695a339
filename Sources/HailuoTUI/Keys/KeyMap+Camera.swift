import TUIKit

extension KeyMap {
    /// The keys of the camera command list that typing `[` (or a comma inside a bracket) opens
    /// under the prompt; other keys keep editing the prompt and filter the list.
    static let cameraCommands: [KeyBinding] = [
        KeyBinding(
            .prompt, "[ then ↑ ↓ Tab Enter Esc",
            "camera commands: [ lists them; ↑ ↓ choose, Tab or Enter inserts one with ], Esc closes the list",
            [
                .on(.up, .moveCameraChoice(-1), in: [.cameraList]), .on(.down, .moveCameraChoice(1), in: [.cameraList]),
                .on(.tab, .insertCameraCommand, in: [.cameraList]),
                .on(.enter, .insertCameraCommand, in: [.cameraList]),
                .on(.escape, .closeCameraList, in: [.cameraList]),
            ])
    ]

    /// The scopes a focused part's keys are looked up in; the camera list's keys come first while
    /// it is shown (`always` still wins: Ctrl-C quits).
    static func scopes(for focus: Focus, cameraList: Bool) -> [KeyScope] {
        let scopes = scopes(for: focus)
        guard cameraList else { return scopes }
        return [.always, .cameraList] + scopes.filter { $0 != .always }
    }
}
