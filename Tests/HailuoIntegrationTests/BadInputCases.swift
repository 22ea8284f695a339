import Foundation
import HailuoCore
import HailuoTestSupport

/// Where bad-input cases make their files, and how they name the simulator.
struct BadInputSandbox: Sendable {
    let folder: URL
    let baseURL: String

    /// Writes `bytes` to `name` in the sandbox and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o600) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `submit --prompt PROMPT --base-url URL` plus `extra`.
    func submit(prompt: String = "A calm lake at dawn", _ extra: [String] = []) -> [String] {
        ["submit", "--prompt", prompt, "--base-url", baseURL] + extra
    }

    /// `submit` with `--image PATH`.
    func submit(image: String) -> [String] { submit(["--image", image]) }

    /// A config file holding `text`, and the `submit` arguments that read it.
    func submit(config text: String, name: String) throws -> [String] {
        let file = try write(name, Array(text.utf8))
        return ["submit", "--prompt", "A calm lake at dawn", "--base-url", baseURL, "--config", file]
    }
}

/// How a case runs the CLI.
struct Invocation {
    var arguments: [String]
    /// Run without `AIML_API_KEY` (so a key file or key command in the config is used).
    var withoutEnvironmentKey = false
    /// Run through `/bin/sh -c` with this line (`$0` is the hailuo binary), for argument bytes
    /// that a Swift `String` cannot carry.
    var shellLine: String?
    /// Run as the unprivileged user `nobody` (setpriv), where root would bypass file modes.
    var asNobody = false
    /// Seconds after which the run counts as hung and is killed.
    var limit: Double = 30

    init(_ arguments: [String], withoutEnvironmentKey: Bool = false, limit: Double = 30) {
        self.arguments = arguments
        self.withoutEnvironmentKey = withoutEnvironmentKey
        self.limit = limit
    }
}

/// What a careful user expects of a case.
enum BadInputExpectation: Sendable {
    /// Refused before anything is sent: this exit status, and stderr naming the problem.
    case refused(status: Int32 = 2, mentions: [String])
    /// Sent (exactly one create), exit 0; stderr may carry a warning that mentions these.
    case accepted(mentions: [String] = [])
}

/// One bad (or borderline) input and what should come of it.
struct BadInputCase: Sendable {
    var name: String
    var expected: BadInputExpectation
    /// The outcome in words, for the report table.
    var summary: String
    var make: @Sendable (BadInputSandbox) throws -> Invocation
}

/// Small byte builders for broken images.
enum BrokenImage {
    static func gif() -> [UInt8] {
        Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0x80, 0, 0] + [UInt8](repeating: 0, count: 64)
    }

    /// A PNG signature and IHDR whose width is 0 (a header that cannot describe a picture).
    static func pngWithZeroWidth() -> [UInt8] {
        var bytes = SyntheticImage.png(width: 640, height: 480)
        bytes.replaceSubrange(16..<20, with: [0, 0, 0, 0])
        return bytes
    }

    /// A JPEG whose first segment says it is 65535 bytes long, in a file of a few dozen bytes.
    static func jpegWithLyingSegmentLength() -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF] + Array("JFIF".utf8) + [UInt8](repeating: 0, count: 20)
    }
}

extension BadInputCase {
    private static func png(_ width: Int, _ height: Int) -> [UInt8] { SyntheticImage.png(width: width, height: height) }

    private static func image(
        _ name: String, _ file: String, _ bytes: @escaping @Sendable () -> [UInt8], _ expected: BadInputExpectation,
        _ summary: String
    ) -> BadInputCase {
        BadInputCase(name: name, expected: expected, summary: summary) { box in
            Invocation(box.submit(image: try box.write(file, bytes())))
        }
    }

