import HailuoCore
import TUIKit

/// The pictures the screen has made or is making: each request's outcome, kept for the most
/// recently used requests. A picture is asked for once; until it arrives its place shows a
/// quiet "…", so typing and moving never wait for one.
public struct Pictures: Sendable, Equatable {
    /// What the screen knows about a request.
    public enum State: Sendable, Equatable {
        /// Asked for, not back yet.
        case loading
        case ready(PictureOutcome)
    }

    /// How many outcomes are kept (each a few KB of cells).
    public static let capacity = 64

    /// Whether pictures are drawn at all, and in what colours and symbols.
    public let depth: ColorDepth
    public let symbols: PictureSymbols
    public private(set) var states: [PictureRequest: State] = [:]
    /// Requests from least to most recently needed.
    private var recency: [PictureRequest] = []

    public init(depth: ColorDepth, symbols: PictureSymbols) {
        self.depth = depth
        self.symbols = symbols
    }

    /// A request for `source` fitting `box` in this screen's colours and symbols.
    public func request(_ source: PictureSource, box: Size) -> PictureRequest {
        PictureRequest(source: source, box: box, depth: depth, symbols: symbols)
    }

    /// The state of `request`, nil when never asked for.
    public func state(of request: PictureRequest) -> State? { states[request] }

    /// Marks what the screen now shows as needed and returns the work for those never asked for.
    /// Outcomes not needed for longest are forgotten beyond ``capacity``.
    mutating func commands(for needed: [PictureRequest]) -> [Command] {
        var commands: [Command] = []
        for request in needed {
            if states[request] == nil {
                states[request] = .loading
                commands.append(.makePicture(request))
            }
            if recency.last != request {
                recency.removeAll { $0 == request }
                recency.append(request)
            }
        }
        while recency.count > Self.capacity {
            let oldest = recency.removeFirst()
            // A request still on its way stays, so its answer is not asked for twice.
            if states[oldest] != .loading { states[oldest] = nil } else { recency.append(oldest) }
            if recency.allSatisfy({ states[$0] == .loading }) { break }
        }
        return commands
    }

    /// Takes a finished picture (dropped when it was forgotten meanwhile).
    mutating func receive(_ outcome: PictureOutcome, for request: PictureRequest) {
        guard states[request] != nil else { return }
        states[request] = .ready(outcome)
    }

    /// Forgets every outcome about `source` (a file changed, a clip was downloaded again).
    mutating func forget(_ source: PictureSource) {
        for request in states.keys where request.source == source { states[request] = nil }
        recency.removeAll { $0.source == source }
    }
}
