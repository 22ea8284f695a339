import Foundation
import HailuoCore

/// A short message at the bottom of the screen that fades after a few seconds.
public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case info
        case error
    }

    public var text: String
    public var kind: Kind
    /// When it disappears.
    public var until: Date

    public init(_ text: String, kind: Kind = .info, until: Date) {
        self.text = text
        self.kind = kind
        self.until = until
    }
}

/// The two bottom lines: the message line (a flash, the filter being typed, or the keys of the
/// focused part) and the status bar (mode, host, key, connection, counts).
public struct StatusBar: Sendable, Equatable {
    public private(set) var connection: ConnectionState = .online
    public private(set) var flash: Flash?
    /// The account's balance in USD, once the provider told it.
    public private(set) var balanceUSD: Double?

    /// How long a flash message stays.
    public static let flashSeconds: TimeInterval = 5

    public init() {}

    mutating func setConnection(_ state: ConnectionState) { connection = state }

    mutating func setBalance(_ usd: Double?) { balanceUSD = usd }

    /// Shows `text` from `now` for ``flashSeconds``.
    mutating func show(_ text: String, error: Bool = false, now: Date) {
        flash = Flash(text, kind: error ? .error : .info, until: now.addingTimeInterval(Self.flashSeconds))
    }

    /// Lets a flash whose time is up go.
    mutating func expire(at date: Date) {
        if let flash, flash.until <= date { self.flash = nil }
    }

    /// Removes the flash at once.
    mutating func clearFlash() { flash = nil }
}
