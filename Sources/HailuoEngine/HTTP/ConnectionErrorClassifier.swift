import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Decides whether a transport error proves that a request never reached the server.
enum ConnectionErrorClassifier {
    /// `true` when the error happened before any byte of the request could have been sent:
    /// connection refused, host unreachable, DNS failure, connect timeout.
    static func certainlyNotSent(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return error == .connectTimeout || error == .invalidURL
                || error == .emptyHost || error == .emptyScheme
        }
        if error is NIOConnectionError { return true }
        if error is SocketAddressError { return true }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
        }
        return false
    }

    /// A short phrase for logs and messages, without URLs' query strings or headers.
    static func phrase(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connect timed out"
            case .readTimeout: return "read timed out"
            case .deadlineExceeded: return "request timed out"
            case .remoteConnectionClosed: return "the connection was closed before the answer"
            default: return String(describing: error)
            }
        }
        if error is NIOConnectionError { return "connection refused or host not found" }
        if let error = error as? IOError {
            if error.errnoCode == ECONNREFUSED { return "connection refused" }
            if error.errnoCode == ECONNRESET { return "connection reset" }
            return "I/O error \(error.errnoCode)"
        }
        if error is SocketAddressError { return "host name not found" }
        return String(describing: error)
    }
}
