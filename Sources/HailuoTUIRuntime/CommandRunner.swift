import Foundation
import HailuoCore
import HailuoTUI
import Synchronization
import TUIKit

/// Runs the work `AppModel.update(_:)` asks for against the engine, off the UI thread, and
/// posts each result back as a ``Msg``. Terminal effects (clipboard, bell, suspend) stay with
/// the loop, which owns the terminal.
final class CommandRunner: Sendable {
    let engine: any ScreenEngine
    let post: @Sendable (Msg) -> Void
    let home: String?
    let currentDirectory: String
    /// Where presets are read and written (F7 / F8).
    let presets: PresetStore
    private let windows = ExpectedWindows()
    private let pictureMaker: PictureMaker
    /// Groups the screen has been told about; a job of another group makes the runtime read them again.
    private let knownGroups = Mutex<Set<String>>([])
    /// Whether the first load stopped at a screenful and the rest is still to be read.
    private let remainingJobsUnread = Mutex(false)

    init(
        engine: any ScreenEngine, home: String?, currentDirectory: String, presets: PresetStore = .inMemory(),
        post: @escaping @Sendable (Msg) -> Void
    ) {
        self.engine = engine
        self.presets = presets
        self.home = home
        self.currentDirectory = currentDirectory
        self.post = post
        self.pictureMaker = PictureMaker(home: home, currentDirectory: currentDirectory, post: post)
    }

    /// Starts the work for `command`; returns at once.
    func run(_ command: Command) {
        switch command {
        case .submit(let parameters): submit(parameters)
        case .quote(let parameters):
            Task.detached { [engine, post] in
                post(.priceQuoted(parameters, await engine.quote(parameters)))
            }
        case .checkImage(let slot, let reference):
            let home = home
            Task.detached { [post] in
                post(.imageChecked(slot, ImageVerdicts.verdict(for: reference, home: home)))
            }
        case .completePath(let slot, let typed):
            let home = home
            let folder = currentDirectory
            Task.detached { [post] in
                let found = PathCompleter.candidates(for: typed, home: home, currentDirectory: folder)
                post(.pathCompletions(slot, typed: typed, candidates: found))
            }
        case .submitVariants(let parameters, let count):
            Task.detached { [self] in
                let outcome: VariantsOutcome
                switch await engine.submitVariants(parameters, count: count) {
                case .stored(let group, let jobs):
                    knownGroups.withLock { _ = $0.insert(group.id) }
                    outcome = .stored(group, jobs.map(entry(for:)))
                case .invalid(let issues): outcome = .invalid(issues)
                case .failed(let message): outcome = .failed(message)
                }
                post(.variantsFinished(parameters: parameters, outcome: outcome))
            }
        case .setFavourite(let id, let favourite):
            Task.detached { [engine, post] in
                do {
                    _ = try await engine.setFavourite(jobID: id, favourite)
                } catch {
                    post(.actionFinished(text: Formatting.oneLine(String(describing: error)), isError: true))
                }
            }
        case .makePicture(let request):
            pictureMaker.make(request)
        case .continueFromLastFrame(let jobID, let video):
            pictureMaker.extractLastFrame(jobID: jobID, video: video)
        case .loadHistory(let id):
            Task.detached { [engine, post] in
                if let events = try? await engine.history(jobID: id) { post(.historyLoaded(jobID: id, events)) }
            }
        case .pollNow(let id):
            act { engine in
                let polled = try await engine.pollNow(id)
                return polled ? "polled \(id)" : "\(id) is being polled by another hailuo process"
            }
        case .download(let id):
            act { engine in
                let job = try await engine.download(id)
                return "saved \(job.id) to \(InertText.render(job.filePath ?? "?"))"
            }
        case .retry(let id):
            act { engine in
                let job = try await engine.retry(id)
                return "retried \(id) as a new job \(job.id)"
            }
        case .resubmit(let id):
            act { engine in
                let job = try await engine.resubmit(id)
                return "resent \(job.id); it is \(job.displayStatus)"
            }
        case .dismiss(let id):
            act { engine in
                _ = try await engine.dismiss(id)
                return "dismissed \(id); it stays in the store (H shows hidden jobs)"
            }
        case .setHidden(let id, let hidden):
            act { engine in
                _ = try await engine.setHidden(id, hidden)
                return hidden ? "hid \(id) (H shows hidden jobs)" : "\(id) is shown again"
            }
        case .loadPresets:
            Task.detached { [presets, post] in post(.presetsLoaded(presets.load())) }
        case .savePreset(let name, let parameters, let replace):
            Task.detached { [presets, post] in
                post(.presetSaved(presets.save(Preset(name: name, parameters: parameters), replace)))
            }
        case .copy, .notify, .redraw, .suspend, .quit:
            break
        }
    }

