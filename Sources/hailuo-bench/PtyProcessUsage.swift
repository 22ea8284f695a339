import Foundation

/// What the kernel says a process has used so far, read from `/proc` (Linux only).
struct ProcessUsage: Sendable {
    /// CPU seconds, user plus system, of every thread that ever ran (`/proc/PID/stat` fields 14 and 15,
    /// in clock ticks of 1/`sysconf(_SC_CLK_TCK)` s).
    var cpuSeconds: Double
    /// Context switches, voluntary plus involuntary, summed over the threads alive now
    /// (`/proc/PID/task/*/status`): each one is the process going to sleep or being preempted.
    var contextSwitches: Int
    /// Peak resident set size in bytes (`VmHWM`).
    var peakResidentBytes: Int
    /// Resident anonymous memory in bytes (`RssAnon`: heap and stacks, without the shared, clean
    /// code pages of the binary and its libraries that `VmHWM` also counts).
    var anonymousBytes: Int
    /// Threads alive now.
    var threads: Int

    /// Reads the usage of `pid`; nil when it is gone or `/proc` is not there.
    static func read(_ pid: pid_t) -> ProcessUsage? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3 (state).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var switches = 0
        for task in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            else { continue }
            switches += field("voluntary_ctxt_switches", in: text) + field("nonvoluntary_ctxt_switches", in: text)
        }
        return ProcessUsage(
            cpuSeconds: (user + system) / ticks, contextSwitches: switches,
            peakResidentBytes: field("VmHWM", in: status) * 1024, anonymousBytes: field("RssAnon", in: status) * 1024,
            threads: tasks.count)
    }

    /// The first number after `name:` in a `/proc` status text (0 when missing).
    private static func field(_ name: String, in text: String) -> Int {
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let words = line.dropFirst(name.count + 1).split { $0 == " " || $0 == "\t" }
            return words.first.flatMap { Int($0) } ?? 0
        }
        return 0
    }
}
