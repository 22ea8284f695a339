import HailuoCore
import TUIKit

extension KeyMap {
    static let table: [KeyBinding] = [
        KeyBinding(
            .table, "↑ ↓ j k PgUp PgDn Home End g G", "select a job",
            [
                .on(.up, .moveSelection(.up)), .on(.character("k"), .moveSelection(.up)),
                .on(.down, .moveSelection(.down)), .on(.character("j"), .moveSelection(.down)),
                .on(.pageUp, .moveSelection(.pageUp)), .on(.pageDown, .moveSelection(.pageDown)),
                .on(.home, .moveSelection(.first)), .on(.character("g"), .moveSelection(.first)),
                .on(.end, .moveSelection(.last)), .on(.character("G"), .moveSelection(.last)),
            ]),
        KeyBinding(
            .table, "Enter", "open / close details; on a group row, list its jobs or not",
            [.on(.enter, .toggleDetails)]),
        KeyBinding(
            .table, "o", "only the selected group's jobs / every job", [.on(.character("o"), .toggleGroupFilter)]),
        KeyBinding(
            .table, "C", "compare a group's results side by side", [.on(.character("C"), .openCompare)]),
        KeyBinding(.table, "/", "filter by text", [.on(.character("/"), .startFilter)]),
        KeyBinding(
            .table, "f", "filter by status: all, active, completed, failed, unconfirmed",
            [.on(.character("f"), .cycleStatusFilter)]),
        KeyBinding(.table, "s", "sort: newest, oldest, status, model", [.on(.character("s"), .cycleSort)]),
        KeyBinding(.table, "p", "pause / resume updates", [.on(.character("p"), .togglePause)]),
        KeyBinding(.table, "H", "show / hide hidden jobs", [.on(.character("H"), .toggleShowHidden)]),
        KeyBinding(
            .table, "n", "poll now (check an unconfirmed job)",
            [.on(.character("n"), .job(.pollNow), unavailable: JobRules.pollRefusal)],
            details: { job in
                switch job.phase {
                case .pending: [DetailsHint("n", "poll now")]
                case .unconfirmed: [DetailsHint("n", "check")]
                default: []
                }
            }),
        KeyBinding(
            .table, "d", "download",
            [
                .on(
                    .character("d"), .job(.download),
                    unavailable: { job in
                        job.phase == .completed
                            ? nil
                            : Refusal(
                                "\(job.id) is \(job.displayStatus); only completed jobs have a video", isError: true)
                    })
            ], details: { $0.phase == .completed ? [DetailsHint("d", "download")] : [] }),
        KeyBinding(
            .table, "r", "retry: a new job with the same parameters", [.on(.character("r"), .job(.retry))],
            details: { [.pending, .completed, .failed].contains($0.phase) ? [DetailsHint("r", "retry")] : [] }),
        KeyBinding(
            .table, "R / D", "resubmit / dismiss an unconfirmed job",
            [
                .on(
                    .character("R"), .job(.resubmit),
                    unavailable: { job in
                        [.unconfirmed, .failed, .dismissed].contains(job.phase)
                            ? nil
                            : Refusal(
                                "\(job.id) is \(job.displayStatus); only unconfirmed or failed jobs can be resubmitted")
                    }),
                .on(
                    .character("D"), .job(.dismiss),
                    unavailable: { job in
                        job.phase == .unconfirmed
                            ? nil
                            : Refusal(
                                "\(job.id) is \(job.displayStatus); only unconfirmed submissions can be dismissed")
                    }),
            ],
            details: { job in
                ([.unconfirmed, .failed, .dismissed].contains(job.phase) ? [DetailsHint("R", "resubmit")] : [])
                    + (job.phase == .unconfirmed ? [DetailsHint("D", "dismiss")] : [])
            }),
        KeyBinding(
            .table, "e", "edit as new: load into the composer", [.on(.character("e"), .job(.editAsNew))],
            details: { _ in [DetailsHint("e", "edit")] }),
        KeyBinding(
            .table, "L", "continue: a new draft from the last frame",
            [.on(.character("L"), .job(.continueFromLastFrame), unavailable: JobRules.notDownloaded)],
            details: { $0.filePath == nil ? [] : [DetailsHint("L", "continue")] }),
        KeyBinding(
            .table, "c u y x", "copy id, URL, file path, scp line (OSC 52)",
            [
                .on(.character("c"), .job(.copyID)),
                .on(
                    .character("u"), .job(.copyURL),
                    unavailable: { $0.videoURL == nil ? Refusal("\($0.id) has no video URL yet") : nil }),
                .on(.character("y"), .job(.copyPath), unavailable: JobRules.notDownloaded),
                .on(.character("x"), .job(.copySCPLine), unavailable: JobRules.notDownloaded),
            ],
            details: { job in
                guard job.phase == .completed else { return [DetailsHint("c", "copy id")] }
                switch (job.videoURL != nil, job.filePath != nil) {
                case (_, true): return [DetailsHint("c u y x", "copy id, URL, path, scp")]
                case (true, false): return [DetailsHint("c u", "copy id, URL")]
                case (false, false): return [DetailsHint("c", "copy id")]
                }
            }),
        KeyBinding(
            .table, "*", "favourite / not (stored; hailuo jobs --favourites)",
            [.on(.character("*"), .job(.toggleFavourite))],
            details: { [DetailsHint("*", $0.favourite ? "unfavourite" : "favourite")] }),
        KeyBinding(
            .table, "h", "hide / unhide the job", [.on(.character("h"), .job(.toggleHidden))],
            details: { [DetailsHint("h", $0.hidden ? "unhide" : "hide")] }),
    ]

