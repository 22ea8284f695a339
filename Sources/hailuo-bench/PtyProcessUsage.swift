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

    /// CPU nanoseconds run by each live thread, keyed by thread id (`/proc/PID/task/TID/schedstat`,
    /// first field): exact, where `/proc/PID/stat` counts whole clock ticks of 10 ms.
    static func runNanosecondsByThread(_ pid: pid_t) -> [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var result: [String: Int] = [:]
        for task in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/schedstat", encoding: .utf8),
                let first = text.split(separator: " ").first, let nanoseconds = Int(first)
            else { continue }
            result[task] = nanoseconds
        }
        return result
    }

    /// CPU seconds the threads alive at `after` ran since `before` (a thread born in between counts
    /// from zero; one that ended in between is missed: hailuo's are the concurrency pool's, which
    /// come and go around a few microseconds of work).
    static func runSeconds(from before: [String: Int], to after: [String: Int]) -> Double {
        Double(after.reduce(0) { $0 + $1.value - (before[$1.key] ?? 0) }) / 1e9
    }

    /// Context switches per thread times a million plus its CPU clock ticks, keyed by "name/tid"
    /// (`/proc/PID/task/TID/comm`), for finding which thread wakes up and works while idle.
    static func switchesByThread(_ pid: pid_t) -> [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var result: [String: Int] = [:]
        for task in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            else { continue }
            let name =
                (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            // Clock ticks of CPU (utime + stime), so the breakdown also says which thread works.
            var ticks = 0
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            {
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if fields.count > 13 { ticks = (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) }
            }
            result["\(name)/\(task)"] =
                (field("voluntary_ctxt_switches", in: text) + field("nonvoluntary_ctxt_switches", in: text)) * 1_000_000
                + ticks
        }
        return result
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
