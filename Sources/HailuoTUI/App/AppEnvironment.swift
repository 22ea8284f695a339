import Foundation
import HailuoCore
import TUIKit

/// What the screen knows about the world it runs in: fixed for a session, set by the runtime.
public struct AppEnvironment: Sendable, Equatable {
    /// DEMO (embedded simulator, nothing billed) or LIVE.
    public var isDemo: Bool
    /// The API host shown in the status bar (`api.aimlapi.com`, `127.0.0.1:4242`).
    public var host: String
    /// The key as `…` plus its last 4 characters, never the key.
    public var keyFingerprint: String
    public var family: EndpointFamily
    /// Composer defaults from the config.
    public var defaults: GenerationParameters
    /// How a job that finishes unseen is announced.
    public var finishNotice: FinishNotice
    /// Whether the terminal can show Unicode box drawing and symbols.
    public var glyphs: Glyphs
    /// Whether colours are available (else bold/reverse only).
    public var colors: Bool
    /// The colours pictures are drawn in (thumbnails, clip frames).
    public var colorDepth: ColorDepth
    /// Whether pictures are shown at all (`[preview] pictures = false` turns them off).
    public var showsPictures: Bool
    /// `$SSH_CONNECTION` (client ip, client port, server ip, server port) when logged in over SSH.
    public var sshConnection: String?
    /// `$USER`, for the `scp` line.
    public var user: String?
    /// The machine's host name, for the `scp` line when `$SSH_CONNECTION` is missing.
    public var hostName: String?
    /// Show the one-line first-run hint (demo mode, empty store).
    public var firstRun: Bool

    public init(
        isDemo: Bool, host: String, keyFingerprint: String, family: EndpointFamily = .vendor,
        defaults: GenerationParameters = GenerationParameters(prompt: ""), finishNotice: FinishNotice = .bell,
        glyphs: Glyphs = .unicode, colors: Bool = true, colorDepth: ColorDepth = .palette256,
        showsPictures: Bool = true, sshConnection: String? = nil, user: String? = nil,
        hostName: String? = nil, firstRun: Bool = false
    ) {
        self.isDemo = isDemo
        self.host = host
        self.keyFingerprint = keyFingerprint
        self.family = family
        self.defaults = defaults
        self.finishNotice = finishNotice
        self.glyphs = glyphs
        self.colors = colors
        self.colorDepth = colors ? colorDepth : .monochrome
        self.showsPictures = showsPictures
        self.sshConnection = sshConnection
        self.user = user
        self.hostName = hostName
        self.firstRun = firstRun
    }

    /// A fixed environment for tests and snapshots.
    public static let preview = AppEnvironment(
        isDemo: true, host: "127.0.0.1:4242", keyFingerprint: "none", user: "ana", hostName: "render-01")
}
