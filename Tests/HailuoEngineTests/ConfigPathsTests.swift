import Foundation
import HailuoEngine
import Testing

@Suite("Config paths (XDG) and private files")
struct ConfigPathsTests {
    @Test func defaultsFollowHome() {
        let paths = HailuoPaths(environment: ["HOME": "/home/ada"])
        #expect(paths.configFile.path == "/home/ada/.config/hailuo/config.toml")
        #expect(paths.stateDirectory.path == "/home/ada/.local/state/hailuo")
        #expect(paths.databaseFile(demo: false).path == "/home/ada/.local/state/hailuo/jobs.sqlite")
        #expect(paths.databaseFile(demo: true).path == "/home/ada/.local/state/hailuo/demo.sqlite")
        #expect(paths.logFile.path == "/home/ada/.local/state/hailuo/hailuo.log")
        #expect(paths.defaultDownloadDirectory.path == "/home/ada/Videos/hailuo")
    }

    @Test func xdgVariablesAreHonoured() {
        let paths = HailuoPaths(environment: [
            "HOME": "/home/ada", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st/", "XDG_VIDEOS_DIR": "/media/vids",
        ])
        #expect(paths.configFile.path == "/cfg/hailuo/config.toml")
        #expect(paths.stateDirectory.path == "/st/hailuo")
        #expect(paths.defaultDownloadDirectory.path == "/media/vids/hailuo")
    }

    @Test func relativeOrEmptyXDGVariablesAreIgnored() {
        let paths = HailuoPaths(environment: [
            "HOME": "/home/ada", "XDG_CONFIG_HOME": "relative/cfg", "XDG_STATE_HOME": "", "XDG_VIDEOS_DIR": "vids",
        ])
        #expect(paths.configFile.path == "/home/ada/.config/hailuo/config.toml")
        #expect(paths.stateDirectory.path == "/home/ada/.local/state/hailuo")
        #expect(paths.defaultDownloadDirectory.path == "/home/ada/Videos/hailuo")
    }

    @Test func theVideosFolderComesFromUserDirsWithHomeExpanded() throws {
        let sandbox = try ConfigSandbox()
        try FileManager.default.createDirectory(at: sandbox.configHome, withIntermediateDirectories: true)
        try """
        # This file is written by xdg-user-dirs-update
        XDG_DESKTOP_DIR="$HOME/Desktop"
        XDG_VIDEOS_DIR="$HOME/Filme"
        """.write(to: sandbox.configHome.appendingPathComponent("user-dirs.dirs"), atomically: true, encoding: .utf8)
        let paths = HailuoPaths(environment: sandbox.environment)
        #expect(paths.defaultDownloadDirectory.path == sandbox.home.appendingPathComponent("Filme/hailuo").path)

        // The environment variable still wins over the file.
        var environment = sandbox.environment
        environment["XDG_VIDEOS_DIR"] = "/srv/videos"
        #expect(HailuoPaths(environment: environment).defaultDownloadDirectory.path == "/srv/videos/hailuo")
    }

    @Test func userDirsWithAnAbsolutePathOrNoVideosLine() throws {
        let sandbox = try ConfigSandbox()
        try FileManager.default.createDirectory(at: sandbox.configHome, withIntermediateDirectories: true)
        let file = sandbox.configHome.appendingPathComponent("user-dirs.dirs")
        try "XDG_VIDEOS_DIR=\"/data/movies\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(HailuoPaths(environment: sandbox.environment).defaultDownloadDirectory.path == "/data/movies/hailuo")

        try "XDG_MUSIC_DIR=\"$HOME/Music\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(
            HailuoPaths(environment: sandbox.environment).defaultDownloadDirectory.path
                == sandbox.home.appendingPathComponent("Videos/hailuo").path)
    }

    @Test func tildeExpandsAgainstTheGivenHome() {
        let paths = HailuoPaths(environment: ["HOME": "/home/ada"])
        #expect(paths.expandTilde("~") == "/home/ada")
        #expect(paths.expandTilde("~/k/key") == "/home/ada/k/key")
        #expect(paths.expandTilde("~bob/key") == "~bob/key")
        #expect(paths.expandTilde("/abs/~/x") == "/abs/~/x")
    }

    @Test func theStateFolderIsCreated0700WithItsParents() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        #expect(!FileManager.default.fileExists(atPath: sandbox.stateHome.path))
        let folder = try paths.createStateDirectory()
        #expect(folder == paths.stateDirectory)
        #expect(try ConfigSandbox.mode(of: paths.stateDirectory) == 0o700)
        #expect(try ConfigSandbox.mode(of: sandbox.stateHome) == 0o700)
    }

    @Test func aLooserStateFolderIsTightened() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        try FileManager.default.createDirectory(
            at: paths.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(try ConfigSandbox.mode(of: paths.stateDirectory) == 0o755)
        try paths.createStateDirectory()
        #expect(try ConfigSandbox.mode(of: paths.stateDirectory) == 0o700)
    }

    @Test func aFileWhereTheStateFolderShouldBeIsAnError() throws {
        let sandbox = try ConfigSandbox()
        let paths = HailuoPaths(environment: sandbox.environment)
        try FileManager.default.createDirectory(at: sandbox.stateHome, withIntermediateDirectories: true)
        try Data().write(to: paths.stateDirectory)
        #expect(
            throws: ConfigError.filesystem(path: paths.stateDirectory.path, reason: "it exists and is not a folder")
        ) {
            try paths.createStateDirectory()
        }
    }

    @Test func privateFilesAreCreated0600AndLooseOnesTightened() throws {
        let sandbox = try ConfigSandbox()
        let fresh = sandbox.root.appendingPathComponent("fresh.db")
        try PrivateFiles.createPrivateFile(at: fresh)
        #expect(try ConfigSandbox.mode(of: fresh) == 0o600)

        let loose = try sandbox.writeHomeFile("loose.db", "content", mode: 0o644)
        #expect(try PrivateFiles.ensurePrivate(fileAt: loose))
        #expect(try ConfigSandbox.mode(of: loose) == 0o600)
        #expect(try String(contentsOf: loose, encoding: .utf8) == "content")

        #expect(try PrivateFiles.ensurePrivate(fileAt: sandbox.root.appendingPathComponent("absent")) == false)
    }
}
