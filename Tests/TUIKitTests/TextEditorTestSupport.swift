@testable import TUIKit

extension TextEditor {
    /// Types `text` one `Character` at a time, as the terminal delivers keys; returns each result.
    @discardableResult
    mutating func typeText(_ text: String, width: Int = 80) -> [EditResult] {
        text.map { handle(.character($0), width: width) }
    }

    /// Presses `key` `times` times; returns each result.
    @discardableResult
    mutating func press(_ key: Key, times: Int = 1, width: Int = 80) -> [EditResult] {
        (0..<times).map { _ in handle(key, width: width) }
    }

    /// An editor holding `text` with the cursor at `cursor`.
    static func with(_ text: String, cursor: Int, maxUTF16: Int? = nil, singleLine: Bool = false) -> TextEditor {
        var editor = TextEditor(text: text, maxUTF16: maxUTF16, singleLine: singleLine)
        editor.press(.left, times: editor.cursor - cursor)
        return editor
    }
}
