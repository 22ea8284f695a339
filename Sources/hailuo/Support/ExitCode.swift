/// The CLI's documented exit codes.
enum ExitStatus: Int32 {
    /// Done: the job (or every job) completed, or the command did what it said.
    case success = 0
    /// A job failed (or was refused by the provider).
    case jobFailed = 1
    /// Usage or validation error; nothing was sent.
    case usage = 2
    /// API or network error (including a submission whose answer was lost).
    case api = 3
    /// `--timeout` ran out before the jobs finished.
    case timeout = 4
    /// Interrupted (Ctrl-C, SIGTERM, SIGHUP); what was sent goes on upstream.
    case interrupted = 130
}

/// Ends a command with an exit status and one sentence on stderr.
struct CLIFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }
}