    /// Every image case: file kinds, headers, the provider's size and ratio boundaries, URLs.
    static let images: [BadInputCase] = [
        image("PNG bytes named .jpg", "png-as.jpg", { png(640, 480) }, .accepted(), "accepted (content decides)"),
        image(
            "GIF bytes named .png", "gif-as.png", BrokenImage.gif,
            .refused(mentions: ["gif-as.png", "GIF", "PNG and JPEG"]), "refused: is a GIF image; only PNG and JPEG"),
        image(
            "truncated PNG header", "cut.png", { Array(png(640, 480).prefix(20)) },
            .refused(mentions: ["cut.png", "truncated"]), "refused: truncated PNG"),
        image(
            "PNG header claiming width 0", "zero.png", BrokenImage.pngWithZeroWidth,
            .refused(mentions: ["zero.png"]), "refused: broken PNG header"),
        image(
            "JPEG segment longer than the file", "lying.jpg", BrokenImage.jpegWithLyingSegmentLength,
            .refused(mentions: ["lying.jpg", "JPEG"]), "refused: truncated/broken JPEG"),
        image(
            "empty file", "empty.png", { [] }, .refused(mentions: ["empty.png", "empty"]), "refused: empty (0 bytes)"),
        image(
            "shorter side exactly 300", "300.png", { png(300, 600) },
            .refused(mentions: ["300x600", "more than 300"]), "refused (provider rule: strictly more than 300 px)"),
        image("shorter side 301", "301.png", { png(301, 602) }, .accepted(), "accepted"),
        image(
            "ratio exactly 2:5", "2to5.png", { png(400, 1000) }, .refused(mentions: ["400x1000", "2:5"]),
            "refused (provider rule: strictly between 2:5 and 5:2)"),
        image(
            "ratio exactly 5:2", "5to2.png", { png(1000, 400) }, .refused(mentions: ["1000x400", "5:2"]),
            "refused (strict bound)"),
        image("ratio just inside 2:5", "in2to5.png", { png(401, 1000) }, .accepted(), "accepted"),
        image("ratio just inside 5:2", "in5to2.png", { png(1000, 401) }, .accepted(), "accepted"),
        image(
            "ratio just beyond 2:5", "out2to5.png", { png(399, 1000) }, .refused(mentions: ["399x1000"]),
            "refused: aspect ratio"),
        image(
            "ratio just beyond 5:2", "out5to2.png", { png(1001, 400) }, .refused(mentions: ["1001x400"]),
            "refused: aspect ratio"),
        image(
            "20 MiB + 1 byte", "big.png", { SyntheticImage.png(width: 640, height: 480, padTo: 20 * 1024 * 1024 + 1) },
            .refused(mentions: ["big.png", "20971521", "20 MiB"]), "refused: size and the 20 MiB limit"),
        image(
            "exactly 20 MiB", "limit.png", { SyntheticImage.png(width: 640, height: 480, padTo: 20 * 1024 * 1024) },
            .accepted(), "accepted (sent inline)"),
        BadInputCase(name: "a directory", expected: .refused(mentions: ["folder"]), summary: "refused: a folder") {
            box in
            let path = box.path("dir.png")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return Invocation(box.submit(image: path))
        },
        BadInputCase(
            name: "a FIFO (must not block)", expected: .refused(mentions: ["named pipe"]),
            summary: "refused at once: a named pipe"
        ) { box in
            let path = box.path("pipe.png")
            guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.EIO) }
            var invocation = Invocation(box.submit(image: path))
            invocation.limit = 20
            return invocation
        },
        BadInputCase(
            name: "/dev/zero", expected: .refused(mentions: ["/dev/zero", "device"]), summary: "refused: a device"
        ) { box in Invocation(box.submit(image: "/dev/zero")) },
        BadInputCase(
            name: "/dev/null", expected: .refused(mentions: ["/dev/null", "device"]), summary: "refused: a device"
        ) { box in Invocation(box.submit(image: "/dev/null")) },
        BadInputCase(
            name: "dangling symlink", expected: .refused(mentions: ["symbolic link", "does not exist"]),
            summary: "refused: link to a missing target"
        ) { box in
            let path = box.path("dangling.png")
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: box.path("gone.png"))
            return Invocation(box.submit(image: path))
        },
        BadInputCase(
            name: "looping symlinks", expected: .refused(mentions: ["loop"]), summary: "refused: a loop of links"
        ) { box in
            try FileManager.default.createSymbolicLink(
                atPath: box.path("a.png"), withDestinationPath: box.path("b.png"))
            try FileManager.default.createSymbolicLink(
                atPath: box.path("b.png"), withDestinationPath: box.path("a.png"))
            return Invocation(box.submit(image: box.path("a.png")))
        },
        BadInputCase(
            name: "unreadable file (mode 000, run as nobody)", expected: .refused(mentions: ["permission denied"]),
            summary: "refused: permission denied (run as `nobody`: root reads any file)"
        ) { box in
            var invocation = Invocation(box.submit(image: try box.write("secret.png", png(640, 480), mode: 0)))
            invocation.asNobody = true
            return invocation
        },
        BadInputCase(
            name: "path through a regular file", expected: .refused(mentions: ["does not exist"]),
            summary: "refused: does not exist (ENOTDIR)"
        ) { box in
            Invocation(box.submit(image: try box.write("plain.png", png(640, 480)) + "/inner.png"))
        },
        BadInputCase(
            name: "non-UTF-8 file name", expected: .refused(mentions: ["does not exist"]),
            summary: "refused: does not exist (the name cannot be represented; no crash)"
        ) { box in
            var invocation = Invocation([])
            let image = SyntheticImage.png(width: 640, height: 480)
            try Data(image).write(to: box.folder.appendingPathComponent("tmp-image"))
            invocation.shellLine =
                "cd '\(box.folder.path)' && mv tmp-image \"$(printf 'pic-\\377.png')\" && exec \"$0\" submit "
                + "--prompt 'A calm lake' --base-url '\(box.baseURL)' --image \"$(printf 'pic-\\377.png')\""
            return invocation
        },
        BadInputCase(
            name: "ftp:// URL", expected: .refused(mentions: ["ftp://", "not supported"]), summary: "refused: scheme"
        ) { box in Invocation(box.submit(image: "ftp://example.com/a.png")) },
        BadInputCase(
            name: "file:// URL", expected: .refused(mentions: ["file://", "file path itself"]),
            summary: "refused: give the path itself"
        ) { box in Invocation(box.submit(image: "file:///tmp/a.png")) },
        BadInputCase(
            name: "javascript: URL", expected: .refused(mentions: ["javascript:alert(1)", "does not exist"]),
            summary: "refused: taken as a path that does not exist"
        ) { box in Invocation(box.submit(image: "javascript:alert(1)")) },
        BadInputCase(
            name: "pasted data: URL", expected: .refused(mentions: ["data: URL"]),
            summary: "refused: give the file path"
        ) { box in Invocation(box.submit(image: "data:image/png;base64,iVBORw0KGgo=")) },
        BadInputCase(
            name: "http URL with a space", expected: .refused(mentions: ["not a valid http(s) URL"]),
            summary: "refused: invalid URL"
        ) { box in Invocation(box.submit(image: "http://exa mple.com/a.png")) },
    ]
}
