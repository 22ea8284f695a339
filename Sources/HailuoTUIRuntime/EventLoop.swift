import CursesBackend
import Foundation
import HailuoCore
import HailuoTUI
import TUIKit

/// The UI thread's loop: read keys and messages, update, draw the changed cells, then sleep in
/// `poll()` until input, a message, or the next tick. Everything here runs on one thread.
public final class EventLoop<Terminal: ScreenTerminal> {
    private let terminal: Terminal
    private let inbox = Inbox<Msg>()
    private let runner: CommandRunner
    private let signals: TerminationSignals?
    /// The screen's state; readable for tests once the loop has returned.
    public private(set) var model: AppModel
    private let insideTmux: Bool

    /// Where an unsent draft is kept between runs.
    private let draftFile: DraftFile?

    /// Called once, on this thread, right after the first frame that shows the store's jobs (or
    /// says there are none): work that can wait, such as starting the engine's polling, goes here
    /// so it does not compete with the first read of the store.
    private var onJobsShown: (() -> Void)?

    /// A loop over `terminal` and `engine`. `notes` (config warnings) share the message line when
    /// the screen opens; `signals`, when given, turn SIGHUP, SIGTERM and SIGINT into a quit;
    /// `onJobsShown` runs once after the first frame with the store's jobs.
    public init(
        terminal: Terminal, engine: any ScreenEngine, environment: AppEnvironment, notes: [String] = [],
        draftFile: DraftFile? = nil, presets: PresetStore = .inMemory(), signals: TerminationSignals? = nil,
        variables: [String: String] = [:], currentDirectory: String = FileManager.default.currentDirectoryPath,
        onJobsShown: (() -> Void)? = nil
    ) {
        self.terminal = terminal
        self.draftFile = draftFile
        self.onJobsShown = onJobsShown
        self.signals = signals
        var environment = environment
        environment.glyphs = TUIApp.glyphs(utf8: terminal.isUTF8, term: variables["TERM"])
        environment.colors = terminal.supportsColor
        environment.colorDepth = terminal.supportsColor ? terminal.colorDepth : .monochrome
        model = AppModel(environment: environment, size: terminal.size, now: Date())
        let inbox = inbox
        runner = CommandRunner(
            engine: engine, home: variables["HOME"], currentDirectory: currentDirectory, presets: presets
        ) { inbox.post($0) }
        insideTmux = variables["TMUX"] != nil
        signals?.install(wake: inbox.wakeHandle)
        var opening = notes
        if !terminal.isUTF8 {
            opening.insert(
                "the locale is not UTF-8: ASCII symbols, other scripts as ? (set LANG=C.UTF-8)", at: 0)
        }
        if !opening.isEmpty {
            // One message line: the notes share it.
            inbox.post(.actionFinished(text: opening.joined(separator: " · "), isError: false))
        }
    }

    /// Runs until quit; restores the terminal on the way out.
    public func run() -> TUIApp.Exit {
        defer { terminal.restore() }
        // Whatever way the screen closes, an unsent draft is kept for the next start.
        defer { draftFile?.save(model.unsentDraft) }
        if let draft = draftFile?.load() {
            for command in model.restore(draft) { perform(command) }
        }
        let pump = runner.pumpEvents()
        defer { pump.cancel() }
        runner.loadJobsAtStart(rows: model.size.height)
        runner.loadRosterAtStart()
        perform(model.composer.openingQuote)
        var exit = TUIApp.Exit.quit
        var jobsArrived = false
        var firstJobsDrawn = false
        terminal.draw(model.view())
        // A tick that fell due while the loop slept: handled with the next messages, without a
        // round trip through the wake pipe (an idle screen ticks every second or two).
        var dueTick: Date?
        while true {
            // After a wait that timed out, nothing was waiting on any descriptor: the tick goes
            // straight to the model without asking the keyboard and the inbox (2 system calls).
            var messages: [Msg] = []
            if dueTick == nil {
                messages = terminal.readEvents().map(Msg.input)
                messages += inbox.drain()
            }
            if let tick = dueTick {
                messages.append(.tick(tick))
                dueTick = nil
            }
            if signals?.terminationRequested == true {
                messages.append(.terminate)
                exit = .terminated
            }
            for message in messages {
                if case .jobsLoaded = message { jobsArrived = true }
                for command in model.update(message) { perform(command) }
                if model.quitting { break }
            }
            if model.quitting { break }
            terminal.draw(model.view())
            if jobsArrived, !firstJobsDrawn {
                // The first jobs are on screen: now the rest of the store, and the caller's deferred work.
                firstJobsDrawn = true
                runner.loadRemainingJobs()
                onJobsShown?()
                onJobsShown = nil
            }
            let tick = model.nextTick(after: Date())
            let deadline = tick.map { ContinuousClock.now + .milliseconds(Int(max(0, $0.timeIntervalSinceNow) * 1000)) }
            switch terminal.waitForInput(until: deadline, wakeFD: inbox.fileDescriptor) {
            case .timeout:
                dueTick = Date()
            case .hangup:
                // The terminal is gone: nothing more can be drawn; leave at once.
                _ = model.update(.terminate)
                return .terminated
            case .input, .woken:
                break
            }
        }
        return exit
    }

    private func perform(_ command: Command) {
        switch command {
        case .copy(let text):
            terminal.writeRaw(TerminalSequences.copyToClipboard(text, insideTmux: insideTmux))
        case .notify(let title, let body):
            switch model.environment.finishNotice {
            case .bell: terminal.bell()
            case .osc9: terminal.writeRaw(TerminalSequences.notifyOSC9("\(title): \(body)", insideTmux: insideTmux))
            case .osc777:
                terminal.writeRaw(TerminalSequences.notifyOSC777(title: title, body: body, insideTmux: insideTmux))
            case .none: break
            }
        case .redraw:
            terminal.invalidate()
        case .suspend:
            terminal.suspend()
            inbox.post(.input(.resize(terminal.size)))
        case .quit:
            break
        default:
            runner.run(command)
        }
    }
}
