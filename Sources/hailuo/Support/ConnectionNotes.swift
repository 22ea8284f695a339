import Foundation
import HailuoCore
import HailuoEngine

/// Prints connection trouble (retries, rate limits, refused keys) on stderr as it happens.
enum ConnectionNotes {
    static func print(_ events: AsyncStream<EngineEvent>) async {
        var last: ConnectionState?
        for await event in events {
            guard case .connection(let state) = event, state != last else { continue }
            last = state
            switch state {
            case .online: break
            case .offline(let why): Console.progress("connection: \(Console.message(why))")
            case .rateLimited(let until):
                Console.progress("rate limited by the API; waiting \(JobText.duration(until.timeIntervalSinceNow))")
            case .unauthorized(let why): Console.progress("the API refused the key: \(Console.message(why))")
            }
        }
    }
}
