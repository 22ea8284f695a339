import Foundation
import HailuoCore
import HailuoEngine
import HailuoTUI
import HailuoTUIRuntime

/// `hailuo` with no subcommand on a terminal: the interactive screen.
enum InteractiveScreen {
    /// Opens the engine (demo simulator when there is no key), runs the screen, and closes the
    /// engine again: polling stops, leases go back to the store, unfinished jobs resume next time.
    /// The engine starts once the screen shows the jobs (a large store's first read goes first).
    static func run(_ options: GlobalOptions) async throws {
        let session = try await EngineSession.open(options, announceDemo: false)
        let starter = DeferredStart(engine: session.engine)
        let settings = session.settings
        let environment = ProcessInfo.processInfo.environment
        let isEmpty = (try? session.engine.jobs(includeHidden: true, limit: 1).isEmpty) ?? false
        let appEnvironment = AppEnvironment(
            isDemo: settings.isDemo, host: displayHost(session.engine.configuration.endpoint.baseURL),
            keyFingerprint: settings.isDemo ? "demo" : settings.keyFingerprint, family: settings.family,
            defaults: GenerationParameters(
                model: settings.defaultModel, prompt: "", promptOptimizer: settings.defaultPromptOptimizer,
                duration: settings.defaultDuration, resolution: settings.defaultResolution),
            finishNotice: settings.notifyOnFinish, showsPictures: settings.showPictures,
            sshConnection: environment["SSH_CONNECTION"],
            user: environment["USER"], hostName: ProcessInfo.processInfo.hostName,
            firstRun: settings.isDemo && isEmpty)
        let exit: TUIApp.Exit
        let stderrBackup = StandardErrorRedirect(to: settings.paths.logFile.path)
        defer { stderrBackup.restore() }
        do {
            exit = try await TUIApp.run(
                engine: session.engine, environment: appEnvironment,
                notes: settings.warnings,
                draftFile: DraftFile(url: settings.paths.draftFile(demo: settings.isDemo)),
                presets: PresetStore(file: settings.presetFile),
                onJobsShown: { starter.start() })
        } catch {
            await starter.finish()
            await session.close()
            throw CLIFailure(.usage, "cannot open the terminal screen: \(error)")
        }
        let running = (try? session.engine.jobs(phases: JobPhase.running).count) ?? 0
        await starter.finish()
        await session.close()
        stderrBackup.restore()
        if running > 0, exit == .quit {
            let noun = running == 1 ? "job is" : "jobs are"
            Console.error(
                "\(running) \(noun) still running upstream; they resume when hailuo starts again (hailuo jobs)")
        }
        if exit == .terminated { Foundation.exit(130) }
    }

    /// `api.aimlapi.com` or `127.0.0.1:4242`: the host (and port) of a base URL.
    static func displayHost(_ baseURL: String) -> String {
        guard let components = URLComponents(string: baseURL), let host = components.host else { return baseURL }
        return components.port.map { "\(host):\($0)" } ?? host
    }
}

/// While the screen is up, anything written to stderr (a runtime warning, a crash message)
/// would land on top of the layout: it goes to the log file instead, and back afterwards.
final class StandardErrorRedirect: Sendable {
    private let saved: Int32

    init(to path: String) {
        let file = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard file >= 0 else {
            saved = -1
            return
        }
        saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        dup2(file, STDERR_FILENO)
        close(file)
    }

    /// Puts the terminal back as stderr (idempotent).
    func restore() {
        guard saved >= 0 else { return }
        dup2(saved, STDERR_FILENO)
    }

    deinit {
        if saved >= 0 { close(saved) }
    }
}