    /// Forwards engine events as messages until the engine shuts down.
    func pumpEvents() -> Task<Void, Never> {
        let stream = engine.events()
        return Task.detached { [self] in
            for await event in stream {
                switch event {
                case .jobChanged(let job): jobsChanged([job])
                case .jobsChanged(let jobs): jobsChanged(jobs)
                case .groupsChanged: loadGroups()
                case .connection(let state): post(.connection(state))
                case .downloadProgress(let progress): post(.downloadProgress(progress))
                case .downloadFailed(let jobID, let message): post(.downloadFailed(jobID: jobID, message: message))
                case .balance(let reading):
                    post(.balance(reading.balance.currency == "USD" ? reading.balance.amount : nil))
                }
            }
        }
    }

    /// A job with its expected generation window (learned windows cached per kind of job).
    func entry(for job: Job) -> JobEntry {
        if job.phase == .completed { windows.forget(job) }
        guard job.phase.isRunning else { return JobEntry(job: job) }
        return JobEntry(job: job, expected: windows.window(for: job) { engine.expectedGenerationWindow(for: $0) })
    }

    /// The jobs read first: at least as many as the table has rows on a screen `rows` tall.
    static func firstScreenful(rows: Int) -> Int { max(40, rows) }

    /// The first load: the newest jobs at once, so a store of 10,000 jobs shows its table about as
    /// soon as an empty one; the rest (and with them the right counts) follow from
    /// ``loadRemainingJobs()``, once that first screenful is drawn.
    func loadJobsAtStart(rows: Int) {
        loadGroups()
        let limit = Self.firstScreenful(rows: rows)
        Task.detached { [self] in
            do {
                let newest = try await engine.jobs(limit: limit)
                // Set before the message goes, so the screen that draws these jobs finds it set.
                remainingJobsUnread.withLock { $0 = newest.count == limit }
                post(.jobsLoaded(newest.map(entry(for:))))
            } catch {
                post(.actionFinished(text: "could not read the job store: \(error)", isError: true))
            }
        }
    }

    /// Reads every job when the first load stopped at a screenful: called by the loop right after
    /// the frame that shows the first jobs, so the long read never competes with that frame.
    func loadRemainingJobs() {
        guard
            remainingJobsUnread.withLock({ unread in
                defer { unread = false }; return unread
            })
        else { return }
        Task.detached { [self] in
            do {
                let all = try await engine.jobs(limit: nil)
                post(.jobsLoaded(all.map(entry(for:))))
            } catch {
                post(.actionFinished(text: "could not read the job store: \(error)", isError: true))
            }
        }
    }

    /// Reads the groups (batches, variants) and posts them.
    private func loadGroups() {
        Task.detached { [self] in
            guard let groups = try? await engine.groups() else { return }
            knownGroups.withLock { $0 = Set(groups.map(\.id)) }
            post(.groupsLoaded(groups))
        }
    }

    /// Jobs changed (here or by another process): one message for one job, one for many, so a
    /// burst costs the table one re-sort at most; a job of a group the screen does not know yet
    /// makes the runtime read the groups again.
    private func jobsChanged(_ jobs: [Job]) {
        guard !jobs.isEmpty else { return }
        if jobs.count == 1 {
            post(.jobChanged(entry(for: jobs[0])))
        } else {
            post(.jobsChanged(jobs.map(entry(for:))))
        }
        let known = knownGroups.withLock { $0 }
        if jobs.contains(where: { $0.groupID.map { !known.contains($0) } ?? false }) { loadGroups() }
    }

    private func submit(_ parameters: GenerationParameters) {
        Task.detached { [self] in
            let outcome: SubmitOutcome
            switch await engine.submit(parameters) {
            case .stored(let job): outcome = .stored(entry(for: job))
            case .invalid(let issues): outcome = .invalid(issues)
            case .failed(let message): outcome = .failed(message)
            }
            post(.submitFinished(parameters: parameters, outcome: outcome))
        }
    }

    private func act(_ work: @escaping @Sendable (any ScreenEngine) async throws -> String) {
        Task.detached { [engine, post] in
            do {
                post(.actionFinished(text: try await work(engine), isError: false))
            } catch {
                post(.actionFinished(text: Formatting.oneLine(String(describing: error)), isError: true))
            }
        }
    }
}

/// Expected generation windows by model, duration and resolution, read from the store once.
private final class ExpectedWindows: Sendable {
    private struct Kind: Hashable {
        var model: String
        var duration: Int
        var resolution: Resolution
    }

    private let cache = Mutex<[Kind: ClosedRange<Double>]>([:])

    func window(for job: Job, compute: (Job) -> ClosedRange<Double>) -> ClosedRange<Double> {
        let kind = Self.kind(job)
        if let known = cache.withLock({ $0[kind] }) { return known }
        let value = compute(job)
        cache.withLock { $0[kind] = value }
        return value
    }

    /// A finished job teaches the engine a new window for its kind: forget the cached one.
    func forget(_ job: Job) {
        let kind = Self.kind(job)
        cache.withLock { _ = $0.removeValue(forKey: kind) }
    }

    private static func kind(_ job: Job) -> Kind {
        Kind(
            model: job.parameters.model.rawValue, duration: job.parameters.duration,
            resolution: job.parameters.resolution)
    }
}
