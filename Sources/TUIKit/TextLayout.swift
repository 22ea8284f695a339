/// Measuring, cutting and wrapping text by display columns (never by `count`).
public enum TextLayout {
    /// `text` cut to at most `width` columns; when cut, it ends with `ellipsis`.
    public static func truncate(_ text: some StringProtocol, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return String(text) }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = width - ellipsisWidth
        guard room >= 0 else { return prefix(text, width: width) }
        return prefix(text, width: room) + ellipsis
    }

    /// The longest start of `text` that fits in `width` columns.
    public static func prefix(_ text: some StringProtocol, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func pad(_ text: some StringProtocol, width: Int, alignRight: Bool = false, ellipsis: String = "…")
        -> String
    {
        let cut = truncate(text, width: width, ellipsis: ellipsis)
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// Word-wraps `text` to lines of at most `width` columns. Newlines start new lines; a word
    /// longer than a line is broken by character; spaces at a soft break are dropped. A glyph
    /// wider than `width` gets a line of its own (the only case a line passes `width`).
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in words(of: paragraph) {
                let wordWidth = DisplayWidth.of(word)
                if lineWidth + wordWidth <= width {
                    line += word
                    lineWidth += wordWidth
                    continue
                }
                if word.allSatisfy({ $0 == " " }) {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    continue
                }
                if !line.isEmpty {
                    lines.append(withoutTrailingSpaces(line))
                    line = ""
                    lineWidth = 0
                }
                for character in word {
                    let w = DisplayWidth.of(character)
                    if lineWidth + w > width, !line.isEmpty {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += w
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `line` without the spaces a soft break left at its end.
    private static func withoutTrailingSpaces(_ line: String) -> String {
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }

    /// Words and the runs of spaces between them, in order.
    private static func words(of text: some StringProtocol) -> [String] {
        var result: [String] = []
        var current = ""
        var inSpaces = false
        for character in text {
            let isSpace = character == " "
            if !current.isEmpty, isSpace != inSpaces {
                result.append(current)
                current = ""
            }
            inSpaces = isSpace
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
