/// The drawing characters a screen uses: Unicode where the terminal can show it, ASCII where
/// it cannot (`LANG=C`, TERM `vt100` or `linux` consoles without the glyphs).
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Frames of the spinner shown beside pending jobs.
    public var spinner: [String]
    public var check: String
    public var cross: String
    public var ellipsis: String
    public var arrowUp: String
    public var arrowDown: String
    public var bullet: String
    /// The marker of the selected row.
    public var pointer: String
    /// A closed group's mark (its jobs are not listed).
    public var arrowRight: String
    /// A job listed under its group.
    public var branch: String
    /// A favourite.
    public var star: String

    /// Box-drawing and symbol characters.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], check: "✓", cross: "✗", ellipsis: "…",
        arrowUp: "↑", arrowDown: "↓", bullet: "•", pointer: "▶", arrowRight: "▸", branch: "└", star: "★")

    /// Plain ASCII for terminals and locales that cannot show the Unicode set.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        spinner: ["|", "/", "-", "\\"], check: "ok", cross: "x", ellipsis: "~", arrowUp: "^", arrowDown: "v",
        bullet: "*", pointer: ">", arrowRight: ">", branch: "`", star: "*")
}
