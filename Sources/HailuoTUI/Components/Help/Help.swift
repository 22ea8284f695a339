import TUIKit

/// The help overlay: every binding of the key map, by section.
public struct Help: Sendable, Equatable {
    /// The overlay is on screen.
    public private(set) var isOpen = false
    /// Rows the help is scrolled by when it does not fit.
    public private(set) var scroll = 0

    public init() {}

    mutating func open() { isOpen = true }

    mutating func close() {
        isOpen = false
        scroll = 0
    }

    /// Scrolls by `move`, within what the help at `size` can scroll (`page` rows a page).
    mutating func scroll(_ move: SelectionMove, size: Size, focus: Focus, theme: Theme) {
        let maxScroll = Self.geometry(size: size, focus: focus, theme: theme)?.maxScroll ?? 0
        let page = max(1, size.height - 6)
        switch move {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .first: scroll = 0
        case .last: scroll = maxScroll
        }
        scroll = min(max(0, scroll), maxScroll)
    }
}
