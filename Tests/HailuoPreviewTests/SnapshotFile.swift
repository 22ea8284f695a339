import Foundation
import TUIKit
import Testing

/// Golden text files in `Snapshots/` next to this file; `HAILUO_UPDATE_SNAPSHOTS=1` rewrites them.
enum SnapshotFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var updating: Bool { ProcessInfo.processInfo.environment["HAILUO_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `text` with `Snapshots/<name>.txt` (or writes it when updating).
    static func check(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent("\(name).txt")
        if updating {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing snapshot \(name).txt: run with HAILUO_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != text else { return }
        let got = text.components(separatedBy: "\n")
        let want = expected.components(separatedBy: "\n")
        let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        let gotLine = line < got.count ? got[line] : "<none>"
        let wantLine = line < want.count ? want[line] : "<none>"
        Issue.record(
            "snapshot \(name) differs at line \(line + 1):\n  got:  \(gotLine)\n  want: \(wantLine)",
            sourceLocation: sourceLocation)
    }

    /// A picture as text: its symbols between `|` marks, then each row's colours as
    /// `foreground/background` per cell (`-` none, `#rrggbb`, `@n` a palette index, or a name).
    static func text(_ picture: CellPicture, title: String) -> String {
        var out = ["\(title), \(picture.size.width)x\(picture.size.height)"]
        out += picture.lines.map { "|\($0)|" }
        for row in 0..<picture.size.height {
            let colors = (0..<picture.size.width).map { column in
                let style = picture[column, row].style
                return "\(name(style.foreground))/\(name(style.background))\(style.reverse ? "R" : "")"
            }
            out.append("\(row): " + colors.joined(separator: " "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func name(_ color: Color?) -> String {
        guard let color else { return "-" }
        switch color {
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        case .indexed(let index): return "@\(index)"
        default: return "\(color)"
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