    /// The filter, the help and questions: keys that apply while one of them has the keys.
    static let overlays: [KeyBinding] = [
        KeyBinding(
            .overlays, "Enter / Esc (filter)", "keep / clear the filter; other keys edit it",
            [
                .on(.enter, .keepFilter, in: [.filter]), .on(.escape, .clearFilter, in: [.filter]),
                .matching(.anyKey, .edit, in: [.filter]),
            ]),
        KeyBinding(
            .overlays, "Esc ? F1 q (help)", "close the help",
            KeyBinding.Entry.each([.escape, .character("?"), .function(1), .character("q")], .closeHelp, in: [.help])),
        KeyBinding(
            .overlays, "↑ ↓ j k PgUp PgDn Space Home End g G", "scroll the help",
            [
                .on(.up, .scrollHelp(.up), in: [.help]), .on(.character("k"), .scrollHelp(.up), in: [.help]),
                .on(.down, .scrollHelp(.down), in: [.help]), .on(.character("j"), .scrollHelp(.down), in: [.help]),
                .on(.pageUp, .scrollHelp(.pageUp), in: [.help]), .on(.pageDown, .scrollHelp(.pageDown), in: [.help]),
                .on(.character(" "), .scrollHelp(.pageDown), in: [.help]),
                .on(.home, .scrollHelp(.first), in: [.help]), .on(.character("g"), .scrollHelp(.first), in: [.help]),
                .on(.end, .scrollHelp(.last), in: [.help]), .on(.character("G"), .scrollHelp(.last), in: [.help]),
            ]),
        KeyBinding(
            .overlays, "← → h l (compare)", "choose a result",
            [
                .on(.left, .compareMove(-1), in: [.compare]), .on(.character("h"), .compareMove(-1), in: [.compare]),
                .on(.right, .compareMove(1), in: [.compare]), .on(.character("l"), .compareMove(1), in: [.compare]),
            ]),
        KeyBinding(
            .overlays, "Enter * (compare)", "open it in the details / favourite it",
            [
                .on(.enter, .compareOpenDetails, in: [.compare]),
                .on(.character("*"), .compareFavourite, in: [.compare]),
            ]),
        KeyBinding(
            .overlays, "Esc C q (compare)", "close the compare view",
            KeyBinding.Entry.each([.escape, .character("C"), .character("q")], .closeCompare, in: [.compare])),
        KeyBinding(
            .overlays, "Enter / Esc (preset name)", "save / cancel; other keys edit the name",
            [
                .on(.enter, .confirmPresetName, in: [.presetName]), .on(.escape, .closePresets, in: [.presetName]),
                .matching(.anyKey, .editPresetName, in: [.presetName]),
            ]),
        KeyBinding(
            .overlays, "↑ ↓ Enter Esc (presets)", "choose a preset / load it into the composer / close",
            [
                .on(.up, .presetMove(-1), in: [.presetList]), .on(.down, .presetMove(1), in: [.presetList]),
                .on(.enter, .loadPreset, in: [.presetList]), .on(.escape, .closePresets, in: [.presetList]),
            ]),
        KeyBinding(
            .overlays, "y Y / n N Esc Ctrl-C", "answer a question yes / no",
            KeyBinding.Entry.each([.character("y"), .character("Y")], .answer(true), in: [.confirmation])
                + KeyBinding.Entry.each(
                    [.character("n"), .character("N"), .escape, .ctrl("c")], .answer(false), in: [.confirmation])),
    ]

    /// What the details pane lists for `job`: the keys that act on it, in the map's order.
    public static func detailsHints(for job: Job) -> [DetailsHint] {
        bindings.compactMap(\.details).flatMap { $0(job) }
    }
}

/// When actions on a job cannot happen, shared by more than one binding.
enum JobRules {
    /// Polling is for pending jobs; checking an unconfirmed one without an id says where to look.
    @Sendable static func pollRefusal(_ job: Job) -> Refusal? {
        if job.phase == .unconfirmed, job.generationID == nil { return nil }
        guard job.phase == .pending else {
            return Refusal("\(job.id) is \(job.displayStatus); only pending jobs are polled")
        }
        return nil
    }

    @Sendable static func notDownloaded(_ job: Job) -> Refusal? {
        job.filePath == nil ? Refusal("\(job.id) is not downloaded yet (d downloads it)") : nil
    }

    /// What `n` says about an unconfirmed job: there is nothing to poll, so where to look.
    static func unconfirmedCheck(_ job: Job) -> String {
        "\(job.id): the provider's answer never arrived, so there is no id to check; look for a job "
            + "sent at \(Formatting.clock(job.createdAt)) in your AI/ML API dashboard, then R resubmit or D dismiss"
    }
}
