import Foundation
import HailuoTestSupport
import Testing

@testable import HailuoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Image preflight on real files")
struct ImagePreflightTests {
    @Test func aValidPNGIsInspected() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let bytes = SyntheticImage.png(width: 640, height: 360)
        let path = try dir.write("frame.png", bytes)
        let image = try #require(try ImagePreflight.inspect(path).localImage)
        #expect(image.format == .png)
        #expect(image.mimeType == "image/png")
        #expect(image.width == 640)
        #expect(image.height == 360)
        #expect(image.byteCount == bytes.count)
        #expect(image.path == path)
        #expect(image.summary.hasPrefix("PNG 640x360"))
        #expect(image.summary.hasSuffix("✓"))
    }

    @Test func magicBytesDecideNotTheName() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let png = try dir.write("actually-png.jpg", SyntheticImage.png(width: 400, height: 400))
        #expect(try ImagePreflight.inspect(png).mimeType == "image/png")
        let jpeg = try dir.write("actually-jpeg.png", SyntheticImage.jpegHeader(width: 1920, height: 1080))
        let inspection = try ImagePreflight.inspect(jpeg)
        #expect(inspection.mimeType == "image/jpeg")
        #expect(inspection.width == 1920)
        let gif = try dir.write("fake.png", Array("GIF89a".utf8) + [0x90, 0x01, 0x90, 0x01, 0, 0, 0])
        let refused = try #require(problem(gif))
        #expect(refused.rule == .format)
        #expect(refused.description.contains("is a GIF image; only PNG and JPEG images are accepted"))
        #expect(refused.description.contains("fake.png"))
    }

    @Test func brokenHeadersOnDisk() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let truncated = try dir.write("cut.png", Array(SyntheticImage.png(width: 400, height: 400).prefix(24)))
        #expect(problem(truncated)?.rule == .truncated)
        var lying = SyntheticImage.jpegHeader(width: 640, height: 480, padTo: 5_000)
        lying[4] = 0xFF  // APP0 length far beyond the end of the file
        let liar = try dir.write("liar.jpg", lying)
        let error = try #require(problem(liar))
        #expect(error.rule == .malformed)
        #expect(error.description.contains("runs past the end of the file (5000 bytes)"))
    }

    @Test func shorterSideMustBeAbove300() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let at300 = try dir.write("300.jpg", SyntheticImage.jpegHeader(width: 300, height: 500))
        let tall300 = try dir.write("300b.png", SyntheticImage.png(width: 500, height: 300))
        let at301 = try dir.write("301.png", SyntheticImage.png(width: 301, height: 500))
        #expect(problem(at300) == .tooSmall(at300, width: 300, height: 500))
        #expect(problem(tall300) == .tooSmall(tall300, width: 500, height: 300))
        #expect(problem(at301) == nil)
        #expect(problem(at300)?.description.contains("more than 300 px") == true)
    }

    @Test func aspectRatioMustBeStrictlyBetween2to5And5to2() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let cases: [(Int, Int, Bool)] = [
            (400, 1000, false), (1000, 400, false),  // exactly 2:5 and 5:2
            (401, 1000, true), (1000, 401, true),  // just inside
            (400, 1001, false), (1001, 400, false),  // just outside
            (2000, 801, true), (2000, 800, false),
        ]
        for (w, h, ok) in cases {
            let path = try dir.write("\(w)x\(h).jpg", SyntheticImage.jpegHeader(width: w, height: h))
            if ok {
                #expect(problem(path) == nil, "\(w)x\(h)")
            } else {
                #expect(problem(path) == .aspectRatio(path, width: w, height: h), "\(w)x\(h)")
            }
        }
    }

    @Test func twentyMiBIsTheLimit() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let limit = 20 * 1024 * 1024
        #expect(ImagePreflight.maxByteCount == limit)
        try dir.write("exact.png", SyntheticImage.png(width: 400, height: 400))
        try dir.resize("exact.png", to: limit)  // sparse zeros after IEND: the header is all that is read
        #expect(problem(dir.file("exact.png")) == nil)
        #expect(try ImagePreflight.inspect(dir.file("exact.png")).byteCount == limit)
        try dir.write("over.png", SyntheticImage.png(width: 400, height: 400))
        try dir.resize("over.png", to: limit + 1)
        let over = try #require(problem(dir.file("over.png")))
        #expect(over == .tooLarge(dir.file("over.png"), byteCount: limit + 1, limit: limit))
        #expect(over.description.contains("(20971521 bytes); the limit is 20 MiB (20971520 bytes)"))
    }

    @Test func onlyRegularFilesAreRead() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        #expect(problem(dir.path) == .directory(dir.path))
        let empty = try dir.write("empty.png", [])
        #expect(problem(empty) == .emptyFile(empty))
        #expect(problem(dir.file("missing.png")) == .notFound(dir.file("missing.png")))
        let file = try dir.write("file.png", SyntheticImage.png(width: 400, height: 400))
        #expect(problem(file + "/inside.png") == .notFound(file + "/inside.png"))
        #expect(problem("/dev/null") == .device("/dev/null"))
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let fifo = dir.file("pipe.png")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Nobody writes to the pipe: an open() without O_NONBLOCK or a read would hang here.
        #expect(problem(fifo) == .fifo(fifo))
        #expect(problem(fifo)?.description.contains("named pipe") == true)
    }

    @Test func aSocketIsRefused() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let path = dir.file("s.sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8CString)
        try #require(bytes.count <= MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = UInt8(bitPattern: b) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        #expect(problem(path) == .socket(path))
    }

    @Test func symbolicLinks() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let real = try dir.write("real.png", SyntheticImage.png(width: 400, height: 400))
        try FileManager.default.createSymbolicLink(atPath: dir.file("good.png"), withDestinationPath: real)
        #expect(try ImagePreflight.inspect(dir.file("good.png")).path == real)  // resolved

        try FileManager.default.createSymbolicLink(
            atPath: dir.file("dangling.png"), withDestinationPath: dir.file("gone.png"))
        #expect(
            problem(dir.file("dangling.png"))
                == .danglingSymlink(dir.file("dangling.png"), target: dir.file("gone.png")))

        try FileManager.default.createSymbolicLink(atPath: dir.file("a.png"), withDestinationPath: dir.file("b.png"))
        try FileManager.default.createSymbolicLink(atPath: dir.file("b.png"), withDestinationPath: dir.file("a.png"))
        #expect(problem(dir.file("a.png")) == .symlinkLoop(dir.file("a.png")))
        try FileManager.default.createSymbolicLink(atPath: dir.file("self.png"), withDestinationPath: "self.png")
        #expect(problem(dir.file("self.png")) == .symlinkLoop(dir.file("self.png")))

        try FileManager.default.createSymbolicLink(atPath: dir.file("to-dir"), withDestinationPath: dir.path)
        #expect(problem(dir.file("to-dir")) == .directory(dir.file("to-dir")))
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any file, so chmod 000 cannot produce EACCES"))
    func anUnreadableFileIsRefused() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let path = try dir.write("locked.png", SyntheticImage.png(width: 400, height: 400))
        #expect(chmod(path, 0o000) == 0)
        #expect(problem(path) == .permissionDenied(path))
    }

    @Test func permissionErrorsMapToAClearProblem() {
        // Runs as root too: the errno mapping used after a refused open() or stat().
        #expect(FileStatus.problem(errno: EACCES, reference: "x.png") == .permissionDenied("x.png"))
        #expect(FileStatus.problem(errno: EPERM, reference: "x.png") == .permissionDenied("x.png"))
        #expect(FileStatus.problem(errno: ELOOP, reference: "x.png") == .symlinkLoop("x.png"))
        #expect(ImageProblem.permissionDenied("x.png").description == "\"x.png\" cannot be read: permission denied")
    }

    @Test func tildeExpandsToTheGivenHome() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        try dir.write("pic.png", SyntheticImage.png(width: 400, height: 400))
        let image = try #require(try ImagePreflight.inspect("~/pic.png", home: dir.path).localImage)
        #expect(image.path == dir.file("pic.png"))
        #expect(image.reference == "~/pic.png")
        #expect(try ImagePreflight.inspect("~/pic.png", home: dir.path + "/").path == dir.file("pic.png"))
        #expect(problem("~", home: dir.path) == .directory("~"))
        #expect(problem("~/nothing.png", home: dir.path) == .notFound("~/nothing.png"))
        #expect(ImagePreflight.expand("relative.png").hasPrefix("/"))
        #expect(ImagePreflight.expand("~user/x.png").hasSuffix("/~user/x.png"))
    }

    @Test func urlsPassUnchangedAndBadSchemesAreRefused() throws {
        #expect(
            try ImagePreflight.inspect("https://cdn.example.com/a.png?x=1")
                == .remote("https://cdn.example.com/a.png?x=1"))
        #expect(try ImagePreflight.inspect("  http://example.com/a.jpg\n") == .remote("http://example.com/a.jpg"))
        #expect(
            problem("ftp://example.com/a.png")
                == .unsupportedScheme(reference: "ftp://example.com/a.png", scheme: "ftp"))
        #expect(problem("file:///tmp/a.png")?.rule == .scheme)
        #expect(problem("data:image/png;base64,AAAA") == .dataURL)
        #expect(problem("") == .emptyReference)
    }

    @Test func fileNamesInMessagesAreInertAndIssuesNameTheField() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let name = dir.file("evil\u{1B}]0;title\u{07}.png")
        try dir.write("evil\u{1B}]0;title\u{07}.png", Array("GIF87a".utf8) + [1, 2, 3, 4])
        let error = try #require(problem(name))
        #expect(!error.description.contains("\u{1B}"))
        #expect(!error.description.contains("\u{07}"))
        #expect(error.description.contains("\\e]0;title"))
        let issue = error.issue(for: .lastFrame)
        #expect(issue.field == .lastFrame)
        #expect(issue.rule == .format)
        #expect(issue.message.hasPrefix("last frame: "))
        #expect(!issue.value.contains("\u{1B}"))
        #expect(ImagePreflight.issue(for: name, field: .firstFrame)?.field == .firstFrame)
        #expect(ImagePreflight.issue(for: "https://example.com/x.png", field: .firstFrame) == nil)
    }
}
